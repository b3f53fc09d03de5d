/**
 * The API behind the preload bridge and the web host: validates every call against the
 * contract, applies it to the store, re-plans reminders and tells listeners the state changed.
 * One implementation for the Electron main process and the web host.
 */
import type { IsoDate } from '../core/date-phrase';
import { ICAL_FILE_NAME, ICAL_MIME_TYPE, icalOptionsFromSettings } from '../core/ical';
import type { AnyMilestone, Milestone, OwnMilestone } from '../core/milestone';
import { randomUUID } from 'node:crypto';
import { deriveProgress, setMuted } from '../core/progress';
import {
  appendRecord,
  appendRetraction,
  checkLogKey,
  LogEntryError,
  appendOwner,
  checkOwnerKey,
} from '../core/recording';
import { adoptionOf, PublicRecordError, type PublicRecordFile } from '../core/public-record';
import { alreadyStated, parseLogKey } from '../core/progress-log';
import { buildReview, compareReviews } from '../core/review';
import { DEFAULT_REVIEW_SOURCE, entriesForSource, type ReviewSource } from '../core/review-source';
import { REVIEW_MIME, reviewFileName } from '../core/review-export';
import { resolveLocale } from '../core/shell-locale';
import type { Locale, UserState } from '../core/user-state';
import { searchMilestoneIds } from '../core/milestone-search';
import { timelineMilestone, type TimelineMilestone } from '../core/timeline-milestone';
import {
  parseApiInput,
  type ApiError,
  type ApiEvent,
  type ApiEventPayloads,
  type ApiInput,
  type ApiMethod,
  type ChangeAck,
  type ApiResult,
  type ExportedFile,
  type PublicRecordSummary,
  type SavedFile,
  type Snapshot,
  type WireOutputs,
} from '../contract/api';
import { authorOf, meOf } from './author';
import { deriveOwners, milestonesOwnedBy, type OwnerFilter } from '../core/ownership';
import { importPublicRecordText, publicRecordFor } from './public-record-source';
import { dirname } from 'node:path';
import { renderReview } from './review-files';
import { translator } from './i18n';
import type { ReminderService } from './scheduler';
import { publishIcal } from './feed-server';
import { bundledSectionNames } from './milestones-source';
import type { SectionNames } from '../core/sections';
import { exportStateJson, importStateIntoStore, StateImportError } from './state-transfer';
import { StoreValidationError, type StateStore } from './store';
import { TeamError } from './team/http';
import type { TeamService } from './team/team-service';
import { ImportError } from './importers';
import type { MilestoneCatalog } from './milestone-catalog';
import { COMPASS, removeStrategy, StrategyFileError } from './strategies';
import { acceptStrategy, previewStrategy, StrategyInputError } from './strategy-import';

