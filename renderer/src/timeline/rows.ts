/**
 * The Gantt's rows as one flat list: chapter headers, section headers and milestones, with
 * collapsed groups left out. Undated milestones get a lane of their own at the end. With imported
 * strategies, a strategy level comes first: the Compass (chapters, sections) and then each
 * strategy (its sections: every imported milestone is in the "general" chapter).
 */
import type { Chapter } from '../../../electron/core/chapters';
import type { TimelineMilestone } from '../../../electron/core/timeline-milestone';
import { groupByChapterSection } from '../../../electron/core/queries';

export type Row =
  | { type: 'strategy'; key: string; slug: string; name: string; count: number; expanded: boolean; level: 1 }
  | {
      type: 'chapter';
      key: string;
      chapter: Chapter;
      count: number;
      expanded: boolean;
      level: 1 | 2;
      parent: string | null;
    }
  | {
      type: 'section';
      key: string;
      chapter: Chapter;
      section: string;
      count: number;
      expanded: boolean;
      level: 2 | 3;
      parent: string;
    }
  | { type: 'undated'; key: string; count: number; expanded: boolean; level: 1 }
  | { type: 'milestone'; key: string; milestone: TimelineMilestone; level: 2 | 3 | 4; parent: string };

/** An imported strategy as the timeline groups it. */
export interface StrategyGroup {
  slug: string;
  name: string;
  milestoneIds: readonly string[];
}

export const COMPASS_SLUG = 'compass';
export const strategyKey = (slug: string) => `strategy:${slug}`;
/** A section of an imported strategy (slugs never equal a chapter's name, so never a Compass key). */
export const strategySectionKey = (slug: string, section: string) => `section:${slug}:${section}`;

export const chapterKey = (chapter: Chapter) => `chapter:${chapter}`;
export const sectionKey = (chapter: Chapter, section: string) => `section:${chapter}:${section}`;
export const UNDATED_KEY = 'undated';

export function buildRows(
  milestones: readonly TimelineMilestone[],
  collapsed: ReadonlySet<string>,
  strategies: readonly StrategyGroup[] = [],
  /** The name of the Compass's group (shown only with strategies). */
  compassName = 'Compass',
): Row[] {
  const rows: Row[] = [];
  const dated = milestones.filter((m) => m.kind !== 'undated');
  const undated = milestones.filter((m) => m.kind === 'undated');
  /** Chapters, sections and milestones of `items`, one level below `parent` (null: the top). */
  const chapters = (items: readonly TimelineMilestone[], parent: string | null) => {
    const depth = parent ? 1 : 0;
    for (const group of groupByChapterSection(items)) {
      const key = chapterKey(group.chapter);
      const count = group.sections.reduce((sum, s) => sum + s.items.length, 0);
      const expanded = !collapsed.has(key);
      rows.push({
        type: 'chapter',
        key,
        chapter: group.chapter,
        count,
        expanded,
        level: (1 + depth) as 1 | 2,
        parent,
      });
      if (!expanded) continue;
      for (const { section, items: inSection } of group.sections) {
        const sKey = sectionKey(group.chapter, section);
        sections(sKey, group.chapter, section, inSection, key, 2 + depth);
      }
    }
  };
  const sections = (
    key: string,
    chapter: Chapter,
    section: string,
    items: readonly TimelineMilestone[],
    parent: string,
    level: number,
  ) => {
    const expanded = !collapsed.has(key);
    rows.push({
      type: 'section',
      key,
      chapter,
      section,
      count: items.length,
      expanded,
      level: level as 2 | 3,
      parent,
    });
    if (!expanded) return;
    for (const milestone of items)
      rows.push({
        type: 'milestone',
        key: milestone.id,
        milestone,
        level: (level + 1) as 3 | 4,
        parent: key,
      });
  };

  if (strategies.length === 0) chapters(dated, null);
  else {
    const owner = new Map<string, string>();
    for (const s of strategies) for (const id of s.milestoneIds) owner.set(id, s.slug);
    const groups: { slug: string; name: string; items: TimelineMilestone[] }[] = [
      { slug: COMPASS_SLUG, name: compassName, items: [] },
      ...strategies.map((s) => ({ slug: s.slug, name: s.name, items: [] as TimelineMilestone[] })),
    ];
    const bySlug = new Map(groups.map((g) => [g.slug, g]));
    for (const m of dated) bySlug.get(owner.get(m.id) ?? COMPASS_SLUG)!.items.push(m);
    for (const group of groups) {
      if (group.items.length === 0) continue;
      const key = strategyKey(group.slug);
      const expanded = !collapsed.has(key);
      rows.push({
        type: 'strategy',
        key,
        slug: group.slug,
        name: group.name,
        count: group.items.length,
        expanded,
        level: 1,
      });
      if (!expanded) continue;
      if (group.slug === COMPASS_SLUG) {
        chapters(group.items, key);
        continue;
      }
      const bySection = new Map<string, TimelineMilestone[]>();
      for (const m of group.items) bySection.set(m.section, [...(bySection.get(m.section) ?? []), m]);
      for (const [section, inSection] of bySection)
        sections(strategySectionKey(group.slug, section), 'general', section, inSection, key, 2);
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
export function allGroupKeys(
  milestones: readonly TimelineMilestone[],
  strategies: readonly StrategyGroup[] = [],
): string[] {
  const keys = new Set<string>();
  const owner = new Map<string, string>();
  for (const s of strategies) for (const id of s.milestoneIds) owner.set(id, s.slug);
  for (const m of milestones) {
    if (m.kind === 'undated') {
      keys.add(UNDATED_KEY);
      continue;
    }
    const slug = owner.get(m.id);
    if (strategies.length) keys.add(strategyKey(slug ?? COMPASS_SLUG));
    if (slug) {
      keys.add(strategySectionKey(slug, m.section));
      continue;
    }
    keys.add(chapterKey(m.chapter));
    keys.add(sectionKey(m.chapter, m.section));
  }
  return [...keys];
}
