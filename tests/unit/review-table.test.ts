import { describe, expect, it } from 'vitest';
import { reviewOf } from '../support/log';
import { EMPTY_PROGRESS, type Progress } from '../../electron/core/progress';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { filterItems, nextSort, NO_FILTER, sortItems } from '../../renderer/src/review/table-model';

const rec = (status: Progress['status'], achievedOn: string | null = null): Progress => ({
  ...EMPTY_PROGRESS,
  status,
  achievedOn,
});
const { items } = reviewOf(
  bundledMilestones(),
  {
    'invest-defence-investment-gap-analysis': rec('planned'), // due 2022-05-15
    'act-ad-hoc-missions-links': rec('achieved', '2023-02-01'), // 32 days late
    'act-rapid-deployment-capacity-scenarios': rec('achieved', '2022-10-01'), // on time: 0
  },
  '2025-12-31',
);

describe('the review table model', () => {
  it('sorts by delay with the items without one last, in both directions', () => {
    const down = sortItems(items, { key: 'delay', direction: 'descending' }, 'en');
    expect(down.slice(0, 3).map((i) => i.delayDays)).toEqual([1326, 32, 0]);
    expect(down.at(-1)?.delayDays).toBeNull();
    const up = sortItems(items, { key: 'delay', direction: 'ascending' }, 'en');
    expect(up.slice(0, 3).map((i) => i.delayDays)).toEqual([0, 32, 1326]);
    expect(up.at(-1)?.delayDays).toBeNull();
  });

  it('sorts titles by the language shown and leaves its input alone', () => {
    const copy = [...items];
    const nl = sortItems(items, { key: 'title', direction: 'ascending' }, 'nl').map((i) => i.title.nl);
    expect(nl).toEqual([...nl].sort((a, b) => a.localeCompare(b, 'nl')));
    expect(items).toEqual(copy);
  });

  it('searches title, id and actor without regard to case, all words at once', () => {
    const found = filterItems(items, { ...NO_FILTER, query: 'THREAT  analysis' }, 'en').map((i) => i.key);
    expect(found).toContain('general-threat-analysis@2025-12-31');
    expect(filterItems(items, { ...NO_FILTER, query: 'dreigingsanalyse' }, 'nl').length).toBeGreaterThan(0);
    expect(filterItems(items, { ...NO_FILTER, query: 'analyse threat' }, 'en')).toEqual([]);
  });

  it('a second click on a column flips it; the delay column starts with the longest', () => {
    expect(nextSort({ key: 'due', direction: 'ascending' }, 'due')).toEqual({
      key: 'due',
      direction: 'descending',
    });
    expect(nextSort({ key: 'due', direction: 'ascending' }, 'delay')).toEqual({
      key: 'delay',
      direction: 'descending',
    });
    expect(nextSort({ key: 'delay', direction: 'descending' }, 'title')).toEqual({
      key: 'title',
      direction: 'ascending',
    });
  });
});
