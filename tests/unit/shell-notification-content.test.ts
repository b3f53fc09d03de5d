import { describe, expect, it } from 'vitest';
import {
  notificationsFor,
  relativeDay,
  reminderContent,
  supportsNotificationActions,
  type NotificationContext,
} from '../../electron/core/notification-content';
import { deriveProgress } from '../../electron/core/progress';
import { planReminders, reminderBatches, type ReminderNotice } from '../../electron/core/reminders';
import type { Locale } from '../../electron/core/user-state';
import { translator as shellTranslator } from '../../electron/node/i18n';
import { logOf } from '../support/log';
import { deadline, local, stateWith } from './reminders-fixtures';

const context = (locale: Locale, platform = 'darwin', today = '2025-12-24'): NotificationContext => ({
  today,
  locale,
  t: shellTranslator(locale),
  platform,
});

const reminder = (due: string, extra: Partial<ReminderNotice> = {}): ReminderNotice => ({
  key: `hybrid-toolbox#7`,
  milestoneId: 'hybrid-toolbox',
  occurrenceKey: 'hybrid-toolbox',
  title: { nl: 'EU-toolbox tegen hybride dreigingen', en: 'EU hybrid toolbox' },
  due,
  leadDays: 7,
  kind: 'deadline',
  state: null,
  ...extra,
});

describe('notification text', () => {
  it('says how far away the deadline is: "over 7 dagen" in Dutch, "in 7 days" in English', () => {
    const nl = reminderContent(reminder('2025-12-31'), context('nl'));
    expect(nl.title).toBe('EU-toolbox tegen hybride dreigingen');
    expect(nl.body).toBe('Deadline: 31 december 2025 (over 7 dagen)');
    const en = reminderContent(reminder('2025-12-31'), context('en'));
    expect(en.title).toBe('EU hybrid toolbox');
    expect(en.body).toBe('Deadline: 31 December 2025 (in 7 days)');
  });

  it('says today, tomorrow and yesterday in words, and "ago" for the past', () => {
    const t = shellTranslator('en');
    expect(relativeDay('2025-12-24', '2025-12-24', 'en', t)).toBe('today');
    expect(relativeDay('2025-12-25', '2025-12-24', 'en', t)).toBe('tomorrow');
    expect(relativeDay('2025-12-23', '2025-12-24', 'en', t)).toBe('yesterday');
    expect(relativeDay('2025-12-21', '2025-12-24', 'en', t)).toBe('3 days ago');
    expect(relativeDay('2025-12-21', '2025-12-24', 'nl', shellTranslator('nl'))).toBe('3 dagen geleden');
    expect(relativeDay('2025-12-24', '2025-12-24', 'nl', shellTranslator('nl'))).toBe('vandaag');
    expect(relativeDay('2026-01-23', '2025-12-24', 'nl', shellTranslator('nl'))).toBe('over 30 dagen');
  });

  it('counts calendar days across the DST change (30 March 2025 is 23 hours long in Europe)', () => {
    expect(relativeDay('2025-04-01', '2025-03-29', 'en', shellTranslator('en'))).toBe('in 3 days');
  });

  it('names a start and a recurring cycle as such', () => {
    expect(reminderContent(reminder('2025-12-31', { kind: 'start' }), context('en')).body).toBe(
      'Starts: 31 December 2025 (in 7 days)',
    );
    expect(reminderContent(reminder('2025-12-31', { kind: 'cycle' }), context('nl')).body).toBe(
      'Terugkerende deadline: 31 december 2025 (over 7 dagen)',
    );
  });

  it('names the two past-due states apart: overdue, and due with nothing recorded', () => {
    const late = (state: ReminderNotice['state'], locale: Locale) =>
      reminderContent(reminder('2025-12-21', { state }), context(locale)).body;
    expect(late('overdue', 'en')).toBe('Deadline: 21 December 2025 (3 days ago) · overdue');
    expect(late('unrecorded', 'en')).toBe('Deadline: 21 December 2025 (3 days ago) · due, nothing recorded');
    expect(late('overdue', 'nl')).toBe('Deadline: 21 december 2025 (3 dagen geleden) · over tijd');
    expect(late('unrecorded', 'nl')).toBe(
      'Deadline: 21 december 2025 (3 dagen geleden) · verstreken, niets vastgelegd',
    );
    expect(late(null, 'en')).toBe('Deadline: 21 December 2025 (3 days ago)');
  });

  it('offers Snooze and Mark achieved on macOS and Windows, and no buttons on Linux', () => {
    expect(supportsNotificationActions('darwin')).toBe(true);
    expect(supportsNotificationActions('win32')).toBe(true);
    expect(supportsNotificationActions('linux')).toBe(false);
    const mac = reminderContent(reminder('2025-12-31'), context('en', 'darwin'));
    expect(mac.actions).toEqual([
      { action: 'snooze', text: 'Remind me tomorrow' },
      { action: 'achieve', text: 'Mark achieved' },
    ]);
    expect(
      reminderContent(reminder('2025-12-31'), context('nl', 'win32')).actions.map((a) => a.text),
    ).toEqual(['Morgen opnieuw herinneren', 'Markeren als behaald']);
    const linux = reminderContent(reminder('2025-12-31'), context('en', 'linux'));
    expect(linux.actions).toEqual([]);
    // A click still opens the milestone, and the key is kept for the buttons.
    expect(linux.milestoneId).toBe('hybrid-toolbox');
    expect(linux.reminderKey).toBe('hybrid-toolbox#7');
  });
});

