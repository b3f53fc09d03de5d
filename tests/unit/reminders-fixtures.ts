/** Small milestones and states for the reminder tests (the real dataset is used where it matters). */
import type { Milestone } from '../../electron/core/milestone';
import { EMPTY_STATE, type Settings, type UserState } from '../../electron/core/user-state';

export function deadline(id: string, due: string, extra: Partial<Milestone> = {}): Milestone {
  return {
    id,
    chapter: 'act',
    section: 'Test',
    title: { nl: `Mijlpaal ${id}`, en: `Milestone ${id}` },
    quote: 'Uiterlijk in 2025 …',
    line: 1,
    datePhrase: 'uiterlijk in 2025',
    kind: 'deadline',
    start: '2022-03-21',
    due,
    window: { from: `${due.slice(0, 4)}-01-01`, to: due },
    recurrence: null,
    actor: 'EU',
    ...extra,
  };
}

export function recurring(id: string, everyYears: number, first: string): Milestone {
  return deadline(id, first, {
    kind: 'recurring',
    due: null,
    window: null,
    recurrence: { everyYears, first },
  });
}

export function stateWith(settings: Partial<Settings> = {}, rest: Partial<UserState> = {}): UserState {
  return { ...EMPTY_STATE, ...rest, settings: { ...EMPTY_STATE.settings, ...settings } };
}

/** A local date-time, built from wall-clock parts (never from UTC offsets). */
export const local = (y: number, m: number, d: number, hh = 0, mm = 0) => new Date(y, m - 1, d, hh, mm);

/** "YYYY-MM-DD HH:mm" in local time. */
export const wall = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
