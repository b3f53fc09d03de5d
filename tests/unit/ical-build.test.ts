import { describe, expect, it } from 'vitest';
import { alarmOffsets, buildIcal, ICAL_HORIZON, icalOptionsFromSettings } from '../../electron/core/ical';
import type { AnyMilestone } from '../../electron/core/milestone';
import { CHAPTERS } from '../../electron/core/chapters';
import { occurrencesUntil } from '../../electron/core/occurrences';
import { applyProgressPatch } from '../support/log';
import { plusDays } from '../../electron/core/calendar-date';
import { reviewText } from '../support/review-words';
import { DEFAULT_SETTINGS, EMPTY_STATE, type Settings, type UserState } from '../../electron/core/user-state';
import { loadMilestones } from '../../electron/node/milestones-source';
import { stateWithStatuses, TRICKY_OWN } from './ical-fixtures';
import { eventByUid, eventsOf, readIcal, triggersOf } from './ical-text';
import { reviewWords } from '../../electron/node/i18n';

const dataset = loadMilestones();
const ymd = (date: string) => date.replaceAll('-', '');
const withSettings = (patch: Partial<Settings>, state: UserState = EMPTY_STATE): UserState => ({
  ...state,
  settings: { ...state.settings, ...patch },
});

describe('buildIcal: one all-day event per dated moment', () => {
  const text = buildIcal(dataset, EMPTY_STATE, reviewWords);
  const events = eventsOf(text);

  it('has a deadline on its due date, a start on its start date, every cycle to the horizon, and nothing for undated ones', () => {
    const expected = new Map<string, string>();
    for (const m of dataset) {
      if (m.kind === 'deadline') expected.set(`${m.id}@compass-timeline`, m.due!);
      if (m.kind === 'start') expected.set(`${m.id}@compass-timeline`, m.start!);
      if (m.kind === 'recurring')
        for (const { date } of occurrencesUntil(m, ICAL_HORIZON))
          expected.set(`${m.id}-${date}@compass-timeline`, date);
    }
    expect(new Map(events.map((e) => [e.get('UID')!, e.raw('DTSTART')!]))).toEqual(
      new Map([...expected].map(([uid, date]) => [uid, `VALUE=DATE:${ymd(date)}`])),
    );
    // DTEND is exclusive: the next day, also across a month and a year.
    for (const e of events) {
      const start = e.get('DTSTART')!;
      const iso = `${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6)}`;
      expect(e.raw('DTEND')).toBe(`VALUE=DATE:${ymd(plusDays(iso, 1))}`);
    }
    const undated = dataset.filter((m) => m.kind === 'undated').map((m) => m.id);
    expect(undated.length).toBeGreaterThan(0);
    expect(events.filter((e) => undated.some((id) => e.get('UID')!.startsWith(`${id}@`)))).toEqual([]);
  });

  it('gives a recurring commitment one event per cycle with the year in the title', () => {
    const cycles = events.filter((e) => e.get('UID')!.startsWith('general-threat-analysis-'));
    expect(cycles.map((e) => e.get('UID'))).toEqual([
      'general-threat-analysis-2022-12-31@compass-timeline',
      'general-threat-analysis-2025-12-31@compass-timeline',
      'general-threat-analysis-2028-12-31@compass-timeline',
    ]);
    expect(cycles[1]!.get('SUMMARY')).toBe('EU-dreigingsanalyse ten minste om de drie jaar herhaald (2025)');
    expect(cycles[1]!.get('DESCRIPTION')).toContain('Cyclus: 2025-12-31 (om de 3 jaar)');
  });

  it('describes a deadline with its fuzzy window, date phrase, status, chapter, section and the Dutch quote', () => {
    const m = dataset.find((x) => x.id === 'act-rapid-deployment-capacity')!;
    const event = eventByUid(text, 'act-rapid-deployment-capacity@compass-timeline');
    const description = event.get('DESCRIPTION')!;
    expect(description).toContain('Uiterlijk: 2025-12-31');
    expect(description).toContain('Periode: 2025-01-01 – 2025-12-31');
    expect(description).toContain('Tijdsaanduiding: “Uiterlijk in 2025”');
    expect(description).toContain(`Status: ${reviewText('nl').status.unknown}`);
    expect(description).toContain('Hoofdstuk: Handelen');
    expect(description).toContain(`Onderdeel: ${m.section}`);
    const quote = 'quote' in m ? m.quote : '';
    expect(quote).not.toBe('');
    expect(description).toContain(`“${quote}”`);
    expect(event.get('CATEGORIES')).toBe('Handelen');
    expect(event.get('TRANSP')).toBe('TRANSPARENT');
    expect(event.get('STATUS')).toBe('CONFIRMED');
  });

  it('titles a start commitment as a start', () => {
    const event = eventByUid(text, 'act-rapid-deployment-capacity-live-exercises@compass-timeline');
    expect(event.get('SUMMARY')).toMatch(/^Start: /);
    expect(event.get('DESCRIPTION')).toContain('Start: 2023-01-01');
  });

  it('names the feed and asks subscribers to refresh hourly, in the chosen language', () => {
    const nl = readIcal(text);
    expect(nl.get('NAME')).toBe('Strategisch Kompas – termijnen');
    expect(nl.get('X-WR-CALNAME')).toBe('Strategisch Kompas – termijnen');
    expect(nl.get('X-WR-CALDESC')).toContain('Strategisch Kompas voor veiligheid en defensie');
    expect(nl.raw('REFRESH-INTERVAL')).toBe('VALUE=DURATION:PT1H');
    expect(nl.get('X-PUBLISHED-TTL')).toBe('PT1H');
    const en = readIcal(buildIcal(dataset, EMPTY_STATE, reviewWords, { lang: 'en' }));
    expect(en.get('X-WR-CALNAME')).toBe('Strategic Compass – deadlines');
    expect(en.get('PRODID')).toBe('-//compass-timeline//Compass Timeline//EN');
  });

  it('keeps every line within 75 octets and ends lines with CRLF', () => {
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  });
});

