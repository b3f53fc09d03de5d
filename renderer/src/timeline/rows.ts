/**
 * The Gantt's rows as one flat list: chapter headers, section headers and milestones, with
 * collapsed groups left out. Undated milestones get a lane of their own at the end.
 */
import type { AnyMilestone, Chapter } from '../../../electron/core/milestone';
import { groupByChapterSection } from '../../../electron/core/queries';

export type Row =
  | { type: 'chapter'; key: string; chapter: Chapter; count: number; expanded: boolean; level: 1 }
  | {
      type: 'section';
      key: string;
      chapter: Chapter;
      section: string;
      count: number;
      expanded: boolean;
      level: 2;
    }
  | { type: 'undated'; key: string; count: number; expanded: boolean; level: 1 }
  | { type: 'milestone'; key: string; milestone: AnyMilestone; level: 2 | 3; parent: string };

export const chapterKey = (chapter: Chapter) => `chapter:${chapter}`;
export const sectionKey = (chapter: Chapter, section: string) => `section:${chapter}:${section}`;
export const UNDATED_KEY = 'undated';

export function buildRows(milestones: readonly AnyMilestone[], collapsed: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  const dated = milestones.filter((m) => m.kind !== 'undated');
  const undated = milestones.filter((m) => m.kind === 'undated');
  for (const group of groupByChapterSection(dated)) {
    const key = chapterKey(group.chapter);
    const count = group.sections.reduce((sum, s) => sum + s.items.length, 0);
    const expanded = !collapsed.has(key);
    rows.push({ type: 'chapter', key, chapter: group.chapter, count, expanded, level: 1 });
    if (!expanded) continue;
    for (const { section, items } of group.sections) {
      const sKey = sectionKey(group.chapter, section);
      const sExpanded = !collapsed.has(sKey);
      rows.push({
        type: 'section',
        key: sKey,
        chapter: group.chapter,
        section,
        count: items.length,
        expanded: sExpanded,
        level: 2,
      });
      if (!sExpanded) continue;
      for (const milestone of items)
        rows.push({ type: 'milestone', key: milestone.id, milestone, level: 3, parent: sKey });
    }
  }
  if (undated.length) {
    const expanded = !collapsed.has(UNDATED_KEY);
    rows.push({ type: 'undated', key: UNDATED_KEY, count: undated.length, expanded, level: 1 });
    if (expanded)
      for (const milestone of undated)
        rows.push({ type: 'milestone', key: milestone.id, milestone, level: 2, parent: UNDATED_KEY });
  }
  return rows;
}

/** Every group key in the data, for "collapse all". */
export function allGroupKeys(milestones: readonly AnyMilestone[]): string[] {
  const keys = new Set<string>();
  for (const m of milestones) {
    if (m.kind === 'undated') {
      keys.add(UNDATED_KEY);
      continue;
    }
    keys.add(chapterKey(m.chapter));
    keys.add(sectionKey(m.chapter, m.section));
  }
  return [...keys];
}
