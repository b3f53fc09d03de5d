/**
 * Shared by the library comparison pages: fetches a benchmark dataset (same file our timeline
 * loads through --milestones) and turns each milestone into one task row, so every library draws
 * exactly as many rows as our timeline. Runs before the 'gantt-render-start' mark.
 */
import type { Milestone } from '../../../electron/core/milestone';

export const RANGE_START = '2022-01-01';
export const RANGE_END = '2030-12-31';
const ADOPTION = '2022-03-21';

export interface Row {
  id: string;
  name: string;
  chapter: string;
  section: string;
  start: string;
  end: string;
  milestone: boolean;
}

/** One row per milestone: a deadline from start to due, a start to the range end, a recurring
 * one or an undated one as a one-day marker (first cycle, or the adoption date). */
export function toRows(milestones: readonly Milestone[]): Row[] {
  return milestones.map((m) => {
    const name = m.title.en;
    const group = { chapter: m.chapter, section: m.section };
    switch (m.kind) {
      case 'deadline':
        return {
          id: m.id,
          name,
          ...group,
          start: m.start ?? ADOPTION,
          end: m.due ?? RANGE_END,
          milestone: false,
        };
      case 'start':
        return { id: m.id, name, ...group, start: m.start ?? ADOPTION, end: RANGE_END, milestone: false };
      case 'recurring': {
        const first = m.recurrence?.first ?? ADOPTION;
        return { id: m.id, name, ...group, start: first, end: first, milestone: true };
      }
      case 'undated':
        return { id: m.id, name, ...group, start: ADOPTION, end: ADOPTION, milestone: true };
    }
  });
}

export async function loadRows(): Promise<Row[]> {
  const url = new URLSearchParams(location.search).get('data');
  if (!url) throw new Error('missing ?data=URL');
  const response = await fetch(url);
  return toRows((await response.json()) as Milestone[]);
}

/** Local midnight of an ISO date. */
export const localDate = (iso: string): Date =>
  new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

declare global {
  interface Window {
    /** Set by each page: switches to the second zoom level. */
    __benchZoom?: () => void;
    __benchError?: string;
  }
}
