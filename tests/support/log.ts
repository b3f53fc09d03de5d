/**
 * Test set-up in the words of the old progress patch: `applyProgressPatch(state, id, patch, at)`
 * appends a real log entry (through core's `appendRecord`) and `progressOf(state, id)` reads the
 * derived progress. Dates not given are the local date of `at`.
 */
import { format } from 'date-fns';
import type { IsoDate } from '../../electron/core/date-phrase';
import {
  deriveProgress,
  progressOf as progressOfSource,
  setMuted,
  type Progress,
} from '../../electron/core/progress';
import { appendRecord } from '../../electron/core/recording';
import type { EvidenceItem, LogEntry } from '../../electron/core/progress-log';
import type { AnyMilestone } from '../../electron/core/milestone';
import { buildReview, type Review } from '../../electron/core/review';
import type { Status } from '../../electron/core/status';
import type { UserState } from '../../electron/core/user-state';

export interface ProgressPatch {
  status?: Status;
  achievedOn?: IsoDate | null;
  evidence?: { text: string; url: string | null } | null;
  note?: string;
  muted?: boolean;
}

let counter = 0;
export const testId = (): string =>
  `test-${String((counter += 1)).padStart(8, '0')}-${Math.random().toString(36).slice(2, 10)}`;

const items = (e: ProgressPatch['evidence']): EvidenceItem[] =>
  e ? [{ title: e.text || e.url || 'evidence', url: e.url, date: null, publisher: null }] : [];

export function applyProgressPatch(state: UserState, key: string, patch: ProgressPatch, at: Date): UserState {
  let next = state;
  if (patch.muted !== undefined) next = setMuted(next, key, patch.muted);
  const touchesLog =
    patch.status !== undefined ||
    patch.note !== undefined ||
    patch.evidence !== undefined ||
    patch.achievedOn !== undefined;
  if (!touchesLog) return next;
  const current = progressOf(next, key);
  const day = format(at, 'yyyy-MM-dd');
  return appendRecord(
    next,
    {
      key,
      status: patch.status ?? current.status,
      on: patch.achievedOn ?? (patch.status === undefined ? current.on : null) ?? day,
      note: patch.note ?? current.note,
      evidence: patch.evidence !== undefined ? items(patch.evidence) : current.evidence,
    },
    { author: 'Test Author', now: at, today: day > '2099' ? day : '2099-12-31', newId: testId },
  ).state;
}

export const progressOf = (state: Pick<UserState, 'log' | 'muted'>, key: string): Progress =>
  progressOfSource({ progress: deriveProgress(state) }, key);

/** Record entries for a map of key → status (and "achieved on"), e.g. for buildReview. */
export function logOf(
  records: Record<string, { status: Status; achievedOn?: IsoDate | null; on?: IsoDate | null }>,
): LogEntry[] {
  return Object.entries(records).map(([key, r], i) => ({
    type: 'record',
    id: `log-of-${String(i).padStart(6, '0')}`,
    key,
    recordedAt: '2099-01-01T00:00:00.000Z',
    author: 'Test Author',
    note: '',
    status: r.status,
    on: r.achievedOn ?? r.on ?? '2022-03-21',
    evidence: [],
  }));
}

/** buildReview over a log, or over a map of key → status/achievedOn turned into one (`logOf`). */
export function reviewOf(
  milestones: readonly AnyMilestone[],
  records:
    | readonly LogEntry[]
    | Record<string, { status: Status; achievedOn?: IsoDate | null; on?: IsoDate | null }>,
  asOf: IsoDate,
): Review {
  return buildReview(
    milestones,
    Array.isArray(records) ? records : logOf(records as Record<string, { status: Status }>),
    asOf,
  );
}

/** A cover for export tests. */
export const TEST_COVER = { asOf: '2025-12-31', preparedBy: 'Test Author', generatedOn: '2026-01-15' };
