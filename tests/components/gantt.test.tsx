import { logOf } from '../support/log';
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Milestone } from '../../electron/core/milestone';
import { i18n } from '../../renderer/src/i18n';
import { DEFAULT_FILTERS } from '../../renderer/src/timeline/filters';
import { Gantt } from '../../renderer/src/timeline/Gantt';
import { COMPASS } from './fake-compass-api';
import { renderApp, rowOf, openFilters } from './render-app';

const grid = () => screen.getByRole('treegrid');
const rows = () => within(grid()).getAllByRole('row');

describe('the Gantt view', () => {
  it('groups rows by chapter in the Compass order, then by section', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Collapse all' }));
    const groupNames = rows()
      .slice(1)
      .map((r) => r.getAttribute('aria-label')!.split(',')[0]);
    expect(groupNames).toEqual(['Act', 'Secure', 'Invest', 'Partner', 'General', 'Undated']);
    const act = rows().find((r) => r.getAttribute('aria-label')?.startsWith('Act,'))!;
    expect(act).toHaveAttribute('aria-expanded', 'false');
    await user.click(act);
    expect(act).toHaveAttribute('aria-expanded', 'true');
    const sections = rows().filter((r) => r.getAttribute('aria-level') === '2');
    expect(sections.map((r) => r.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^Missions and operations, \d+ milestones$/),
      expect.stringMatching(/^Prepare, \d+ milestones$/),
    ]);
  });

  it('gives each milestone row its id and an accessible name with its title, due date and status', async () => {
    const { user } = await renderApp({ today: '2024-06-15' });
    const search = screen.getByRole('searchbox');
    expect(rowOf('act-article-44-arrangements')).toHaveAccessibleName(
      'Practical arrangements for Article 44 TEU, due 31 December 2023, status Unknown, due, nothing recorded',
    );
    expect(rowOf('act-article-44-arrangements')).toHaveAttribute('role', 'row');
    expect(rowOf('act-rapid-deployment-capacity-live-exercises')).toHaveAccessibleName(
      /^Regular live exercises for the EU Rapid Deployment Capacity, from 1 January 2023/,
    );
    await user.type(search, 'threat analysis repeated');
    expect(rowOf('general-threat-analysis')).toHaveAccessibleName(/every 3 years, next 31 December 2025/);
    await user.clear(search);
    await user.type(search, 'joint defence investment');
    expect(rowOf('invest-joint-defence-investment-incentives')).toHaveAccessibleName(/no date/);
  });

  it('draws each kind differently: deadline bar + diamond + window, open-ended start bar, a marker per cycle, undated apart', async () => {
    const { user } = await renderApp();
    const deadline = rowOf('act-rapid-deployment-capacity')!;
    expect(deadline.querySelector('.shape.window')).not.toBeNull();
    expect(deadline.querySelector('.shape.diamond')).not.toBeNull();
    expect(deadline.querySelector('.shape.bar:not(.open-ended)')).not.toBeNull();
    const start = rowOf('act-coordinated-maritime-presences')!;
    expect(start.querySelector('.shape.bar.open-ended')).not.toBeNull();
    expect(start.querySelector('.shape.diamond')).toBeNull();
    await openFilters(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Chapter' }), 'general');
    // Every three years from 2022: 2022 and 2025 fall in the default range.
    expect(rowOf('general-threat-analysis')!.querySelectorAll('.shape.marker')).toHaveLength(2);
    await openFilters(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'undated');
    await openFilters(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Chapter' }), 'all');
    const lane = rows()[1]!;
    expect(lane.getAttribute('aria-label')).toMatch(/^Undated, 19 milestones$/);
    expect(rows()[2]).toHaveAttribute('aria-level', '2');
    expect(rows()[2]!.querySelector('.shape.bar, .shape.diamond, .shape.marker')).toBeNull();
  });

  it('shows status by icon as well as colour, and makes overdue rows stand out', async () => {
    await renderApp({
      today: '2024-06-15',
      state: {
        log: logOf({
          'act-rapid-deployment-capacity': { status: 'achieved', achievedOn: '2024-01-10' },
          'act-article-44-arrangements': { status: 'in-progress', on: '2023-06-01' },
        }),
      },
    });
    const achieved = rowOf('act-rapid-deployment-capacity')!;
    // An SVG icon, never a font glyph (⏰ shows as an empty box without an emoji font).
    expect(achieved.querySelector('.status-icon svg[data-icon="achieved"]')).not.toBeNull();
    expect(achieved.querySelector('.gantt-label')!.textContent).not.toMatch(/[✓⚠⏰⏱○◔◑✕⊘]/u);
    expect(achieved).toHaveClass('status-achieved');
    const overdue = rowOf('act-article-44-arrangements')!;
    expect(overdue).toHaveClass('is-overdue');
    expect(overdue).toHaveTextContent(/overdue/);
    expect(overdue.querySelector('.status-icon svg[data-icon="in-progress"]')).not.toBeNull();
    expect(overdue.querySelector('.badge-overdue svg[data-icon="overdue"]')).not.toBeNull();
    // Past due with nothing recorded is its own state, not "overdue".
    const unrecorded = rowOf('act-rapid-deployment-capacity-scenarios')!;
    expect(unrecorded).not.toHaveClass('is-overdue');
    expect(unrecorded).toHaveClass('is-unrecorded');
    expect(unrecorded).toHaveAccessibleName(/due, nothing recorded/);
  });

  it('collapses and expands a group by click and by keyboard', async () => {
    const { user } = await renderApp();
    const act = () => rows().find((r) => r.getAttribute('aria-label')?.startsWith('Act,'))!;
    await user.click(act());
    expect(act()).toHaveAttribute('aria-expanded', 'false');
    expect(rowOf('act-rapid-deployment-capacity')).toBeNull();
    act().focus();
    await user.keyboard('{ArrowRight}');
    expect(act()).toHaveAttribute('aria-expanded', 'true');
    expect(rowOf('act-rapid-deployment-capacity')).not.toBeNull();
    await user.keyboard('{ArrowLeft}');
    expect(rowOf('act-rapid-deployment-capacity')).toBeNull();
  });

  it('moves between rows with the arrow keys and opens the focused milestone with Enter', async () => {
    const { user } = await renderApp();
    const first = rows()[1]!; // the first row after the axis header: chapter "Act"
    expect(first).toHaveAttribute('tabindex', '0');
    first.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const focused = document.activeElement as HTMLElement;
    expect(focused).toHaveAttribute('data-milestone-id', 'act-rapid-deployment-capacity');
    expect(rows().filter((r) => r.getAttribute('tabindex') === '0')).toEqual([focused]);
    await user.keyboard('{Enter}');
    const panel = await screen.findByRole('dialog', {
      name: 'EU Rapid Deployment Capacity fully operational',
    });
    expect(panel).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(rowOf('act-rapid-deployment-capacity'));
  });

  it('zooms with the buttons and with + and -, marking the chosen level', async () => {
    const { user } = await renderApp();
    const pressed = () =>
      screen.getByRole('group', { name: 'Zoom level' }).querySelector('[aria-pressed="true"]');
    expect(pressed()).toHaveTextContent('Year');
    await user.click(screen.getByRole('button', { name: 'Month' }));
    expect(pressed()).toHaveTextContent('Month');
    expect(document.querySelectorAll('.tick-sub')).toHaveLength(48);
    await user.click(screen.getByRole('button', { name: /Zoom out/ }));
    expect(pressed()).toHaveTextContent('Quarter');
    document.body.focus();
    await user.keyboard('-');
    expect(pressed()).toHaveTextContent('Year');
    await user.keyboard('+');
    expect(pressed()).toHaveTextContent('Quarter');
  });

  it('widens the axis to 2030 so later cycles show', async () => {
    const { user } = await renderApp();
    await openFilters(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Chapter' }), 'general');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), '2030');
    // 2022, 2025, 2028
    expect(rowOf('general-threat-analysis')!.querySelectorAll('.shape.marker')).toHaveLength(3);
    expect([...document.querySelectorAll('.tick-year')].map((t) => t.textContent).at(-1)).toBe('2030');
  });

  it('marks today on the axis; "Today" widens the axis to the present year when today lies beyond it', async () => {
    const { user } = await renderApp({ today: '2027-03-01' });
    // The default period runs to the end of the present year: today is on the first screen.
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveValue('present');
    expect(document.querySelector('.today-flag')).toHaveTextContent('Today');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), '2025');
    expect(document.querySelector('.today-flag')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveValue('present');
    expect(screen.getByRole('option', { name: '2022–2027' })).toBeInTheDocument();
    expect(document.querySelector('.today-flag')).toHaveTextContent('Today');
    expect([...document.querySelectorAll('.tick-year')].map((t) => t.textContent).at(-1)).toBe('2027');
  });

  it('keeps the DOM small with 10,000 milestones (virtualised rows)', () => {
    const many: Milestone[] = Array.from({ length: 10_000 }, (_, i) => ({
      ...COMPASS[i % COMPASS.length]!,
      id: `m-${i}`,
      section: `Section ${i % 40}`,
    }));
    const mark = vi.spyOn(performance, 'mark');
    render(
      <I18nextProvider i18n={i18n}>
        <Gantt
          milestones={many}
          progress={{}}
          today="2024-06-15"
          filters={DEFAULT_FILTERS}
          zoom="year"
          range="2025"
          collapsed={new Set()}
          selectedId={null}
          onZoomChange={() => {}}
          onRangeChange={() => {}}
          onToggleGroup={() => {}}
          onSetAllCollapsed={() => {}}
          onOpen={() => {}}
        />
      </I18nextProvider>,
    );
    expect(mark).toHaveBeenCalledWith('gantt-render-start');
    const grid = screen.getByRole('treegrid');
    expect(Number(grid.getAttribute('aria-rowcount'))).toBeGreaterThan(10_000);
    expect(within(grid).getAllByRole('row').length).toBeLessThan(60);
    expect(screen.getByTestId('gantt').querySelectorAll('*').length).toBeLessThan(1500);
  });
});