describe('buildIcal: deterministic output', () => {
  it('gives byte-identical text for the same input, whatever the order of the milestones', () => {
    const state = stateWithStatuses();
    const all: AnyMilestone[] = [...dataset, ...state.ownMilestones];
    const once = buildIcal(all, state, reviewWords);
    expect(buildIcal(all, structuredClone(state), reviewWords)).toBe(once);
    expect(buildIcal([...all].reverse(), state, reviewWords)).toBe(once);
  });

  it('stamps an event with its latest status change, or the adoption of the Compass', () => {
    const state = stateWithStatuses();
    const text = buildIcal([...dataset, ...state.ownMilestones], state, reviewWords);
    expect(eventByUid(text, 'own-national-plan@compass-timeline').get('DTSTAMP')).toBe('20250201T100000Z');
    expect(eventByUid(text, 'act-rapid-deployment-capacity@compass-timeline').get('DTSTAMP')).toBe(
      '20220321T000000Z',
    );
  });
});

describe('buildIcal: options', () => {
  const state = stateWithStatuses();
  const all = [...dataset, ...state.ownMilestones];

  it('keeps only the chosen chapters (none chosen means all)', () => {
    const chosen = eventsOf(buildIcal(all, state, reviewWords, { chapters: ['secure', 'partners'] }));
    expect(new Set(chosen.map((e) => e.get('CATEGORIES')))).toEqual(
      new Set(['Beveiligen', 'Samenwerken met partners']),
    );
    expect(buildIcal(all, state, reviewWords, { chapters: [] })).toBe(buildIcal(all, state, reviewWords));
    expect(new Set(eventsOf(buildIcal(all, state, reviewWords)).map((e) => e.get('CATEGORIES'))).size).toBe(
      CHAPTERS.length,
    );
  });

  it('leaves achieved milestones out on request, and marks them achieved otherwise', () => {
    const uid = 'own-start-cyber@compass-timeline';
    const withAchieved = buildIcal(all, state, reviewWords);
    expect(eventByUid(withAchieved, uid).get('SUMMARY')).toBe('✓ Start: Start cyberoefening, fase "ß"');
    expect(eventByUid(withAchieved, uid).get('DESCRIPTION')).toContain(
      `Status: ${reviewText('nl').status.achieved} (op 2025-03-01)`,
    );
    const without = eventsOf(buildIcal(all, state, reviewWords, { includeAchieved: false }));
    expect(without.map((e) => e.get('UID'))).not.toContain(uid);
    expect(without.length).toBe(eventsOf(withAchieved).length - 1);
  });

  it('writes titles and labels in English on request, the quote stays Dutch', () => {
    const event = eventByUid(
      buildIcal(all, state, reviewWords, { lang: 'en' }),
      'act-rapid-deployment-capacity@compass-timeline',
    );
    const m = dataset.find((x) => x.id === 'act-rapid-deployment-capacity')!;
    expect(event.get('SUMMARY')).toBe(m.title.en);
    expect(event.get('CATEGORIES')).toBe('Act');
    expect(event.get('DESCRIPTION')).toContain('Due: 2025-12-31');
    expect(event.get('DESCRIPTION')).toContain('Window: 2025-01-01 – 2025-12-31');
    expect(event.get('DESCRIPTION')).toContain('quote' in m ? m.quote : 'no quote');
  });

  it('takes the app’s feed settings as options', () => {
    expect(icalOptionsFromSettings(DEFAULT_SETTINGS.feed)).toEqual({
      chapters: undefined,
      includeAchieved: true,
      lang: 'nl',
    });
    expect(
      icalOptionsFromSettings({
        ...DEFAULT_SETTINGS.feed,
        chapters: ['act'],
        includeAchieved: false,
        lang: 'en',
      }),
    ).toEqual({ chapters: ['act'], includeAchieved: false, lang: 'en' });
  });
});

