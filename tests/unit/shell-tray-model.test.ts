import { parse } from 'date-fns';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../electron/core/date-phrase';
import type { AnyMilestone, OwnMilestone } from '../../electron/core/milestone';
import { dueUnrecorded, overdue, upcoming } from '../../electron/core/queries';
import {
  isPaused,
  pauseUntil,
  trayModel,
  type TrayCommand,
  type TrayInput,
  type TrayMenuItem,
} from '../../electron/core/tray-model';
import { EMPTY_PROGRESS, type ProgressMap, type Progress } from '../../electron/core/progress';
import { trayMenuTemplate } from '../../electron/main/menu-templates';
import { translator as shellTranslator } from '../../electron/node/i18n';
import { loadMilestones } from '../../electron/node/milestones-source';

const deadline = (id: string, due: IsoDate, title = `Deadline ${id}`): OwnMilestone => ({
  id: `own-${id}`,
  own: true,
  chapter: 'act',
  section: 'Test',
  title: { nl: `${title} (nl)`, en: title },
  datePhrase: null,
  kind: 'deadline',
  start: null,
  due,
  window: null,
  recurrence: null,
  actor: 'EU',
});

const status = (s: Progress['status']): Progress => ({ ...EMPTY_PROGRESS, status: s });

const TODAY: IsoDate = '2025-06-02';
const NOW = new Date(2025, 5, 2, 10, 30); // local time, 2 June 2025 10:30

/**
 * Two deadlines within 30 days, one beyond, one overdue, two past due with nothing recorded, and
 * achieved ones that must not count.
 */
const milestones: AnyMilestone[] = [
  deadline('soon', '2025-06-05', 'Soon'),
  deadline('later', '2025-06-20', 'Later'),
  deadline('beyond', '2025-07-15', 'Beyond'),
  deadline('late', '2025-05-01', 'Late'),
  deadline('silent', '2025-04-15', 'Silent'),
  deadline('quiet', '2025-05-20', 'Quiet'),
  deadline('done-soon', '2025-06-10', 'Done soon'),
  deadline('done-late', '2025-04-01', 'Done late'),
  deadline('far', '2026-01-31', 'Far'),
  deadline('farther', '2027-12-31', 'Farther'),
];
const progress: ProgressMap = {
  'own-done-soon': status('achieved'),
  'own-done-late': status('achieved'),
  // Overdue means recorded as planned or in progress and past due (nothing recorded is not overdue).
  'own-late': status('planned'),
};

const input = (overrides: Partial<TrayInput> = {}): TrayInput => ({
  milestones,
  progress,
  settings: { startAtLogin: false, pausedUntil: null },
  today: TODAY,
  now: NOW,
  locale: 'en',
  t: shellTranslator('en'),
  ...overrides,
});

const labels = (items: readonly TrayMenuItem[]) =>
  items.map((item) => ('label' in item ? item.label : '---'));
const commandOf = (items: readonly TrayMenuItem[], label: string): TrayCommand | null => {
  for (const item of items) {
    if (item.type === 'submenu') {
      const inner = commandOf(item.submenu, label);
      if (inner) return inner;
    } else if (item.type !== 'separator' && item.label === label) return item.command;
  }
  return null;
};

