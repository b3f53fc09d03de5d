/**
 * A FAKE CompassApi for component tests: in memory, no main process and no store on disk, but the
 * real core rules for the progress log (appendRecord, appendRetraction) and the real dataset. It
 * records every call.
 */
import { bundledSectionNames } from '../../electron/node/milestones-source';
import type {
  ApiEvent,
  ApiEventPayloads,
  ApiInput,
  ApiMethod,
  ApiOutputs,
  CompassApi,
  Snapshot,
  TeamStatus,
} from '../../electron/contract/api';
import type { AnyMilestone, Milestone } from '../../electron/core/milestone';
import { deriveProgress, setMuted } from '../../electron/core/progress';
import {
  appendRecord,
  appendRetraction,
  checkLogKey,
  appendOwner,
  checkOwnerKey,
} from '../../electron/core/recording';
import { deriveOwners, milestonesOwnedBy } from '../../electron/core/ownership';
import { adoptionOf, type PublicRecordFile } from '../../electron/core/public-record';
import { buildReview, compareReviews } from '../../electron/core/review';
import { entriesForSource } from '../../electron/core/review-source';
import { testId } from '../support/log';
import { parseLogKey } from '../../electron/core/progress-log';
import { searchMilestoneIds } from '../../electron/core/milestone-search';
import { timelineMilestone } from '../../electron/core/timeline-milestone';
import { DEFAULT_SETTINGS, EMPTY_STATE, type UserState } from '../../electron/core/user-state';
import dataset from '../../data/compass-milestones.json';

export const COMPASS: Milestone[] = dataset as Milestone[];

const DISCONNECTED: TeamStatus = {
  connection: null,
  password: 'none',
  canSeal: false,
  pending: 0,
  syncing: false,
  lastSync: null,
  lastError: null,
};

export interface FakeApiOptions {
  today?: string;
  systemLocale?: string;
  milestones?: AnyMilestone[];
  state?: Partial<UserState>;
  notices?: string[];
  /** The public record beside the log (none when left out). */
  publicRecord?: PublicRecordFile;
}

export interface FakeCompassApi extends CompassApi {
  calls: { method: ApiMethod | 'on'; input: unknown }[];
  callsTo<M extends ApiMethod>(method: M): ApiInput<M>[];
  emit<E extends ApiEvent>(event: E, payload: ApiEventPayloads[E]): void;
  snapshot(): Snapshot;
  /** The fake's stored state (its progress log, own milestones, settings). */
  state(): UserState;
  /** Make the next call of `method` fail with this message. */
  failNext(method: ApiMethod, message: string): void;
}