describe('buildIcal: own milestones and escaping', () => {
  const state = stateWithStatuses();
  const text = buildIcal([...dataset, ...state.ownMilestones], state, reviewWords, { lang: 'en' });

  it('puts own milestones in the feed with their titles back exactly as typed', () => {
    for (const own of TRICKY_OWN) {
      const uid =
        own.kind === 'recurring' ? `${own.id}-2026-03-31@compass-timeline` : `${own.id}@compass-timeline`;
      expect(eventByUid(text, uid).get('SUMMARY')).toContain(own.title.en);
    }
    const plan = eventByUid(text, 'own-national-plan@compass-timeline');
    expect(plan.get('DESCRIPTION')).toContain('Section: Nationaal; plan, "fase 1"');
    expect(plan.get('DESCRIPTION')).toContain('Actor: NL \\ MinDef');
    expect(plan.get('DESCRIPTION')).toContain('Note: Regel één\nRegel twee, met komma; en puntkomma');
    expect(plan.get('DESCRIPTION')).toContain('Own milestone');
  });

  it('escapes commas, semicolons, backslashes and line breaks in the text as RFC 5545 says', () => {
    const line = text
      .replace(/\r\n[ \t]/g, '')
      .split('\r\n')
      .find((l) => l.startsWith('SUMMARY:National plan'));
    expect(line).toBe('SUMMARY:National plan\\, budget\\; "phase 1" – naïve café\\, Zürich');
    expect(text.replace(/\r\n[ \t]/g, '')).toContain('Actor: NL \\\\ MinDef');
  });
});

