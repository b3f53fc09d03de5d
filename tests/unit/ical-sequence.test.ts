import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIcal, nextFeedSequences, renderKey } from '../../electron/core/ical';
import type { AnyMilestone } from '../../electron/core/milestone';
import { applyProgressPatch } from '../support/log';
import { STATUSES } from '../../electron/core/status';
import { EMPTY_STATE, userStateSchema, type UserState } from '../../electron/core/user-state';
import { loadMilestones } from '../../electron/node/milestones-source';
import { TRICKY_OWN } from './ical-fixtures';
import { eventsOf } from './ical-text';
import { reviewWords } from '../../electron/node/i18n';

const dataset = loadMilestones();
const milestonesOf = (state: UserState): AnyMilestone[] => [...dataset, ...state.ownMilestones];
const at = (n: number) => new Date(Date.UTC(2025, 0, 1, 12) + n * 60_000);

/** Publishes like the app and the CLI do: store the SEQUENCE records, then build. */
function publish(state: UserState, lang: 'nl' | 'en' = 'nl'): { state: UserState; text: string } {
  const next = nextFeedSequences(milestonesOf(state), state, reviewWords);
  const stored = next ? { ...state, feedSequences: next } : state;
  return { state: stored, text: buildIcal(milestonesOf(stored), stored, reviewWords, { lang }) };
}

const sequences = (text: string) =>
  new Map(eventsOf(text).map((e) => [e.get('UID')!, Number(e.get('SEQUENCE'))]));

/** An event's text without the lines that say when or how often it changed. */
const contents = (text: string) =>
  new Map(
    text
      .replace(/\r\n[ \t]/g, '')
      .split('BEGIN:VEVENT\r\n')
      .slice(1)
      .map((block) => [
        /^UID:(.*)$/m.exec(block)![1]!,
        block
          .split('\r\n')
          .filter((line) => !/^(SEQUENCE|DTSTAMP):/.test(line))
          .join('\n'),
      ]),
  );

const uid = 'act-rapid-deployment-capacity@compass-timeline';
const ownUid = 'own-national-plan@compass-timeline';

describe('SEQUENCE goes up exactly when an event changes', () => {
  const start = publish({ ...EMPTY_STATE, ownMilestones: TRICKY_OWN });

  it('starts at 0, and the stored records fit the store’s schema', () => {
    expect(new Set(sequences(start.text).values())).toEqual(new Set([0]));
    expect(userStateSchema.safeParse(start.state).success).toBe(true);
  });

  it('publishing again changes nothing: same text, nothing to store', () => {
    expect(nextFeedSequences(milestonesOf(start.state), start.state, reviewWords)).toBeNull();
    expect(publish(start.state).text).toBe(start.text);
  });

  it('a status change raises that event only', () => {
    const changed = publish(
      applyProgressPatch(start.state, 'act-rapid-deployment-capacity', { status: 'planned' }, at(1)),
    );
    const before = sequences(start.text);
    const after = sequences(changed.text);
    expect(after.get(uid)).toBe(1);
    for (const [key, value] of after) if (key !== uid) expect(value, key).toBe(before.get(key));
    // A second change goes higher again.
    const again = publish(
      applyProgressPatch(changed.state, 'act-rapid-deployment-capacity', { status: 'achieved' }, at(2)),
    );
    expect(sequences(again.text).get(uid)).toBe(2);
  });

  it('new lead times raise the events whose alarms move, not the quiet ones', () => {
    const dropped = publish(
      applyProgressPatch(start.state, 'act-rapid-deployment-capacity', { status: 'dropped' }, at(1)),
    );
    const relead = publish({
      ...dropped.state,
      settings: { ...dropped.state.settings, leadTimesDays: [14] },
    });
    const before = sequences(dropped.text);
    const after = sequences(relead.text);
    expect(after.get(uid)).toBe(before.get(uid)); // dropped: no alarms either way
    expect(after.get(ownUid)).toBe(before.get(ownUid)! + 1);
  });

  it('muting, and editing an own milestone (which has no status history), raise the event', () => {
    const muted = publish(applyProgressPatch(start.state, 'own-national-plan', { muted: true }, at(1)));
    expect(sequences(muted.text).get(ownUid)).toBe(1);
    const renamed = publish({
      ...muted.state,
      ownMilestones: muted.state.ownMilestones.map((m) =>
        m.id === 'own-national-plan' ? { ...m, title: { ...m.title, en: 'Renamed; plan' } } : m,
      ),
    });
    expect(sequences(renamed.text).get(ownUid)).toBe(2);
  });

  it('does not depend on the language of the feed', () => {
    const changed = applyProgressPatch(start.state, 'own-national-plan', { status: 'planned' }, at(1));
    expect(sequences(publish(changed, 'en').text)).toEqual(sequences(publish(changed, 'nl').text));
  });

  it('keeps the hash of its words when they moved to the locale files (no SEQUENCE jump)', () => {
    // The value computed from the labels as they were written in core before.
    expect(renderKey(reviewWords)).toBe('2erpfvtuxr1');
  });

  it('a changed word raises every event, unchanged words keep them', () => {
    const changed = (lang: 'nl' | 'en') => (key: string, values?: Record<string, string | number>) =>
      key === 'feed.due' && lang === 'en' ? 'Deadline' : reviewWords(lang)(key, values);
    const state = start.state;
    const next = nextFeedSequences(milestonesOf(state), state, changed);
    const ids = Object.keys(state.feedSequences ?? {});
    expect(ids.length).toBeGreaterThan(0);
    expect(
      Object.keys(next ?? {}).filter((id) => next![id]!.sequence > state.feedSequences![id]!.sequence),
    ).toEqual(ids);
  });

  it('grows with the status history even when nothing is stored', () => {
    let state: UserState = EMPTY_STATE;
    state = applyProgressPatch(state, 'act-rapid-deployment-capacity', { status: 'planned' }, at(1));
    state = applyProgressPatch(state, 'act-rapid-deployment-capacity', { status: 'in-progress' }, at(2));
    expect(sequences(buildIcal(dataset, state, reviewWords)).get(uid)).toBe(2);
  });
});

