/**
 * What the renderer's bridge needs of the contract, without its schemas (no zod here, so the
 * preload and the renderer's first chunk stay small): the method and event names, the channels,
 * and how results and errors cross. The schemas and the payload types are in api.ts, which
 * re-exports all of this; api.ts checks at compile time that its table has exactly these methods.
 */

/** Every method of the contract, in the order of api.ts's input table. */
export const API_METHODS = [
  'getSnapshot',
  'getMilestoneDetail',
  'searchMilestones',
  'appendLogEntry',
  'retractLogEntry',
  'setOwner',
  'setMuted',
  'saveOwnMilestone',
  'deleteOwnMilestone',
  'updateSettings',
  'getReview',
  'compareReviews',
  'exportReview',
  'adoptPublicRecord',
  'exportIcal',
  'exportState',
  'importState',
  'importPublicRecord',
  'snooze',
  'openExternal',
  'dismissNotice',
  'saveFile',
  'getTeamStatus',
  'connectTeam',
  'syncTeam',
  'disconnectTeam',
  'previewStrategy',
  'saveStrategy',
  'removeStrategy',
] as const;
export type ApiMethod = (typeof API_METHODS)[number];

/**
 * The methods that change the state. Their reply is only the revision of the state they made
 * (a `ChangeAck`); the state itself reaches every window once, as the `stateChanged` event.
 */
export const CHANGE_METHODS = [
  'appendLogEntry',
  'retractLogEntry',
  'setOwner',
  'setMuted',
  'saveOwnMilestone',
  'deleteOwnMilestone',
  'updateSettings',
  'adoptPublicRecord',
  'importState',
  'importPublicRecord',
  'snooze',
  'dismissNotice',
  'saveStrategy',
  'removeStrategy',
] as const satisfies readonly ApiMethod[];
export type ChangeMethod = (typeof CHANGE_METHODS)[number];

/** A change's reply: the revision of the snapshot its `stateChanged` event carries. */
export interface ChangeAck {
  revision: number;
}

/** Events from main to the renderer. */
export const apiEvents = {
  stateChanged: 'stateChanged',
  openMilestone: 'openMilestone',
  /** In-app toast (web host; the desktop app uses OS notifications). */
  toast: 'toast',
  /** The team connection's state changed (a sync started or ended, a connect, a disconnect). */
  teamStatus: 'teamStatus',
} as const;
export type ApiEvent = keyof typeof apiEvents;

export const isApiMethod = (name: unknown): name is ApiMethod =>
  typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);

export const isApiEvent = (name: unknown): name is ApiEvent =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiEvents, name);

export const isChangeMethod = (name: unknown): name is ChangeMethod =>
  typeof name === 'string' && (CHANGE_METHODS as readonly string[]).includes(name);

/** Why a team connection or sync failed, for the UI to say in the user's words (see team/http.ts). */
export const TEAM_PROBLEMS = [
  'auth',
  'not-found',
  'server',
  'redirect',
  'too-large',
  'tls',
  'network',
  'insecure',
  'config',
  'conflict',
  'protocol',
  /** No password at hand: the app was restarted where it cannot keep one (connect again). */
  'no-password',
] as const;
export type TeamProblem = (typeof TEAM_PROBLEMS)[number];

/** Errors cross the boundary as data: a code and a message the UI can show. */
export interface ApiError {
  code: 'invalid-input' | 'not-found' | 'forbidden' | 'failed';
  message: string;
  /** For a team call: why it failed, so the UI can say it in the user's language. */
  team?: TeamProblem;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const IPC_CHANNEL = 'compass:invoke';
export const IPC_EVENT_CHANNEL = 'compass:event';

/** A failed API call as the renderer sees it: the error's message is meant for the user. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

/** The value of an ApiResult, or an ApiCallError: what every client does with a reply. */
export function unwrapResult<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiCallError(result.error);
}