describe('buildIcal: alarms follow the reminder settings', () => {
  const deadline = dataset.find((x) => x.id === 'act-rapid-deployment-capacity')!; // due Wed 31 Dec 2025
  const uid = 'act-rapid-deployment-capacity@compass-timeline';

  it('has one alarm per lead time at the time of day, relative to the all-day start', () => {
    const state = withSettings({ leadTimesDays: [30, 7, 1, 0], timeOfDay: '09:00', shiftWeekends: false });
    expect(triggersOf(eventByUid(buildIcal([deadline], state, reviewWords), uid))).toEqual([
      'RELATED=START:-P29DT15H', // 1 December 09:00
      'RELATED=START:-P6DT15H', // 24 December 09:00
      'RELATED=START:-PT15H', // 30 December 09:00
      'RELATED=START:PT9H', // 31 December 09:00
    ]);
    const other = withSettings({ leadTimesDays: [14], timeOfDay: '17:45', shiftWeekends: false });
    expect(triggersOf(eventByUid(buildIcal([deadline], other, reviewWords), uid))).toEqual([
      'RELATED=START:-P13DT6H15M',
    ]);
    // The alarm's text is the event's title.
    const alarm = eventByUid(buildIcal([deadline], other, reviewWords), uid).children[0]!;
    expect(alarm.get('ACTION')).toBe('DISPLAY');
    expect(alarm.get('DESCRIPTION')).toBe(deadline.title.nl);
  });

  it('moves an alarm that falls on a weekend to the Friday before when the setting says so', () => {
    // 2025-06-30 is a Monday: one day before is Sunday 29 June → Friday 27 June.
    const monday: AnyMilestone = { ...deadline, id: 'monday-deadline', due: '2025-06-30' };
    const shifted = withSettings({ leadTimesDays: [1, 0], timeOfDay: '09:00', shiftWeekends: true });
    expect(
      triggersOf(eventByUid(buildIcal([monday], shifted, reviewWords), 'monday-deadline@compass-timeline')),
    ).toEqual(['RELATED=START:-P2DT15H', 'RELATED=START:PT9H']);
    // Two lead times that land on the same Friday give one alarm.
    expect(
      alarmOffsets('2025-06-30', { leadTimesDays: [2, 1], timeOfDay: '09:00', shiftWeekends: true }),
    ).toEqual([-3 * 86_400 + 9 * 3600]);
    const unshifted = withSettings({ leadTimesDays: [1], timeOfDay: '09:00', shiftWeekends: false });
    expect(
      triggersOf(eventByUid(buildIcal([monday], unshifted, reviewWords), 'monday-deadline@compass-timeline')),
    ).toEqual(['RELATED=START:-PT15H']);
  });

  it('has no alarms for achieved, dropped or muted milestones, nor without lead times', () => {
    const at = new Date('2025-01-01T12:00:00Z');
    for (const patch of [{ status: 'achieved' as const }, { status: 'dropped' as const }, { muted: true }]) {
      const state = applyProgressPatch(EMPTY_STATE, deadline.id, patch, at);
      expect(triggersOf(eventByUid(buildIcal([deadline], state, reviewWords), uid))).toEqual([]);
    }
    for (const status of ['planned', 'in-progress', 'partial', 'missed'] as const) {
      const state = applyProgressPatch(EMPTY_STATE, deadline.id, { status }, at);
      expect(triggersOf(eventByUid(buildIcal([deadline], state, reviewWords), uid))).toHaveLength(4);
    }
    expect(
      triggersOf(eventByUid(buildIcal([deadline], withSettings({ leadTimesDays: [] }), reviewWords), uid)),
    ).toEqual([]);
  });

  it('shows a dropped milestone as a cancelled event', () => {
    const state = applyProgressPatch(
      EMPTY_STATE,
      deadline.id,
      { status: 'dropped' },
      new Date('2025-01-01T12:00:00Z'),
    );
    expect(eventByUid(buildIcal([deadline], state, reviewWords), uid).get('STATUS')).toBe('CANCELLED');
  });
});
