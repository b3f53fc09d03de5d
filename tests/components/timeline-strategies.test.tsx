/**
 * Strategies in the timeline's model: a strategy level above the Compass's chapters (the Compass,
 * then each imported strategy with its sections), collapse keys that never clash, and the strategy
 * filter and hidden strategies.
 */
import { describe, expect, it } from 'vitest';
import type { Milestone } from '../../electron/core/milestone';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { applyStrategyView, parseViewState } from '../../renderer/src/timeline/filters';
import {
  allGroupKeys,
  buildRows,
  chapterKey,
  strategyKey,
  strategySectionKey,
  type StrategyGroup,
} from '../../renderer/src/timeline/rows';

const COMPASS = bundledMilestones();

const imported = (slug: string, section: string, n: number): Milestone => ({
  id: `${slug}-item-${n}`,
  chapter: 'general',
  section,
  title: { nl: `Item ${n}`, en: `Item ${n}` },
  quote: `By 2025 we will do item ${n}.`,
  line: n,
  datePhrase: 'By 2025',
  kind: 'deadline',
  start: '2022-01-10',
  due: '2025-12-31',
  window: { from: '2025-01-01', to: '2025-12-31' },
  recurrence: null,
  actor: 'Harbour City',
});

const harbour = [
  imported('harbour', 'Plans', 1),
  imported('harbour', 'Plans', 2),
  imported('harbour', 'Reviews', 3),
];
const polder = [imported('polder', 'Plans', 4)];
const STRATEGIES: StrategyGroup[] = [
  { slug: 'harbour', name: 'Harbour City Plan', milestoneIds: harbour.map((m) => m.id) },
  { slug: 'polder', name: 'Actieplan Polder', milestoneIds: polder.map((m) => m.id) },
];
const ALL = [...COMPASS, ...harbour, ...polder];

describe('strategies in the timeline rows', () => {
  it('without imported strategies the rows are the Compass chapters, as before', () => {
    const rows = buildRows(COMPASS, new Set());
    expect(rows.some((r) => r.type === 'strategy')).toBe(false);
    expect(rows[0]).toMatchObject({ type: 'chapter', level: 1, parent: null });
  });

  it('puts a strategy level first: the Compass with its chapters, then each strategy with its sections', () => {
    const rows = buildRows(ALL, new Set(), STRATEGIES, 'Strategic Compass');
    const top = rows.filter((r) => r.level === 1 && r.type !== 'undated');
    expect(top.map((r) => (r.type === 'strategy' ? r.name : r.type))).toEqual([
      'Strategic Compass',
      'Harbour City Plan',
      'Actieplan Polder',
    ]);
    expect(rows.find((r) => r.key === chapterKey('act'))).toMatchObject({
      level: 2,
      parent: strategyKey('compass'),
    });
    const harbourRows = rows.slice(rows.findIndex((r) => r.key === strategyKey('harbour')));
    expect(harbourRows.slice(0, 6).map((r) => [r.type, r.level])).toEqual([
      ['strategy', 1],
      ['section', 2],
      ['milestone', 3],
      ['milestone', 3],
      ['section', 2],
      ['milestone', 3],
    ]);
    // The same section name in two strategies is two groups.
    const plans = rows.filter((r) => r.type === 'section' && r.section === 'Plans').map((r) => r.key);
    expect(plans).toEqual([strategySectionKey('harbour', 'Plans'), strategySectionKey('polder', 'Plans')]);
    expect(rows.filter((r) => r.type === 'milestone')).toHaveLength(ALL.length);
  });

  it('collapses a strategy as a whole, and collapse-all reaches every level', () => {
    const rows = buildRows(ALL, new Set([strategyKey('harbour')]), STRATEGIES);
    expect(rows.some((r) => r.type === 'milestone' && r.milestone.id.startsWith('harbour-'))).toBe(false);
    expect(rows.find((r) => r.key === strategyKey('harbour'))).toMatchObject({ expanded: false, count: 3 });
    const keys = allGroupKeys(ALL, STRATEGIES);
    expect(keys).toEqual(
      expect.arrayContaining([
        strategyKey('compass'),
        strategyKey('harbour'),
        strategySectionKey('polder', 'Plans'),
      ]),
    );
    const collapsed = buildRows(ALL, new Set(keys), STRATEGIES);
    expect(collapsed.every((r) => r.type !== 'milestone' || r.milestone.kind === 'undated')).toBe(true);
  });
});

describe('the strategy filter and hidden strategies', () => {
  const owner = new Map(
    STRATEGIES.flatMap((s) => s.milestoneIds.map((id) => [id, s.slug] as [string, string])),
  );

  it('shows one strategy, the Compass alone, or everything but the hidden ones', () => {
    expect(applyStrategyView(ALL, owner, 'harbour', [])).toEqual(harbour);
    expect(applyStrategyView(ALL, owner, 'compass', [])).toEqual(COMPASS);
    expect(applyStrategyView(ALL, owner, 'all', ['compass', 'polder'])).toEqual(harbour);
    expect(applyStrategyView(ALL, owner, 'all', [])).toBe(ALL);
  });

  it('keeps the filter and the hidden strategies between launches, and drops what is not a slug', () => {
    const view = parseViewState(
      JSON.stringify({ filters: { strategy: 'harbour' }, hiddenStrategies: ['polder', 3] }),
    );
    expect(view.filters.strategy).toBe('harbour');
    expect(view.hiddenStrategies).toEqual(['polder']);
    expect(parseViewState(JSON.stringify({ filters: { strategy: '../x' } })).filters.strategy).toBe('all');
  });
});
