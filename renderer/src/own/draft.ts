/**
 * The own-milestone form as plain data: a draft from a milestone, its validation (message keys
 * in the `ui` namespace), and the milestone it becomes. Pure.
 */
import { isCalendarDate } from '../../../electron/core/calendar-date';
import type { MilestoneKind } from '../../../electron/core/date-phrase';
import type { OwnMilestone } from '../../../electron/core/milestone';
import type { Chapter } from '../../../electron/core/chapters';

export interface OwnDraft {
  titleNl: string;
  titleEn: string;
  chapter: Chapter;
  section: string;
  kind: MilestoneKind;
  start: string;
  due: string;
  everyYears: string;
  first: string;
  actor: string;
  note: string;
}

export const EMPTY_DRAFT: OwnDraft = {
  titleNl: '',
  titleEn: '',
  chapter: 'general',
  section: '',
  kind: 'deadline',
  start: '',
  due: '',
  everyYears: '1',
  first: '',
  actor: '',
  note: '',
};

export const draftOf = (m: OwnMilestone): OwnDraft => ({
  titleNl: m.title.nl,
  titleEn: m.title.en,
  chapter: m.chapter,
  section: m.section,
  kind: m.kind,
  start: m.start ?? '',
  due: m.due ?? '',
  everyYears: String(m.recurrence?.everyYears ?? 1),
  first: m.recurrence?.first ?? '',
  actor: m.actor,
  note: m.note ?? '',
});

/** Field → message key, for every field that is wrong. Empty when the draft can be saved. */
export function validateDraft(d: OwnDraft): Partial<Record<keyof OwnDraft, string>> {
  const errors: Partial<Record<keyof OwnDraft, string>> = {};
  if (!d.titleNl.trim()) errors.titleNl = 'own.error.required';
  if (!d.titleEn.trim()) errors.titleEn = 'own.error.required';
  if (!d.section.trim()) errors.section = 'own.error.required';
  if (!d.actor.trim()) errors.actor = 'own.error.required';
  const date = (field: 'start' | 'due' | 'first', required: boolean) => {
    const value = d[field];
    if (!value) {
      if (required) errors[field] = 'own.error.dateRequired';
    } else if (!isCalendarDate(value)) errors[field] = 'own.error.date';
  };
  if (d.kind === 'deadline') {
    date('due', true);
    date('start', false);
    if (!errors.due && !errors.start && d.start && d.due && d.start > d.due)
      errors.due = 'own.error.dueBeforeStart';
  }
  if (d.kind === 'start') date('start', true);
  if (d.kind === 'recurring') {
    date('first', true);
    const n = Number(d.everyYears);
    if (!Number.isInteger(n) || n < 1 || n > 10) errors.everyYears = 'own.error.everyYears';
  }
  return errors;
}

/** "own-" + a slug of the title + a short unique suffix. */
export function newOwnId(title: string, unique: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const suffix = unique.toLowerCase().replace(/[^a-z0-9]/g, '') || '1';
  return slug ? `own-${slug}-${suffix}` : `own-${suffix}`;
}

/** The milestone a valid draft describes. */
export function draftToMilestone(d: OwnDraft, id: string): OwnMilestone {
  const note = d.note.trim();
  return {
    id,
    own: true,
    chapter: d.chapter,
    section: d.section.trim(),
    title: { nl: d.titleNl.trim(), en: d.titleEn.trim() },
    datePhrase: null,
    kind: d.kind,
    start: d.kind === 'deadline' || d.kind === 'start' ? d.start || null : null,
    due: d.kind === 'deadline' ? d.due : null,
    window: null,
    recurrence: d.kind === 'recurring' ? { everyYears: Number(d.everyYears), first: d.first } : null,
    actor: d.actor.trim(),
    ...(note ? { note } : {}),
  };
}