describe('search and filters', () => {
  it('the searchbox narrows the rows to matching titles; "/" focuses it', async () => {
    const { user } = await renderApp();
    document.body.focus();
    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Search' });
    expect(search).toHaveFocus();
    await user.type(search, 'Article 44');
    expect(rowOf('act-article-44-arrangements')).not.toBeNull();
    expect(rowOf('act-rapid-deployment-capacity')).toBeNull();
    expect(screen.getByText('1 milestone')).toBeInTheDocument();
  });

  it('filters by chapter and keeps the filters between launches', async () => {
    const first = await renderApp();
    await openFilters(first.user);
    await first.user.selectOptions(screen.getByRole('combobox', { name: 'Chapter' }), 'invest');
    expect(rowOf('act-rapid-deployment-capacity')).toBeNull();
    expect(rowOf('invest-defence-ministers-capability-meetings')).not.toBeNull();
    const stored = localStorage.getItem('compass-timeline.view.v1');
    // A new launch: unmount and render again with what is stored.
    document.body.innerHTML = '';
    localStorage.setItem('compass-timeline.view.v1', stored!);
    const { unmount } = render(<div />);
    unmount();
    await renderApp();
    await openFilters(first.user);
    expect(screen.getByRole('combobox', { name: 'Chapter' })).toHaveValue('invest');
    expect(rowOf('act-rapid-deployment-capacity')).toBeNull();
    await first.user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(rowOf('act-rapid-deployment-capacity')).not.toBeNull();
  });

  it('finds a milestone by words of its quote, which the snapshot leaves out: main answers', async () => {
    const { api, user } = await renderApp();
    const m = COMPASS.find((x) => x.id === 'general-threat-analysis')!;
    const words = m.quote.split(' ').slice(3, 6).join(' ');
    expect(api.snapshot().milestones.find((x) => x.id === m.id)).not.toHaveProperty('quote');
    await user.type(screen.getByRole('searchbox'), words);
    await vi.waitFor(() => expect(rowOf('general-threat-analysis')).not.toBeNull());
    expect(api.callsTo('searchMilestones').at(-1)).toEqual({ query: words });
  });

  it('says so when nothing matches', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByRole('searchbox'), 'zzzz nothing');
    expect(screen.getByText(/No milestones found/)).toBeInTheDocument();
  });

  it('“only overdue” and “only my own” filter as named', async () => {
    const { user } = await renderApp({
      today: '2024-06-15',
      state: { log: logOf({ 'act-article-44-arrangements': { status: 'planned', on: '2023-01-10' } }) },
    });
    await openFilters(user);
    await user.click(screen.getByRole('checkbox', { name: 'Only overdue' }));
    expect(rowOf('act-article-44-arrangements')).not.toBeNull();
    expect(rowOf('act-rapid-deployment-capacity')).toBeNull();
    await openFilters(user);
    await user.click(screen.getByRole('checkbox', { name: 'Only overdue' }));
    await openFilters(user);
    await user.click(screen.getByRole('checkbox', { name: 'Only my own' }));
    expect(screen.getByText(/No milestones found/)).toBeInTheDocument();
  });
});