describe('tray tooltip, title and badge', () => {
  it('counts deadlines in the next 30 days, overdue ones and those due with nothing recorded apart (English)', () => {
    const model = trayModel(input());
    expect(model.tooltip).toBe(
      'Compass Timeline: 2 deadlines in the next 30 days; 1 overdue; 2 due, nothing recorded',
    );
    expect(model.title).toBe('5');
    expect(model.badgeCount).toBe(5);
  });

  it('says the same in Dutch, in the words of the timeline', () => {
    const model = trayModel(input({ locale: 'nl', t: shellTranslator('nl') }));
    expect(model.tooltip).toBe(
      'Compass Timeline: 2 deadlines in de komende 30 dagen; 1 over tijd; 2 verstreken, niets vastgelegd',
    );
  });

  it('never adds "due, nothing recorded" into "overdue": recording a status moves it from one to the other', () => {
    const planned = trayModel(
      input({
        progress: { ...progress, 'own-silent': status('planned'), 'own-quiet': status('in-progress') },
      }),
    );
    expect(planned.tooltip).toBe('Compass Timeline: 2 deadlines in the next 30 days; 3 overdue');
    const none = trayModel(input({ progress: { ...progress, 'own-late': status('unknown') } }));
    expect(none.tooltip).toBe('Compass Timeline: 2 deadlines in the next 30 days; 3 due, nothing recorded');
    // Missed and partial are recorded outcomes: neither overdue nor unrecorded.
    const closed = trayModel(
      input({ progress: { ...progress, 'own-silent': status('missed'), 'own-quiet': status('partial') } }),
    );
    expect(closed.tooltip).toBe('Compass Timeline: 2 deadlines in the next 30 days; 1 overdue');
  });

  it('uses the singular for one deadline and leaves out "overdue" when nothing is', () => {
    const model = trayModel(input({ milestones: [deadline('one', '2025-06-03')], progress: {} }));
    expect(model.tooltip).toBe('Compass Timeline: 1 deadline in the next 30 days');
    expect(model.title).toBe('1');
  });

  it('shows no title and a zero badge when nothing needs attention', () => {
    const model = trayModel(input({ milestones: [deadline('far', '2030-01-01')], progress: {} }));
    expect(model.tooltip).toBe('Compass Timeline: 0 deadlines in the next 30 days');
    expect(model.title).toBe('');
    expect(model.badgeCount).toBe(0);
  });

  it('says when reminders are paused', () => {
    const paused = trayModel(
      input({ settings: { startAtLogin: false, pausedUntil: '2025-06-02T12:00:00.000Z' } }),
    );
    expect(paused.tooltip).toMatch(/\(reminders paused\)$/);
  });

  it('stays within the 127 characters Windows shows, even with many items', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      deadline(`m${i}`, i % 2 ? '2025-06-10' : '2024-01-01'),
    );
    const model = trayModel(
      input({
        milestones: many,
        progress: Object.fromEntries(many.map((m) => [m.id, status('planned')])),
        locale: 'nl',
        t: shellTranslator('nl'),
      }),
    );
    expect(model.tooltip.length).toBeLessThanOrEqual(127);
    expect(model.tooltip).toContain('250 deadlines');
    expect(model.tooltip).toContain('250 over tijd');
  });
});