export function createFakeCompassApi(options: FakeApiOptions = {}): FakeCompassApi {
  const base = options.milestones ?? COMPASS;
  let state: UserState = { ...EMPTY_STATE, settings: DEFAULT_SETTINGS, ...options.state };
  let notices = [...(options.notices ?? [])];
  const listeners = new Map<ApiEvent, Set<(payload: never) => void>>();
  const calls: FakeCompassApi['calls'] = [];
  const failures = new Map<ApiMethod, string>();

  let revision = 0;
  const all = () => [...base, ...state.ownMilestones];
  const me = () => ({
    person: state.settings.me?.person ?? state.settings.author ?? 'Test User',
    unit: state.settings.me?.unit ?? null,
  });
  const snapshot = (): Snapshot => ({
    revision: (revision += 1),
    today: options.today ?? '2024-06-15',
    milestones: all().map(timelineMilestone),
    progress: deriveProgress(state),
    owners: Object.fromEntries(deriveOwners(state.log)),
    author: state.settings.author ?? 'Test User',
    me: me(),
    settings: state.settings,
    systemLocale: options.systemLocale ?? 'en-GB',
    notices,
    sectionNames: bundledSectionNames(),
    reminders: { fired: state.fired, snoozed: state.snoozed },
    // As a running feed server would answer (the real one is tested in tests/e2e/settings-feed).
    feed: state.settings.feed.enabled
      ? {
          http: `http://127.0.0.1:${state.settings.feed.port}/compass.ics`,
          webcal: `webcal://127.0.0.1:${state.settings.feed.port}/compass.ics`,
        }
      : null,
    ...(options.publicRecord
      ? {
          publicRecord: {
            asOf: options.publicRecord.asOf,
            entryCount: options.publicRecord.entries.length,
            keys: [...new Set(options.publicRecord.entries.map((e) => e.key))],
          },
        }
      : {}),
  });
  const publicEntries = () => options.publicRecord?.entries ?? [];

  const ctx = () => ({
    author: state.settings.author ?? 'Test User',
    now: new Date(`${options.today ?? '2024-06-15'}T10:00:00Z`),
    today: options.today ?? '2024-06-15',
    newId: testId,
  });

  const handlers: { [M in ApiMethod]: (input: ApiInput<M>) => ApiOutputs[M] } = {
    getSnapshot: () => snapshot(),
    getMilestoneDetail: ({ id }) => {
      const milestone = all().find((m) => m.id === id);
      if (!milestone) throw new Error(`No milestone with id "${id}".`);
      const ofThis = (key: string) => parseLogKey(key).milestoneId === id;
      return {
        milestone,
        log: state.log.filter((e) => ofThis(e.key)),
        ...(options.publicRecord
          ? {
              publicRecord: {
                asOf: options.publicRecord.asOf,
                entries: options.publicRecord.entries.filter((e) => ofThis(e.key)),
              },
            }
          : {}),
      };
    },
    searchMilestones: ({ query }) => ({ ids: searchMilestoneIds(all(), query) }),
    appendLogEntry: (input) => {
      checkLogKey([...base, ...state.ownMilestones], input.key, ctx().today);
      state = appendRecord(state, input, ctx()).state;
      return snapshot();
    },
    retractLogEntry: ({ entryId, note }) => {
      state = appendRetraction(state, entryId, { ...ctx(), note }).state;
      return snapshot();
    },
    setOwner: (input) => {
      checkOwnerKey([...base, ...state.ownMilestones], input.key);
      state = appendOwner(state, input, ctx()).state;
      return snapshot();
    },
    setMuted: ({ id, muted }) => {
      state = setMuted(state, id, muted);
      return snapshot();
    },
    saveOwnMilestone: (m) => {
      const own = m as UserState['ownMilestones'][number];
      const others = state.ownMilestones.filter((o) => o.id !== own.id);
      state = { ...state, ownMilestones: [...others, own] };
      return snapshot();
    },
    deleteOwnMilestone: ({ id }) => {
      state = { ...state, ownMilestones: state.ownMilestones.filter((o) => o.id !== id) };
      return snapshot();
    },
    updateSettings: (patch) => {
      state = { ...state, settings: { ...state.settings, ...patch } as UserState['settings'] };
      return snapshot();
    },
    getReview: ({ asOf, source = 'ours', owner = 'all' }) =>
      buildReview(
        milestonesOwnedBy([...base, ...state.ownMilestones], deriveOwners(state.log), owner, me()),
        entriesForSource(state.log, publicEntries(), source),
        asOf,
        source,
      ),
    compareReviews: ({ from, to, source = 'ours' }) => {
      const log = entriesForSource(state.log, publicEntries(), source);
      return compareReviews(
        buildReview([...base, ...state.ownMilestones], log, from, source),
        buildReview([...base, ...state.ownMilestones], log, to, source),
      );
    },
    adoptPublicRecord: ({ entryId }) => {
      const entry = publicEntries().find((e) => e.id === entryId);
      if (!entry) throw new Error(`No public-record entry with id "${entryId}".`);
      const locale = state.settings.locale ?? 'en';
      state = appendRecord(state, adoptionOf(entry, locale), ctx()).state;
      return snapshot();
    },
    exportReview: () => ({ content: '', fileName: 'review.md', mimeType: 'text/markdown' }),
    exportIcal: () => ({ content: 'BEGIN:VCALENDAR', fileName: 'compass.ics', mimeType: 'text/calendar' }),
    exportState: () => ({
      content: JSON.stringify(state),
      fileName: 'state.json',
      mimeType: 'application/json',
    }),
    importState: () => snapshot(),
    importPublicRecord: () => snapshot(),
    snooze: () => snapshot(),
    openExternal: () => ({ opened: true }),
    dismissNotice: ({ index }) => {
      notices = notices.filter((_, i) => i !== index);
      return snapshot();
    },
    // Importing strategies needs the real importers and files: tested through the web host (tests/e2e/import-flow).
    previewStrategy: () => {
      throw new Error('Importing a strategy is not available in this fake.');
    },
    saveStrategy: () => {
      throw new Error('Importing a strategy is not available in this fake.');
    },
    removeStrategy: () => {
      throw new Error('Importing a strategy is not available in this fake.');
    },
    saveFile: ({ fileName }) => ({ saved: true, fileName }),
    // Never connected here: the team connection is tested against a real Radicale (tests/e2e/team-settings).
    getTeamStatus: () => DISCONNECTED,
    connectTeam: () => {
      throw new Error('No team server in component tests.');
    },
    syncTeam: () => DISCONNECTED,
    disconnectTeam: () => DISCONNECTED,
  };

  const api = Object.fromEntries(
    (Object.keys(handlers) as ApiMethod[]).map((method) => [
      method,
      async (input: unknown) => {
        calls.push({ method, input });
        const failure = failures.get(method);
        if (failure) {
          failures.delete(method);
          throw new Error(failure);
        }
        return (handlers[method] as (input: unknown) => unknown)(input);
      },
    ]),
  ) as unknown as Omit<CompassApi, 'on'>;

  return {
    ...api,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    calls,
    callsTo: <M extends ApiMethod>(method: M) =>
      calls.filter((c) => c.method === method).map((c) => c.input as ApiInput<M>),
    emit(event, payload) {
      listeners.get(event)?.forEach((listener) => listener(payload as never));
    },
    snapshot,
    state: () => state,
    failNext(method, message) {
      failures.set(method, message);
    },
  };
}
