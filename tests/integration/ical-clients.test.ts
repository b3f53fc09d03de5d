/**
 * The feed against the calendar software Debian ships: python3-icalendar and python3-vobject
 * (with validation), khal (import into a fresh calendar) and a Radicale CalDAV server (PUT the
 * feed, read it back). The feed is made by the real CLI from a real store on disk.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProgressPatch } from '../support/log';
import { reviewText } from '../support/review-words';
import { EMPTY_STATE, type UserState } from '../../electron/core/user-state';
import { loadMilestones } from '../../electron/node/milestones-source';
import { cli } from '../support/cli';
import { stateWithStatuses, TRICKY_OWN } from '../unit/ical-fixtures';
import {
  expectedEvents,
  freePort,
  haveTool,
  PYTHON,
  readWithPython,
  startProcess,
  tempDir,
  waitForPort,
  writeState,
  type ParsedCalendar,
} from './ical-support';

const havePython = haveTool('python3-icalendar and python3-vobject', PYTHON, [
  '-c',
  'import icalendar, vobject',
]);
const haveKhal = haveTool('khal', 'khal', ['--version']);
const haveRadicale = haveTool('Radicale', PYTHON, ['-m', 'radicale', '--version']);

const LEAD_TIMES = [30, 7, 1, 0];
const dir = tempDir('ical-clients');
const dataDir = join(dir.path, 'data');
const all = [...loadMilestones(), ...TRICKY_OWN];
const expected = expectedEvents(all);
let feed = '';

function makeFeed(): string {
  const result = cli(['ics', '--data-dir', dataDir, '--lang', 'en']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

beforeAll(() => {
  writeState(dataDir, () =>
    stateWithStatuses({
      ...EMPTY_STATE,
      settings: {
        ...EMPTY_STATE.settings,
        leadTimesDays: LEAD_TIMES,
        timeOfDay: '09:00',
        shiftWeekends: false,
      },
    }),
  );
  feed = makeFeed();
}, 120_000);

afterAll(() => dir.remove());

describe('the feed the CLI writes', { timeout: 120_000 }, () => {
  it('is byte-identical on a second run, so every UID stays the same', () => {
    expect(makeFeed()).toBe(feed);
  });
});

describe.skipIf(!havePython)('python3-icalendar and python3-vobject', () => {
  let parsed: ParsedCalendar;
  beforeAll(() => {
    parsed = readWithPython(feed); // throws when vobject's validation fails
  });

  it('read and validate every event, as all-day events with an exclusive end', () => {
    expect(new Map(parsed.events.map((e) => [e.uid, e.dtstart]))).toEqual(expected);
    expect(new Set(Object.keys(parsed.vobject))).toEqual(new Set(expected.keys()));
    for (const e of parsed.events) {
      expect(e.allDay, e.uid).toBe(true);
      const next = new Date(`${e.dtstart}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(e.dtend, e.uid).toBe(next.toISOString().slice(0, 10));
      expect(parsed.vobject[e.uid]).toEqual({
        summary: e.summary,
        dtstart: e.dtstart,
        dtend: e.dtend,
        alarms: e.alarms.length,
      });
    }
  });

  it('give back titles with commas, semicolons, quotes and accents exactly as typed', () => {
    const byUid = new Map(parsed.events.map((e) => [e.uid, e]));
    expect(byUid.get('own-national-plan@compass-timeline')!.summary).toBe(
      'National plan, budget; "phase 1" – naïve café, Zürich',
    );
    expect(byUid.get('own-yearly-report-2027-03-31@compass-timeline')!.summary).toBe(
      'Yearly report to Parliament; “Compass” (2027)',
    );
    expect(byUid.get('own-start-cyber@compass-timeline')!.summary).toBe(
      '✓ Start: Cyber exercise starts, phase "ß"',
    );
    const plan = byUid.get('own-national-plan@compass-timeline')!;
    expect(plan.description).toContain('Section: Nationaal; plan, "fase 1"');
    expect(plan.description).toContain('Actor: NL \\ MinDef');
    expect(plan.description).toContain('Note: Regel één\nRegel twee, met komma; en puntkomma');
    expect(plan.categories).toEqual(['Act']);
  });

  it('see the alarms the settings ask for, and none for achieved milestones', () => {
    for (const e of parsed.events) {
      const achieved = e.uid === 'own-start-cyber@compass-timeline';
      expect(
        e.alarms.map((a) => a.seconds),
        e.uid,
      ).toEqual(achieved ? [] : LEAD_TIMES.map((days) => -days * 86_400 + 9 * 3600));
      for (const a of e.alarms)
        expect(a).toMatchObject({ action: 'DISPLAY', related: 'START', description: e.summary });
    }
  });

  it('see the feed’s name, description and refresh interval', () => {
    expect(parsed.name).toBe('Strategic Compass – deadlines');
    expect(parsed.description).toContain('Strategic Compass for Security and Defence');
    expect(parsed.refreshSeconds).toBe(3600);
    expect(parsed.ttl).toBe('PT1H');
  });
});

describe.skipIf(!haveKhal)('khal', { timeout: 120_000 }, () => {
  const home = join(dir.path, 'khal');
  const calendar = join(home, 'calendar');
  const config = join(home, 'khal.conf');
  const env = {
    ...process.env,
    COLUMNS: '1000',
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CACHE_HOME: join(home, 'cache'),
  };
  const khal = (...args: string[]) => {
    const result = spawnSync('khal', ['-c', config, ...args], { encoding: 'utf8', env, timeout: 120_000 });
    if (result.status !== 0) throw new Error(`khal ${args.join(' ')} failed:\n${result.stderr}`);
    return result.stdout;
  };
  const dates = [...expected.values()].sort();
  const [first, last] = [dates[0]!, dates.at(-1)!];
  /** Every event khal has, once each: uid → "start|end|title". */
  const listed = () =>
    new Map(
      khal(
        'list',
        '--once',
        '--day-format',
        '',
        '--format',
        '{uid}|{start-date}|{end-date}|{title}',
        first,
        last,
      )
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [uid, ...rest] = line.split('|');
          return [uid!, rest.join('|')];
        }),
    );

  beforeAll(() => {
    mkdirSync(calendar, { recursive: true });
    writeFileSync(
      config,
      [
        '[calendars]',
        '[[compass]]',
        `path = ${calendar}`,
        'type = calendar',
        '[locale]',
        'timeformat = %H:%M',
        'dateformat = %Y-%m-%d',
        'longdateformat = %Y-%m-%d',
        'datetimeformat = %Y-%m-%d %H:%M',
        'longdatetimeformat = %Y-%m-%d %H:%M',
        'local_timezone = Europe/Brussels',
        'default_timezone = Europe/Brussels',
        '[default]',
        'default_calendar = compass',
        '[sqlite]',
        `path = ${join(home, 'khal.db')}`,
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir.path, 'feed.ics'), feed);
    khal('import', '--batch', '-a', 'compass', join(dir.path, 'feed.ics'));
  }, 120_000);

  it('imports every event into a fresh calendar, each on its one day', () => {
    const events = listed();
    expect(new Set(events.keys())).toEqual(new Set(expected.keys()));
    for (const [uid, date] of expected)
      expect(events.get(uid)!.startsWith(`${date}|${date}|`), uid).toBe(true);
    expect(events.get('own-national-plan@compass-timeline')).toBe(
      '2026-06-30|2026-06-30|National plan, budget; "phase 1" – naïve café, Zürich',
    );
    expect(khal('search', '--format', '{title}', 'Zürich').trim()).toBe(
      'National plan, budget; "phase 1" – naïve café, Zürich',
    );
  });

  it('re-importing the same feed changes nothing; a changed one updates the event instead of adding one', () => {
    const before = listed();
    const files = readdirSync(calendar).sort();
    khal('import', '--batch', '-a', 'compass', join(dir.path, 'feed.ics'));
    expect(listed()).toEqual(before);
    expect(readdirSync(calendar).sort()).toEqual(files);

    writeState(dataDir, (state: UserState) =>
      applyProgressPatch(
        state,
        'own-national-plan',
        { status: 'achieved', achievedOn: '2026-06-01' },
        new Date('2026-06-01T10:00:00Z'),
      ),
    );
    const changed = makeFeed();
    writeFileSync(join(dir.path, 'changed.ics'), changed);
    khal('import', '--batch', '-a', 'compass', join(dir.path, 'changed.ics'));
    const after = listed();
    expect(after.size).toBe(before.size);
    expect(after.get('own-national-plan@compass-timeline')).toBe(
      '2026-06-30|2026-06-30|✓ National plan, budget; "phase 1" – naïve café, Zürich',
    );
    expect(readdirSync(calendar).sort()).toEqual(files);
  });
});