describe('tray menu', () => {
  it('lists the next five open deadlines, soonest first, each opening its milestone', () => {
    const model = trayModel(input());
    const deadlines = model.menu.filter(
      (item): item is Extract<TrayMenuItem, { type: 'normal' }> =>
        item.type === 'normal' && item.command?.type === 'open-milestone',
    );
    expect(deadlines.map((item) => item.label)).toEqual([
      '5 Jun 2025 · Soon',
      '20 Jun 2025 · Later',
      '15 Jul 2025 · Beyond',
      '31 Jan 2026 · Far',
      '31 Dec 2027 · Farther',
    ]);
    expect(deadlines[0]!.command).toEqual({ type: 'open-milestone', id: 'own-soon' });
  });

  it('labels deadlines in Dutch with Dutch month names', () => {
    const model = trayModel(input({ locale: 'nl', t: shellTranslator('nl') }));
    expect(labels(model.menu)).toContain('5 jun. 2025 · Soon (nl)');
    expect(labels(model.menu)).toContain('Compass Timeline openen');
    expect(labels(model.menu)).toContain('Afsluiten');
  });

  it('lists what is overdue and what is due with nothing recorded in two submenus, each item opening its milestone', () => {
    const model = trayModel(input());
    const submenu = (label: string) => {
      const item = model.menu.find((i) => i.type === 'submenu' && i.label === label);
      return item?.type === 'submenu' ? item.submenu : null;
    };
    expect(labels(submenu('Overdue (1)') ?? [])).toEqual(['1 May 2025 · Late']);
    // Longest ago first.
    expect(labels(submenu('Due, nothing recorded (2)') ?? [])).toEqual([
      '15 Apr 2025 · Silent',
      '20 May 2025 · Quiet',
    ]);
    expect(commandOf(submenu('Due, nothing recorded (2)')!, '15 Apr 2025 · Silent')).toEqual({
      type: 'open-milestone',
      id: 'own-silent',
    });
    const nl = trayModel(input({ locale: 'nl', t: shellTranslator('nl') }));
    expect(labels(nl.menu)).toEqual(
      expect.arrayContaining(['Over tijd (1)', 'Verstreken, niets vastgelegd (2)']),
    );
    // Nothing past due: no such submenus.
    const calm = trayModel(input({ milestones: [deadline('one', '2025-06-03')], progress: {} }));
    expect(labels(calm.menu).some((l) => /Overdue|nothing recorded/.test(l))).toBe(false);
  });

  it('lists five past-due items per state and opens the app for the rest', () => {
    const many = Array.from({ length: 8 }, (_, i) => deadline(`old${i}`, `2024-0${i + 1}-01`));
    const model = trayModel(input({ milestones: many, progress: {} }));
    const item = model.menu.find((i) => i.type === 'submenu' && i.label === 'Due, nothing recorded (8)');
    expect(item?.type === 'submenu' && labels(item.submenu)).toEqual([
      '1 Jan 2024 · Deadline old0',
      '1 Feb 2024 · Deadline old1',
      '1 Mar 2024 · Deadline old2',
      '1 Apr 2024 · Deadline old3',
      '1 May 2024 · Deadline old4',
      'and 3 more…',
    ]);
    expect(item?.type === 'submenu' && commandOf(item.submenu, 'and 3 more…')).toEqual({ type: 'open' });
  });

  it('shows a disabled line when no deadline is ahead', () => {
    const model = trayModel(input({ milestones: [deadline('past', '2020-01-01')], progress: {} }));
    const line = model.menu.find((item) => item.type === 'normal' && item.label === 'No upcoming deadlines');
    expect(line).toMatchObject({ enabled: false, command: null });
  });

  it('has Open, Pause (1 hour / until tomorrow), Export iCal…, Start at login and Quit, Quit last', () => {
    const model = trayModel(input());
    const all = labels(model.menu);
    expect(all).toEqual(
      expect.arrayContaining([
        'Open Compass Timeline',
        'Pause reminders',
        'Export iCal…',
        'Start at login',
        'Quit',
      ]),
    );
    expect(all.at(-1)).toBe('Quit');
    expect(commandOf(model.menu, 'Quit')).toEqual({ type: 'quit' });
    expect(commandOf(model.menu, 'Export iCal…')).toEqual({ type: 'export-ical' });
    expect(commandOf(model.menu, 'For 1 hour')).toEqual({
      type: 'pause',
      until: new Date(2025, 5, 2, 11, 30).toISOString(),
    });
    expect(commandOf(model.menu, 'Until tomorrow')).toEqual({
      type: 'pause',
      until: new Date(2025, 5, 3).toISOString(),
    });
  });

  it('ticks Start at login when it is on, and the click turns it the other way', () => {
    const off = trayModel(input()).menu.find((item) => item.type === 'checkbox');
    expect(off).toMatchObject({ checked: false, command: { type: 'set-start-at-login', value: true } });
    const on = trayModel(input({ settings: { startAtLogin: true, pausedUntil: null } })).menu.find(
      (item) => item.type === 'checkbox',
    );
    expect(on).toMatchObject({ checked: true, command: { type: 'set-start-at-login', value: false } });
  });

  it('while paused, says until when and offers Resume instead of Pause', () => {
    const until = new Date(2025, 5, 2, 11, 30);
    const model = trayModel(input({ settings: { startAtLogin: false, pausedUntil: until.toISOString() } }));
    const all = labels(model.menu);
    expect(all).toContain('Reminders paused until 11:30');
    expect(all).not.toContain('Pause reminders');
    expect(commandOf(model.menu, 'Resume reminders')).toEqual({ type: 'resume' });
  });

  it('treats a pause that has run out as no pause', () => {
    const model = trayModel(
      input({ settings: { startAtLogin: false, pausedUntil: new Date(2025, 5, 2, 9, 0).toISOString() } }),
    );
    expect(labels(model.menu)).toContain('Pause reminders');
    expect(isPaused(new Date(2025, 5, 2, 9, 0).toISOString(), NOW)).toBe(false);
    expect(isPaused(null, NOW)).toBe(false);
  });

  it('offers to copy the live feed addresses while the feed runs', () => {
    const feed = {
      http: 'http://127.0.0.1:17863/compass.ics',
      webcal: 'webcal://127.0.0.1:17863/compass.ics',
    };
    const model = trayModel(input({ feed }));
    expect(commandOf(model.menu, 'Copy feed address')).toEqual({ type: 'copy', text: feed.http });
    expect(commandOf(model.menu, 'Copy webcal address')).toEqual({ type: 'copy', text: feed.webcal });
    expect(labels(trayModel(input()).menu)).not.toContain('Copy feed address');
  });
});