describe('batches', () => {
  const five = Array.from({ length: 5 }, (_, i) =>
    reminder(`2025-12-2${5 + (i % 3)}`, {
      key: `m${i}#0`,
      milestoneId: `m${i}`,
      title: { nl: `Mijlpaal ${i}`, en: `Milestone ${i}` },
    }),
  );

  it('shows one notification per reminder', () => {
    const shown = notificationsFor({ reminders: five.slice(0, 2), summary: false }, context('en'));
    expect(shown.map((n) => n.title)).toEqual(['Milestone 0', 'Milestone 1']);
  });

  it('groups a summary into one notification listing three and counting the rest', () => {
    const [summary, ...rest] = notificationsFor({ reminders: five, summary: true }, context('en'));
    expect(rest).toEqual([]);
    expect(summary!.title).toBe('5 reminders');
    expect(summary!.body.split('\n')).toEqual([
      'Milestone 0 (tomorrow)',
      'Milestone 1 (in 2 days)',
      'Milestone 2 (in 3 days)',
      'and 2 more',
    ]);
    expect(summary!.actions).toEqual([]);
    expect(summary!.milestoneId).toBeNull();
    expect(notificationsFor({ reminders: five, summary: true }, context('nl'))[0]!.title).toBe(
      '5 herinneringen',
    );
  });

  it('turns the weekly digest into one notification of what is overdue, in the words of the tray', () => {
    const items = five.slice(0, 2).map((r) => ({ ...r, key: 'digest@2025-12-22', due: '2025-11-30' }));
    const [digest] = notificationsFor({ reminders: items, summary: false, digest: true }, context('nl'));
    expect(digest!.title).toBe('Weekoverzicht');
    expect(digest!.body).toBe('2 over tijd: Mijlpaal 0; Mijlpaal 1');
    expect(
      notificationsFor({ reminders: [items[0]!], summary: false, digest: true }, context('en'))[0]!.body,
    ).toBe('1 overdue: Milestone 0');
  });

  it('says in a summary which past-due reminders are overdue and which are due with nothing recorded', () => {
    const past = [
      reminder('2025-12-20', { key: 'a#0', title: { nl: 'A', en: 'A' }, state: 'overdue' }),
      reminder('2025-12-21', { key: 'b#0', title: { nl: 'B', en: 'B' }, state: 'unrecorded' }),
      reminder('2025-12-31', { key: 'c#7', title: { nl: 'C', en: 'C' }, state: null }),
    ];
    const [en] = notificationsFor({ reminders: past, summary: true }, context('en'));
    expect(en!.body.split('\n')).toEqual([
      'A (4 days ago; overdue)',
      'B (3 days ago; due, nothing recorded)',
      'C (in 7 days)',
    ]);
    const [nl] = notificationsFor({ reminders: past, summary: true }, context('nl'));
    expect(nl!.body.split('\n')).toEqual([
      'A (4 dagen geleden; over tijd)',
      'B (3 dagen geleden; verstreken, niets vastgelegd)',
      'C (over 7 dagen)',
    ]);
  });

  it('shows nothing for an empty batch', () => {
    expect(notificationsFor({ reminders: [], summary: true }, context('en'))).toEqual([]);
  });
});

describe('with the reminder engine', () => {
  it("renders what the engine's planner and scheduler hand the notifier", () => {
    const milestones = [deadline('toolbox', '2025-12-31')];
    // Laptop asleep from before the 30-day reminder until after the 7-day one: one notice for the 7-day.
    const state = stateWith({}, { lastRunAt: local(2025, 11, 20, 8).toISOString() });
    const now = local(2025, 12, 24, 9, 5);
    const plan = planReminders(milestones, state, now);
    const batches = reminderBatches(plan, now);
    expect(batches).toHaveLength(1);
    const shown = batches.flatMap((batch) => notificationsFor(batch, context('en', 'win32', '2025-12-24')));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      title: 'Milestone toolbox',
      body: 'Deadline: 31 December 2025 (in 7 days)',
      milestoneId: 'toolbox',
      reminderKey: plan.due[0]!.key,
    });
  });

  it('a reminder shown after its date says, from the log, whether it is overdue or due with nothing recorded', () => {
    const milestones = [deadline('toolbox', '2025-12-31')];
    // Asleep over the due day: its day-0 reminder is shown on 2 January.
    const now = local(2026, 1, 2, 9, 5);
    const body = (state: ReturnType<typeof stateWith>) => {
      const plan = planReminders(milestones, state, now);
      return reminderBatches(plan, now, { progress: deriveProgress(state) })
        .flatMap((batch) => notificationsFor(batch, context('en', 'linux', '2026-01-02')))
        .map((n) => n.body);
    };
    const lastRunAt = local(2025, 12, 30, 8).toISOString();
    expect(body(stateWith({}, { lastRunAt }))).toEqual([
      'Deadline: 31 December 2025 (2 days ago) · due, nothing recorded',
    ]);
    const log = logOf({ toolbox: { status: 'in-progress', on: '2025-06-01' } });
    expect(body(stateWith({}, { lastRunAt, log }))).toEqual([
      'Deadline: 31 December 2025 (2 days ago) · overdue',
    ]);
  });
});
