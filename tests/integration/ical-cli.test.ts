/**
 * `ics` and `serve-feed` as users run them (`npm run --silent cli -- …`), on a real store.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProgressPatch } from '../support/log';
import { cli } from '../support/cli';
import { stateWithStatuses } from '../unit/ical-fixtures';
import { eventByUid, eventsOf, readIcal } from '../unit/ical-text';
import { readState, startProcess, tempDir, writeState } from './ical-support';

const dir = tempDir('ical-cli');
const dataDir = join(dir.path, 'data');
afterAll(() => dir.remove());
beforeAll(() => {
  writeState(dataDir, (state) => stateWithStatuses(state));
});

describe('ics', { timeout: 120_000 }, () => {
  it('prints the feed, or writes the same feed to --out', () => {
    const printed = cli(['ics', '--data-dir', dataDir]);
    expect(printed.code).toBe(0);
    expect(printed.stderr).toBe('');
    expect(printed.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(eventByUid(printed.stdout, 'own-national-plan@compass-timeline').get('SUMMARY')).toBe(
      'Nationaal plan, budget; "fase 1" – één café à la carte',
    );
    const file = join(dir.path, 'out', '..', 'compass.ics');
    const written = cli(['ics', '--data-dir', dataDir, '--out', file]);
    expect(written.code).toBe(0);
    const content = readFileSync(file, 'utf8');
    expect(written.stdout).toBe(`Wrote ${eventsOf(content).length} events to ${file}.\n`);
    // stdout has the line break the terminal needs after the last line; the file is the feed as built.
    expect(`${content}\n`).toBe(printed.stdout);
  });

  it('takes chapters, language and achieved from the flags', () => {
    const all = eventsOf(cli(['ics', '--data-dir', dataDir]).stdout);
    const result = cli([
      'ics',
      '--data-dir',
      dataDir,
      '--chapters',
      'secure,act',
      '--lang',
      'en',
      '--no-achieved',
    ]);
    expect(result.code).toBe(0);
    const events = eventsOf(result.stdout);
    expect(new Set(events.map((e) => e.get('CATEGORIES')))).toEqual(new Set(['Act', 'Secure']));
    expect(events.map((e) => e.get('UID'))).not.toContain('own-start-cyber@compass-timeline'); // achieved
    expect(events.length).toBeLessThan(all.length);
    expect(readIcal(result.stdout).get('X-WR-CALNAME')).toBe('Strategic Compass – deadlines');
  });

  it('follows the feed settings where no flag is given', () => {
    writeState(dataDir, (state) => ({
      ...state,
      settings: { ...state.settings, feed: { ...state.settings.feed, lang: 'en', chapters: ['partners'] } },
    }));
    try {
      const events = eventsOf(cli(['ics', '--data-dir', dataDir]).stdout);
      expect(new Set(events.map((e) => e.get('CATEGORIES')))).toEqual(new Set(['Partner']));
      const dutch = eventsOf(cli(['ics', '--data-dir', dataDir, '--lang', 'nl', '--chapters', 'act']).stdout);
      expect(new Set(dutch.map((e) => e.get('CATEGORIES')))).toEqual(new Set(['Handelen']));
    } finally {
      writeState(dataDir, (state) => ({
        ...state,
        settings: { ...state.settings, feed: { ...state.settings.feed, lang: 'nl', chapters: [] } },
      }));
    }
  });

  it('explains wrong flags and a file it cannot write, and changes nothing in the store', () => {
    // A change not yet published: a failed run must not record it as published either.
    const before = writeState(dataDir, (state) =>
      applyProgressPatch(state, 'own-national-plan', { status: 'missed' }, new Date('2026-07-01T08:00:00Z')),
    );
    const cases: [string[], number, RegExp][] = [
      [
        ['--chapters', 'act,defence'],
        2,
        /--chapters expects a comma-separated list of act, secure, invest, partners, general/,
      ],
      [['--lang', 'de'], 2, /--lang expects nl or en, got "de"/],
      [['--include-achieved', '--no-achieved'], 2, /contradict each other/],
      [
        ['--out', join(dir.path, 'missing-folder', 'x.ics')],
        1,
        /Cannot write .*x\.ics: the folder .*missing-folder does not exist\. Create it first\./,
      ],
    ];
    for (const [flags, code, message] of cases) {
      const result = cli(['ics', '--data-dir', dataDir, ...flags]);
      expect(result.code, flags.join(' ')).toBe(code);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
    expect(existsSync(join(dir.path, 'missing-folder'))).toBe(false);
    expect(readState(dataDir)).toEqual(before);
  });
});

describe('serve-feed', { timeout: 120_000 }, () => {
  it('prints the http and webcal addresses, serves the current state, and stops cleanly on SIGTERM', async () => {
    // Node itself (what `npm run cli` ends up running), so the signal reaches the CLI directly.
    const server = startProcess(process.execPath, [
      '--import',
      'tsx',
      'electron/node/cli/main.ts',
      'serve-feed',
      '--data-dir',
      dataDir,
      '--port',
      '0',
    ]);
    try {
      const [, url, port] = await server.waitFor(/(http:\/\/127\.0\.0\.1:(\d+)\/compass-timeline\.ics)/);
      await server.waitFor(new RegExp(`webcal://127\\.0\\.0\\.1:${port}/compass-timeline\\.ics`));
      const first = await fetch(url!);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const etag = first.headers.get('etag')!;
      const uid = 'own-national-plan@compass-timeline';
      expect(eventByUid(await first.text(), uid).get('SUMMARY')).not.toMatch(/^✓/);
      expect((await fetch(url!, { headers: { 'If-None-Match': etag } })).status).toBe(304);

      // Another process (the app, or `status`) changes the store: the next request shows it.
      writeState(dataDir, (state) =>
        applyProgressPatch(
          state,
          'own-national-plan',
          { status: 'achieved' },
          // Recorded now: the latest entry is the current one.
          new Date(),
        ),
      );
      const second = await fetch(url!, { headers: { 'If-None-Match': etag } });
      expect(second.status).toBe(200);
      expect(eventByUid(await second.text(), uid).get('SUMMARY')).toMatch(/^✓ /);
      expect((await fetch(url!.replace('/compass-timeline.ics', '/other'))).status).toBe(404);
      expect((await fetch(url!, { method: 'DELETE' })).status).toBe(405);
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
  });

  it('explains a bad port', () => {
    const result = cli(['serve-feed', '--data-dir', dataDir, '--port', '70000']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--port expects a whole number from 0 to 65535, got "70000"/);
  });
});