describe('pause options', () => {
  it('pauses for one hour, or until the start of the next local day', () => {
    expect(pauseUntil('1h', NOW)).toEqual(new Date(2025, 5, 2, 11, 30));
    expect(pauseUntil('tomorrow', NOW)).toEqual(new Date(2025, 5, 3, 0, 0));
    expect(pauseUntil('tomorrow', new Date(2025, 11, 31, 23, 59))).toEqual(new Date(2026, 0, 1));
  });
});

describe('tray model on the Compass dataset', () => {
  const dataset = loadMilestones();

  it('counts what the core queries count and lists the next five deadlines in date order', () => {
    const today: IsoDate = '2024-11-15';
    const model = trayModel(input({ milestones: dataset, progress: {}, today }));
    const soon = upcoming(dataset, { progress: {} }, today, 30).filter((i) => i.occurrence.type !== 'start');
    const late = overdue(dataset, { progress: {} }, today);
    const unrecorded = dueUnrecorded(dataset, { progress: {} }, today);
    // With nothing recorded nothing is overdue: the same rule as the review and the timeline.
    expect(late).toEqual([]);
    expect(unrecorded.length).toBeGreaterThan(0);
    expect(model.badgeCount).toBe(soon.length + unrecorded.length);
    expect(model.tooltip).toContain(`${unrecorded.length} due, nothing recorded`);
    expect(model.tooltip).not.toContain('overdue');
    const next = model.menu.flatMap((item) =>
      item.type === 'normal' && item.command?.type === 'open-milestone' ? [item] : [],
    );
    expect(next).toHaveLength(5);
    // Each label starts with its date; they are today or later, in order.
    const dates = next.map((item) => parse(item.label.split(' · ')[0]!, 'd MMM yyyy', new Date(2000, 0, 1)));
    expect(dates.every((d) => !Number.isNaN(d.getTime()) && d >= new Date(2024, 10, 15))).toBe(true);
    expect([...dates].sort((a, b) => a.getTime() - b.getTime())).toEqual(dates);
    for (const item of next) {
      const command = item.command as Extract<TrayCommand, { type: 'open-milestone' }>;
      const milestone = dataset.find((m) => m.id === command.id)!;
      expect(milestone.kind === 'deadline' || milestone.kind === 'recurring').toBe(true);
      expect(item.label).toContain(milestone.title.en.slice(0, 40));
    }
  });
});

describe('tray menu as an Electron template (Electron stand-in: none needed, the template is data)', () => {
  it('maps items to Electron menu items and runs the command of the clicked one', () => {
    const model = trayModel(input({ settings: { startAtLogin: true, pausedUntil: null } }));
    const ran: TrayCommand[] = [];
    const template = trayMenuTemplate(model.menu, (command) => ran.push(command));
    expect(template).toHaveLength(model.menu.length);
    const header = template[0]!;
    expect(header).toMatchObject({ label: 'Next deadlines', enabled: false });
    expect(header.click).toBeUndefined();
    const checkbox = template.find((item) => item.type === 'checkbox')!;
    expect(checkbox.checked).toBe(true);
    const pause = template.find((item) => item.label === 'Pause reminders')!;
    expect(Array.isArray(pause.submenu) && pause.submenu.map((item) => item.label)).toEqual([
      'For 1 hour',
      'Until tomorrow',
    ]);
    const quit = template.at(-1)!;
    (quit.click as () => void)();
    (template[1]!.click as () => void)();
    expect(ran).toEqual([{ type: 'quit' }, { type: 'open-milestone', id: 'own-soon' }]);
  });
});