describe('SEQUENCE over any series of changes (property)', () => {
  const ids = [
    'act-rapid-deployment-capacity',
    'general-threat-analysis',
    'own-national-plan',
    'own-yearly-report',
  ];
  const change = fc.oneof(
    fc.record({
      kind: fc.constant('status' as const),
      id: fc.constantFrom(...ids),
      status: fc.constantFrom(...STATUSES),
    }),
    fc.record({ kind: fc.constant('mute' as const), id: fc.constantFrom(...ids), muted: fc.boolean() }),
    fc.record({
      kind: fc.constant('leads' as const),
      leads: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 4 }),
    }),
    fc.record({ kind: fc.constant('rename' as const), title: fc.string({ minLength: 1, maxLength: 20 }) }),
    fc.record({ kind: fc.constant('publish-without-storing' as const) }),
  );

  it('never goes down, and goes up whenever the published event differs from the last one', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 10 }), (changes) => {
        let state: UserState = { ...EMPTY_STATE, ownMilestones: TRICKY_OWN };
        const first = publish(state);
        state = first.state;
        let lastSeq = sequences(first.text);
        let lastContent = contents(first.text);
        changes.forEach((c, n) => {
          if (c.kind === 'status') state = applyProgressPatch(state, c.id, { status: c.status }, at(n));
          if (c.kind === 'mute') state = applyProgressPatch(state, c.id, { muted: c.muted }, at(n));
          if (c.kind === 'leads')
            state = { ...state, settings: { ...state.settings, leadTimesDays: c.leads } };
          if (c.kind === 'rename')
            state = {
              ...state,
              ownMilestones: state.ownMilestones.map((m) =>
                m.id === 'own-national-plan' ? { ...m, title: { nl: c.title, en: c.title } } : m,
              ),
            };
          if (c.kind === 'publish-without-storing') {
            // Someone built the feed without storing: the next published numbers must still be right.
            buildIcal(milestonesOf(state), state, reviewWords);
            return;
          }
          const now = publish(state);
          state = now.state;
          const seq = sequences(now.text);
          const content = contents(now.text);
          for (const [key, value] of seq) {
            const previous = lastSeq.get(key)!;
            expect(value).toBeGreaterThanOrEqual(previous);
            if (content.get(key) !== lastContent.get(key)) expect(value, key).toBeGreaterThan(previous);
          }
          lastSeq = seq;
          lastContent = content;
        });
      }),
      { numRuns: 40 },
    );
  });
});