describe('papercuts a person meets', () => {
  it('disables zoom out and zoom in at their limits and labels months with their year', async () => {
    const { user } = await renderApp();
    expect(screen.getByRole('button', { name: 'Zoom out' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Zoom in' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Month' }));
    expect(screen.getByRole('button', { name: 'Zoom in' })).toBeDisabled();
    const months = [...document.querySelectorAll('.tick-sub')].map((t) => t.textContent);
    expect(months[0]).toBe('Jan 2022');
    expect(months).toContain('Jan 2023');
  });

  it('resizes the title column from the keyboard and keeps the width between launches', async () => {
    const { user } = await renderApp();
    const separator = screen.getByRole('separator', { name: 'Width of the title column' });
    expect(separator).toHaveAttribute('aria-valuenow', '420');
    separator.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(separator).toHaveAttribute('aria-valuenow', '460');
    expect(JSON.parse(localStorage.getItem('compass-timeline.view.v1')!).labelWidth).toBe(460);
    // The full title is reachable by pointer (a tooltip).
    const row = rowOf('act-article-44-arrangements')!;
    expect(row.querySelector('.gantt-label')).toHaveAttribute(
      'title',
      'Practical arrangements for Article 44 TEU',
    );
  });

  it('shows sections by their English name, never the Dutch heading twice', async () => {
    await renderApp();
    const groups = [...document.querySelectorAll('.gantt-group.level-2 .row-title')].map(
      (e) => e.textContent,
    );
    expect(groups).toContain('Missions and operations');
    expect(groups).toContain('Prepare');
    expect(groups).not.toContain('Handelen');
    expect(groups).not.toContain('Vorbereiden');
  });

  it('opens the row that has focus, however it got it (element.focus() then Enter)', async () => {
    const { user } = await renderApp();
    const row = rowOf('act-article-44-arrangements')!;
    row.focus();
    await user.keyboard('{Enter}');
    expect(
      screen.getByRole('dialog', { name: 'Practical arrangements for Article 44 TEU' }),
    ).toBeInTheDocument();
    // The group above is still expanded.
    expect(document.querySelector('[data-row-key="chapter:act"]')).toHaveAttribute('aria-expanded', 'true');
  });

  it('moves to the first result on Enter in the search field', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'Article 44{Enter}');
    expect(document.activeElement).toBe(rowOf('act-article-44-arrangements'));
  });
});