describe.skipIf(!haveRadicale || !havePython)('Radicale (CalDAV)', { timeout: 120_000 }, () => {
  const storage = join(dir.path, 'radicale');
  let server: ReturnType<typeof startProcess> | undefined;
  let base = '';
  const auth = { Authorization: `Basic ${Buffer.from('compass:any').toString('base64')}` };

  beforeAll(async () => {
    const port = await freePort();
    server = startProcess(PYTHON, [
      '-m',
      'radicale',
      '--server-hosts',
      `127.0.0.1:${port}`,
      '--storage-filesystem-folder',
      storage,
      '--auth-type',
      'none',
      '--logging-level',
      'warning',
    ]);
    await waitForPort(port, server.child, 'Radicale');
    base = `http://127.0.0.1:${port}/compass/compass-timeline/`;
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  const put = (text: string) =>
    fetch(base, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'text/calendar; charset=utf-8' },
      body: text,
    });
  const get = async () => {
    const response = await fetch(base, { headers: auth });
    expect(response.status).toBe(200);
    return response.text();
  };

  it('accepts a PUT of the feed and gives back every event unchanged', async () => {
    expect((await put(feed)).status).toBe(201);
    const back = readWithPython(await get());
    const sent = readWithPython(feed);
    const byUid = (c: ParsedCalendar) => new Map(c.events.map((e) => [e.uid, e]));
    expect(byUid(back)).toEqual(byUid(sent));
    expect(back.events).toHaveLength(expected.size);
  });

  it('takes an updated feed over the old one: same events, the changed one with a higher SEQUENCE', async () => {
    await put(feed);
    const first = new Map(readWithPython(await get()).events.map((e) => [e.uid, e]));
    writeState(dataDir, (state: UserState) =>
      applyProgressPatch(
        state,
        'act-rapid-deployment-capacity',
        { status: 'missed' },
        new Date('2026-01-05T09:00:00Z'),
      ),
    );
    const changed = makeFeed();
    expect((await put(changed)).status).toBe(201);
    const second = new Map(readWithPython(await get()).events.map((e) => [e.uid, e]));
    expect(new Set(second.keys())).toEqual(new Set(first.keys()));
    const uid = 'act-rapid-deployment-capacity@compass-timeline';
    expect(second.get(uid)!.sequence).toBeGreaterThan(first.get(uid)!.sequence);
    expect(second.get(uid)!.description).toContain(`Status: ${reviewText('en').status.missed}`);
    expect(second.get(uid)!.dtstamp).toBe('2026-01-05T09:00:00+00:00');
  });
});
