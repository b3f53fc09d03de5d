/**
 * The API behind the preload bridge and the web host: validates every call against the
 * contract, applies it to the store, re-plans reminders and tells listeners the state changed.
 * One implementation for the Electron main process and the web host.
 */
import type { IsoDate } from '../core/date-phrase';
import { ICAL_FILE_NAME, ICAL_MIME_TYPE, icalOptionsFromSettings } from '../core/ical';
import type { AnyMilestone, Milestone, OwnMilestone } from '../core/milestone';
import { applyProgressPatch } from '../core/progress';
import { buildReview } from '../core/review';
import { exportReview } from '../core/review-export';
import type { Locale, UserState } from '../core/user-state';
import {
  parseApiInput,
  type ApiError,
  type ApiEvent,
  type ApiEventPayloads,
  type ApiInput,
  type ApiMethod,
  type ApiOutputs,
  type ApiResult,
  type ExportedFile,
  type Snapshot,
} from '../contract/api';
import type { ReminderService } from './scheduler';
import { publishIcal } from './feed-server';
import { bundledSectionNames } from './milestones-source';
import type { SectionNames } from '../core/sections';
import { exportStateJson, importStateIntoStore } from './state-transfer';
import type { StateStore } from './store';

export interface AppServiceOptions {
  store: StateStore;
  /** The Compass dataset (bundled or --milestones). */
  dataset: Milestone[];
  /** Today in the user's time zone. */
  today: () => IsoDate;
  /** The operating system's language, e.g. "nl-NL". */
  systemLocale: () => string;
  reminders?: Pick<ReminderService, 'replan' | 'snooze'>;
  /** Display names of the dataset's sections (default: the bundled ones). */
  sectionNames?: SectionNames;
  /** The live feed's addresses while it runs (the shell's feed controller). */
  feedUrls?: () => { http: string; webcal: string } | null;
  /** Opens an already validated http(s) URL in the user's browser. */
  openExternal?: (url: string) => Promise<boolean>;
  now?: () => Date;
}

type Listener = <E extends ApiEvent>(event: E, payload: ApiEventPayloads[E]) => void;

export interface AppService {
  /** Validates an untrusted call and runs it; never throws. */
  dispatch(method: unknown, payload: unknown): Promise<ApiResult<unknown>>;
  snapshot(): Snapshot;
  subscribe(listener: Listener): () => void;
  emit<E extends ApiEvent>(event: E, payload: ApiEventPayloads[E]): void;
}

class NotFound extends Error {}

const file = (content: string, fileName: string, mimeType: string): ExportedFile => ({
  content,
  fileName,
  mimeType,
});

export function createAppService(options: AppServiceOptions): AppService {
  const { store, dataset } = options;
  const now = options.now ?? (() => new Date());
  const listeners = new Set<Listener>();
  const datasetIds = new Set(dataset.map((m) => m.id));
  let notices = [...store.notices];
  const sectionNames = options.sectionNames ?? bundledSectionNames();

  const milestones = (state: UserState): AnyMilestone[] => [...dataset, ...state.ownMilestones];
  const locale = (state: UserState): Locale =>
    state.settings.locale ?? (options.systemLocale().toLowerCase().startsWith('nl') ? 'nl' : 'en');

  const snapshot = (state: UserState = store.read()): Snapshot => ({
    today: options.today(),
    milestones: milestones(state),
    progress: state.progress,
    settings: state.settings,
    systemLocale: options.systemLocale(),
    notices,
    sectionNames,
    reminders: { fired: state.fired, snoozed: state.snoozed },
    feed: options.feedUrls?.() ?? null,
  });

  const emit: AppService['emit'] = (event, payload) =>
    listeners.forEach((listener) => listener(event, payload));

  /** Writes a change, re-plans the reminders and tells every window. */
  const changed = (state: UserState): Snapshot => {
    const next = snapshot(state);
    options.reminders?.replan();
    emit('stateChanged', next);
    return next;
  };
  const change = (fn: (state: UserState) => UserState): Snapshot => changed(store.update(fn));

  const requireMilestone = (state: UserState, id: string) => {
    if (!milestones(state).some((m) => m.id === id)) throw new NotFound(`No milestone with id "${id}".`);
  };

  const handlers: { [M in ApiMethod]: (input: ApiInput<M>) => ApiOutputs[M] | Promise<ApiOutputs[M]> } = {
    getSnapshot: () => snapshot(),
    updateProgress: ({ id, patch }) => {
      requireMilestone(store.read(), id);
      return change((state) => applyProgressPatch(state, id, patch, now()));
    },
    saveOwnMilestone: (milestone) => {
      if (datasetIds.has(milestone.id))
        throw new Error(`"${milestone.id}" is a Compass milestone id; pick another.`);
      return change((state) => {
        const own = milestone as OwnMilestone;
        const others = state.ownMilestones.filter((m) => m.id !== own.id);
        return { ...state, ownMilestones: [...others, own] };
      });
    },
    deleteOwnMilestone: ({ id }) => {
      if (!store.read().ownMilestones.some((m) => m.id === id))
        throw new NotFound(`No milestone of your own with id "${id}".`);
      return change((state) => {
        const { [id]: _removed, ...progress } = state.progress;
        return { ...state, ownMilestones: state.ownMilestones.filter((m) => m.id !== id), progress };
      });
    },
    updateSettings: (patch) => change((state) => ({ ...state, settings: { ...state.settings, ...patch } })),
    getReview: ({ asOf }) => {
      const state = store.read();
      return buildReview(milestones(state), state.progress, asOf);
    },
    exportReview: ({ asOf, format }) => {
      const state = store.read();
      const content = exportReview(
        buildReview(milestones(state), state.progress, asOf),
        format,
        locale(state),
      );
      const mime = { md: 'text/markdown', csv: 'text/csv', json: 'application/json' }[format];
      return file(content, `compass-review-${asOf}.${format}`, `${mime}; charset=utf-8`);
    },
    exportIcal: (input) => {
      const content = publishIcal(store, dataset, (state) => ({
        ...icalOptionsFromSettings(state.settings.feed),
        ...input,
      }));
      return file(content, ICAL_FILE_NAME, `${ICAL_MIME_TYPE}; charset=utf-8`);
    },
    exportState: () =>
      file(
        exportStateJson(store.read(), now()),
        `compass-timeline-${options.today()}.json`,
        'application/json',
      ),
    importState: ({ content }) => {
      // A bad file throws before anything is written; what was there is kept as a backup file.
      return changed(importStateIntoStore(store, content, now()).state);
    },
    snooze: ({ key, option }) => {
      if (!options.reminders) throw new Error('Reminders are not running.');
      options.reminders.snooze(key, option); // the reminder service reports its change through onChange
      return snapshot();
    },
    openExternal: async ({ url }) => ({
      opened: options.openExternal ? await options.openExternal(url) : false,
    }),
    dismissNotice: ({ index }) => {
      notices = notices.filter((_, i) => i !== index);
      return snapshot();
    },
  };

  return {
    async dispatch(method, payload) {
      const parsed = parseApiInput(method, payload);
      if (!parsed.ok) return parsed;
      try {
        const handler = handlers[parsed.method] as (input: unknown) => unknown;
        return { ok: true, value: await handler(parsed.input) };
      } catch (error) {
        const apiError: ApiError = {
          code: error instanceof NotFound ? 'not-found' : 'failed',
          message: error instanceof Error ? error.message : String(error),
        };
        return { ok: false, error: apiError };
      }
    },
    snapshot: () => snapshot(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit,
  };
}