export interface AppServiceOptions {
  store: StateStore;
  /**
   * The milestones: the dataset, and the saved strategies when they follow it (its strategiesDir:
   * then the UI can import, save and remove strategies; without one, e.g. --strategy, it cannot).
   */
  catalog: MilestoneCatalog;
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
  /** Saves an exported file where the user chooses (the desktop shell's save dialog). */
  saveFile?: (file: ExportedFile) => Promise<SavedFile>;
  /** The public record beside the user's log (default: the bundled one, checked against `dataset`). */
  publicRecord?: PublicRecordFile | null;
  /** The team sync (CalDAV): Settings' team connection; it syncs after every change. */
  team?: TeamService;
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
/** A team connection refused or failed: the engine's words and why (the UI words it itself). */
class TeamCallError extends Error {
  constructor(
    readonly problem: TeamError['code'],
    message: string,
  ) {
    super(message);
  }
}
/** Team problems the user fixes in the form (400 over HTTP); others are failures (server, network). */
const TEAM_INPUT_PROBLEMS = new Set<TeamError['code']>(['auth', 'config', 'insecure', 'not-found', 'tls']);
/** A call the user can fix (e.g. an id that is taken). */
class BadInput extends Error {}

/** Errors that mean the input was refused, not that something broke. */
const isBadInput = (error: unknown) =>
  error instanceof BadInput ||
  error instanceof StoreValidationError ||
  error instanceof StateImportError ||
  error instanceof PublicRecordError ||
  error instanceof LogEntryError ||
  error instanceof ImportError ||
  error instanceof StrategyInputError ||
  error instanceof StrategyFileError;

const file = (content: string, fileName: string, mimeType: string): ExportedFile => ({
  content,
  fileName,
  mimeType,
});

export function createAppService(options: AppServiceOptions): AppService {
  const { store, catalog } = options;
  const now = options.now ?? (() => new Date());
  const listeners = new Set<Listener>();
  let notices = [...store.notices];
  const { strategiesDir } = catalog;
  /** The catalog's problems (a damaged strategy file) join the notices, each once. */
  const noteProblems = () => {
    for (const problem of catalog.problems()) if (!notices.includes(problem)) notices.push(problem);
  };
  noteProblems();
  /** The saved strategies again, after one was saved or removed. */
  const reload = () => {
    catalog.reload();
    noteProblems();
  };
  const requireStrategies = (): string => {
    if (!strategiesDir)
      throw new BadInput(
        'This window was started with a fixed set of strategies (--strategy): restart it without --strategy to import or remove one.',
      );
    return strategiesDir;
  };
  /** The milestones of one strategy ("compass": the Compass's and the user's own), or all. */
  const ofStrategy = (all: AnyMilestone[], strategy: string | undefined): AnyMilestone[] => {
    if (strategy === undefined) return all;
    const imported = new Set(catalog.strategies().flatMap((s) => s.milestoneIds));
    if (strategy === COMPASS) return all.filter((m) => !imported.has(m.id));
    const chosen = catalog.strategies().find((s) => s.slug === strategy);
    if (!chosen) throw new NotFound(`No saved strategy "${strategy}".`);
    const ids = new Set(chosen.milestoneIds);
    return all.filter((m) => ids.has(m.id));
  };
  const sectionNames = options.sectionNames ?? bundledSectionNames();
  const found =
    options.publicRecord === undefined ? publicRecordFor(dirname(store.path), catalog.dataset()) : null;
  if (found?.problem) notices.push(found.problem);
  // `let`: a team's record imported from Settings replaces the layer while the app runs.
  let publicEntries: PublicRecordFile['entries'] = [];
  let publicLayer: { asOf: IsoDate; entries: PublicRecordFile['entries'] } | null = null;
  let publicSummary: PublicRecordSummary | null = null;
  const usePublicRecord = (record: PublicRecordFile | null) => {
    publicEntries = record?.entries ?? [];
    publicLayer = record ? { asOf: record.asOf, entries: record.entries } : null;
    publicSummary = record
      ? {
          asOf: record.asOf,
          entryCount: record.entries.length,
          keys: [...new Set(record.entries.map((e) => e.key))],
        }
      : null;
  };
  usePublicRecord(found ? found.record : (options.publicRecord ?? null));
  /** The log a review from `source` reads (the user's, the public record's, or both per key). */
  const reviewLog = (state: UserState, source: ReviewSource) =>
    entriesForSource(state.log, publicEntries, source);

  const milestones = (state: UserState): AnyMilestone[] => catalog.all(state);
  /** Who "I" am for the owner filter (the team's user name is the default person, once connected). */
  const me = (state: UserState) =>
    meOf(state.settings, state.settings.me?.person || state.settings.author ? null : options.team?.user());
  /** What an export's cover says of an owner filter: whose milestones it kept. */
  const ownerCover = (state: UserState, filter: 'mine' | 'unit') => ({
    filter,
    name: (filter === 'mine' ? me(state).person : me(state).unit) ?? '—',
  });
  /** The milestones a review covers under an owner filter. */
  const ownedBy = (state: UserState, list: readonly AnyMilestone[], filter: OwnerFilter = 'all') =>
    milestonesOwnedBy(list, deriveOwners(state.log), filter, me(state));
  const locale = (state: UserState): Locale => resolveLocale(state.settings.locale, options.systemLocale());

  /** The timeline's projection of the dataset, once per dataset (a strategy saved or removed makes a new one). */
  let projected: { of: readonly Milestone[]; milestones: TimelineMilestone[] } | null = null;
  const timelineMilestones = (state: UserState): TimelineMilestone[] => {
    const dataset = catalog.dataset();
    if (projected?.of !== dataset) projected = { of: dataset, milestones: dataset.map(timelineMilestone) };
    return [...projected.milestones, ...state.ownMilestones.map(timelineMilestone)];
  };
  // Counted on from the clock, so that a window outliving a restarted web host still sees newer revisions.
  let revision = Date.now();
  const snapshot = (state: UserState = store.read()): Snapshot => ({
    revision: (revision += 1),
    today: options.today(),
    milestones: timelineMilestones(state),
    progress: deriveProgress(state),
    owners: Object.fromEntries(deriveOwners(state.log)),
    author: authorOf(state.settings),
    me: me(state),
    settings: state.settings,
    systemLocale: options.systemLocale(),
    notices,
    sectionNames,
    reminders: { fired: state.fired, snoozed: state.snoozed },
    feed: options.feedUrls?.() ?? null,
    ...(publicSummary ? { publicRecord: publicSummary } : {}),
    ...(strategiesDir ? { strategies: [...catalog.strategies()] } : {}),
  });

  const emit: AppService['emit'] = (event, payload) =>
    listeners.forEach((listener) => listener(event, payload));

  /** Tells every window the new state, once; the change's reply names its revision. */
  const tell = (next: Snapshot): ChangeAck => {
    emit('stateChanged', next);
    return { revision: next.revision };
  };
  /** After a change is written: re-plans the reminders, tells every window, and syncs. */
  const changed = (state: UserState, fromTeam = false): ChangeAck => {
    const next = snapshot(state);
    options.reminders?.replan(state);
    const ack = tell(next);
    if (!fromTeam) options.team?.localChanged();
    return ack;
  };
  const team = options.team;
  team?.subscribe({
    status: (status) => emit('teamStatus', status),
    // Colleagues' entries were merged into the store: every window gets the new state.
    received: () => void changed(store.read(), true),
  });
  const requireTeam = (): TeamService => {
    if (!team) throw new NotFound('The team sync is not available here.');
    return team;
  };
  const change = (fn: (state: UserState) => UserState): ChangeAck => changed(store.update(fn));

  const requireMilestone = (state: UserState, id: string) => {
    if (!milestones(state).some((m) => m.id === id)) throw new NotFound(`No milestone with id "${id}".`);
  };
  const entryContext = (state: UserState) => ({
    author: authorOf(state.settings),
    now: now(),
    today: options.today(),
    newId: randomUUID,
  });
  /** Runs a log change; a refused one becomes a not-found or a plain failure with its message. */
  const logChange = (fn: () => ChangeAck): ChangeAck => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof LogEntryError && error.code === 'not-found') throw new NotFound(error.message);
      throw error;
    }
  };

  const handlers: { [M in ApiMethod]: (input: ApiInput<M>) => WireOutputs[M] | Promise<WireOutputs[M]> } = {
    getSnapshot: () => snapshot(),
    getMilestoneDetail: ({ id }) => {
      const state = store.read();
      const milestone = milestones(state).find((m) => m.id === id);
      if (!milestone) throw new NotFound(`No milestone with id "${id}".`);
      const ofThis = (key: string) => parseLogKey(key).milestoneId === id;
      return {
        milestone,
        log: state.log.filter((e) => ofThis(e.key)),
        ...(publicLayer
          ? {
              publicRecord: {
                asOf: publicLayer.asOf,
                entries: publicLayer.entries.filter((e) => ofThis(e.key)),
              },
            }
          : {}),
      };
    },
    searchMilestones: ({ query }) => ({ ids: searchMilestoneIds(milestones(store.read()), query) }),
    appendLogEntry: (input) =>
      logChange(() =>
        change((state) => {
          checkLogKey(milestones(state), input.key, options.today());
          return appendRecord(state, input, entryContext(state)).state;
        }),
      ),
    retractLogEntry: ({ entryId, note }) =>
      logChange(() =>
        change((state) => appendRetraction(state, entryId, { ...entryContext(state), note }).state),
      ),
    setOwner: (input) =>
      logChange(() =>
        change((state) => {
          checkOwnerKey(milestones(state), input.key);
          return appendOwner(state, input, entryContext(state)).state;
        }),
      ),
    setMuted: ({ id, muted }) =>
      change((state) => {
        requireMilestone(state, id);
        return setMuted(state, id, muted);
      }),
    saveOwnMilestone: (milestone) => {
      if (catalog.ids().has(milestone.id))
        throw new BadInput(`"${milestone.id}" is a Compass milestone id; pick another.`);
      return change((state) => {
        const own = milestone as OwnMilestone;
        const others = state.ownMilestones.filter((m) => m.id !== own.id);
        return { ...state, ownMilestones: [...others, own] };
      });
    },
    deleteOwnMilestone: ({ id }) =>
      change((state) => {
        if (!state.ownMilestones.some((m) => m.id === id))
          throw new NotFound(`No milestone of your own with id "${id}".`);
        // Its log entries stay in the log (nothing recorded is ever removed); they no longer show.
        return {
          ...state,
          ownMilestones: state.ownMilestones.filter((m) => m.id !== id),
          muted: state.muted.filter((m) => m !== id),
        };
      }),
    updateSettings: (patch) => change((state) => ({ ...state, settings: { ...state.settings, ...patch } })),
    getReview: ({ asOf, source = DEFAULT_REVIEW_SOURCE, strategy, owner }) => {
      const state = store.read();
      const covered = ownedBy(state, ofStrategy(milestones(state), strategy), owner);
      return buildReview(covered, reviewLog(state, source), asOf, source);
    },
    compareReviews: ({ from, to, source = DEFAULT_REVIEW_SOURCE, owner }) => {
      const state = store.read();
      const log = reviewLog(state, source);
      const covered = ownedBy(state, milestones(state), owner);
      return compareReviews(buildReview(covered, log, from, source), buildReview(covered, log, to, source));
    },
    adoptPublicRecord: ({ entryId }) =>
      logChange(() =>
        change((state) => {
          const entry = publicEntries.find((e) => e.id === entryId);
          if (!entry) throw new NotFound(`No public-record entry with id "${entryId}".`);
          if (alreadyStated(state.log, entry)) {
            throw new Error(
              `Your log already says "${entry.status}" on ${entry.on} for ${entry.key}; nothing was added.`,
            );
          }
          checkLogKey(milestones(state), entry.key, options.today());
          return appendRecord(state, adoptionOf(entry, locale(state)), entryContext(state)).state;
        }),
      ),
    exportReview: async ({ asOf, format, compareTo, source, owner }) => {
      const state = store.read();
      const content = await renderReview({
        milestones: ownedBy(state, milestones(state), owner),
        ...(owner && owner !== 'all' ? { owner: ownerCover(state, owner) } : {}),
        log: state.log,
        publicEntries,
        source: source ?? DEFAULT_REVIEW_SOURCE,
        asOf,
        compareTo: compareTo ?? null,
        format,
        locale: locale(state),
        preparedBy: authorOf(state.settings),
        generatedAt: now(),
        sectionNames,
      });
      const binary = typeof content !== 'string';
      return {
        content: binary ? Buffer.from(content).toString('base64') : content,
        ...(binary ? { encoding: 'base64' as const } : {}),
        fileName: reviewFileName(asOf, format),
        mimeType: REVIEW_MIME[format],
      };
    },
    exportIcal: (input) => {
      const content = publishIcal(store, catalog.dataset(), (state) => ({
        ...icalOptionsFromSettings(state.settings.feed),
        ...input,
        strategyNames: catalog.strategyNames(),
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
      const result = importStateIntoStore(store, content, now(), catalog.ids());
      if (result.unknownIds.length > 0) {
        const ids = result.unknownIds
          .slice(0, 5)
          .map((id) => JSON.stringify(id.slice(0, 60)))
          .join(', ');
        const more = result.unknownIds.length > 5 ? ` … (+${result.unknownIds.length - 5})` : '';
        notices = [
          ...notices,
          translator(locale(result.state), 'store')('importSkipped', {
            count: result.unknownIds.length,
            ids: `${ids}${more}`,
          }),
        ];
      }
      return changed(result.state);
    },
    importPublicRecord: ({ content, fileName }) => {
      // The CLI's import-record: checked against the dataset, refused whole before anything is written.
      const record = importPublicRecordText(
        dirname(store.path),
        content,
        catalog.dataset(),
        fileName ?? 'The file',
      );
      usePublicRecord(record);
      if (found?.problem) notices = notices.filter((n) => n !== found.problem); // the old file is gone
      return changed(store.read());
    },
    snooze: ({ key, option }) => {
      if (!options.reminders) throw new Error('Reminders are not running.');
      options.reminders.snooze(key, option); // plans again itself
      return tell(snapshot());
    },
    openExternal: async ({ url }) => ({
      opened: options.openExternal ? await options.openExternal(url) : false,
    }),
    dismissNotice: ({ index }) => {
      notices = notices.filter((_, i) => i !== index);
      return tell(snapshot());
    },
    getTeamStatus: () => requireTeam().status(),
    connectTeam: async (input) => {
      const service = requireTeam();
      try {
        return await service.connect(input);
      } catch (error) {
        if (error instanceof TeamError) throw new TeamCallError(error.code, error.message);
        throw error;
      }
    },
    syncTeam: () => requireTeam().syncNow(),
    disconnectTeam: () => requireTeam().disconnect(),
    previewStrategy: (input) => previewStrategy(requireStrategies(), input),
    saveStrategy: (input) => {
      const file = acceptStrategy(requireStrategies(), input);
      reload();
      return { ...changed(store.read()), slug: file.slug, count: file.milestones.length };
    },
    removeStrategy: ({ slug }) => {
      removeStrategy(requireStrategies(), slug, now());
      reload();
      return changed(store.read());
    },
    saveFile: (input) => {
      // The web host has no dialog: its browser client downloads the file itself.
      if (!options.saveFile)
        throw new Error('Saving files is done by the browser here: download it instead.');
      return options.saveFile(input);
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
        const apiError: ApiError =
          error instanceof TeamCallError
            ? {
                code: TEAM_INPUT_PROBLEMS.has(error.problem) ? 'invalid-input' : 'failed',
                message: error.message,
                team: error.problem,
              }
            : {
                code:
                  error instanceof NotFound ? 'not-found' : isBadInput(error) ? 'invalid-input' : 'failed',
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
