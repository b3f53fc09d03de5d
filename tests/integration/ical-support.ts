/**
 * Helpers for the iCal feed's integration tests: the outside tools (khal, python3-icalendar,
 * python3-vobject, Radicale), free ports, a real store on disk, and processes that are always
 * stopped again.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UserState } from '../../electron/core/user-state';
import { openStateStore } from '../../electron/node/store';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PYTHON = '/usr/bin/python3';

/**
 * Whether an outside tool works. Missing under CI=true: throws, so the test file fails loudly.
 * Missing elsewhere: prints why and returns false, so the caller skips.
 */
export function haveTool(name: string, command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  if (result.status === 0) return true;
  const reason =
    `${name} is not available (\`${[command, ...args].join(' ')}\` failed: ` +
    `${result.error?.message ?? result.stderr.trim().split('\n').at(-1) ?? `exit ${result.status}`}). ` +
    'Install the test tools with `bash scripts/install-test-tools.sh`.';
  if (process.env.CI === 'true') throw new Error(reason);
  console.warn(`Skipping: ${reason}`);
  return false;
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `compass-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Writes the state into a real store in `dataDir` (the file the app and the CLI use). */
export function writeState(dataDir: string, fn: (state: UserState) => UserState): UserState {
  return openStateStore({ cwd: dataDir }).update(fn);
}

export const readState = (dataDir: string): UserState => openStateStore({ cwd: dataDir }).read();

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export async function waitForPort(port: number, child: ChildProcess, what: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode} before listening`);
    const open = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`${what} did not listen on port ${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts a process in its own process group (so the tsx/npm children stop with it) and
 * returns it with a stop() that ends that group and waits for the exit.
 */
export function startProcess(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
) {
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    output: () => ({ stdout, stderr }),
    exited,
    /** Waits until stdout matches. */
    async waitFor(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const match = stdout.match(pattern);
        if (match) return match;
        if (child.exitCode !== null || Date.now() > until) {
          throw new Error(`no ${pattern} in the output (exit ${child.exitCode}):\n${stdout}\n${stderr}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** Sends the signal to the process group and waits for the exit code. */
    async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // already gone
        }
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 10_000);
        const code = await exited;
        clearTimeout(timer);
        return code;
      }
      return child.exitCode;
    },
  };
}

/**
 * Reads a calendar with python3-vobject (validating it) and python3-icalendar, and returns what
 * each saw as JSON. vobject.readOne(validate=True) raises on a component that breaks RFC 5545's
 * rules (missing or repeated properties, bad values), which fails the call.
 */
const READ_CALENDAR = String.raw`
import json, sys, datetime
import icalendar, vobject
text = sys.stdin.read()
vcal = vobject.readOne(text, validate=True)
vcal.validate(True)
for ev in vcal.vevent_list:
    ev.validate(True)
    for alarm in getattr(ev, 'valarm_list', []):
        alarm.validate(True)
seen_by_vobject = {
    ev.uid.value: {
        'summary': ev.summary.value,
        'dtstart': ev.dtstart.value.isoformat(),
        'dtend': ev.dtend.value.isoformat(),
        'alarms': len(getattr(ev, 'valarm_list', [])),
    }
    for ev in vcal.vevent_list
}
cal = icalendar.Calendar.from_ical(text)
def cats(event):
    value = event.get('CATEGORIES')
    values = value if isinstance(value, list) else [value]
    return [str(c) for v in values if v is not None for c in v.cats]
def refresh_seconds(value):
    if value is None:
        return None
    duration = getattr(value, 'dt', None) or icalendar.vDuration.from_ical(str(value))
    return int(duration.total_seconds())
events = []
for e in cal.walk('VEVENT'):
    start = e.decoded('DTSTART')
    events.append({
        'uid': str(e['UID']),
        'summary': str(e['SUMMARY']),
        'description': str(e['DESCRIPTION']),
        'allDay': isinstance(start, datetime.date) and not isinstance(start, datetime.datetime),
        'dtstart': start.isoformat(),
        'dtend': e.decoded('DTEND').isoformat(),
        'dtstamp': e.decoded('DTSTAMP').isoformat(),
        'sequence': int(e['SEQUENCE']),
        'status': str(e['STATUS']),
        'transp': str(e['TRANSP']),
        'categories': cats(e),
        'alarms': [
            {
                'action': str(a['ACTION']),
                'seconds': int(a.decoded('TRIGGER').total_seconds()),
                'related': str(a['TRIGGER'].params.get('RELATED', 'START')),
                'description': str(a['DESCRIPTION']),
            }
            for a in e.walk('VALARM')
        ],
    })
print(json.dumps({
    'name': str(cal.get('X-WR-CALNAME', '')),
    'description': str(cal.get('X-WR-CALDESC', '')),
    'refreshSeconds': refresh_seconds(cal.get('REFRESH-INTERVAL')),
    'ttl': str(cal.get('X-PUBLISHED-TTL', '')),
    'events': events,
    'vobject': seen_by_vobject,
}))
`;

export interface ParsedAlarm {
  action: string;
  seconds: number;
  related: string;
  description: string;
}
export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  allDay: boolean;
  dtstart: string;
  dtend: string;
  dtstamp: string;
  sequence: number;
  status: string;
  transp: string;
  categories: string[];
  alarms: ParsedAlarm[];
}
export interface ParsedCalendar {
  name: string;
  description: string;
  refreshSeconds: number | null;
  ttl: string;
  events: ParsedEvent[];
  vobject: Record<string, { summary: string; dtstart: string; dtend: string; alarms: number }>;
}

export function readWithPython(text: string): ParsedCalendar {
  const result = spawnSync(PYTHON, ['-c', READ_CALENDAR], { input: text, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`python could not read the calendar:\n${result.stderr}`);
  return JSON.parse(result.stdout) as ParsedCalendar;
}

/** What the feed must hold for these milestones: UID → date (YYYY-MM-DD), derived without the builder. */
export function expectedEvents(
  milestones: readonly {
    id: string;
    kind: string;
    due: string | null;
    start: string | null;
    recurrence: { everyYears: number; first: string } | null;
  }[],
  horizon = '2030-12-31',
): Map<string, string> {
  const expected = new Map<string, string>();
  for (const m of milestones) {
    if (m.kind === 'deadline' && m.due) expected.set(`${m.id}@compass-timeline`, m.due);
    if (m.kind === 'start' && m.start) expected.set(`${m.id}@compass-timeline`, m.start);
    if (m.kind === 'recurring' && m.recurrence) {
      const [year, rest] = [Number(m.recurrence.first.slice(0, 4)), m.recurrence.first.slice(4)];
      for (let y = year; `${y}${rest}` <= horizon; y += m.recurrence.everyYears) {
        expected.set(`${m.id}-${y}${rest}@compass-timeline`, `${y}${rest}`);
      }
    }
  }
  return expected;
}

/**
 * A Radicale CalDAV server on 127.0.0.1 with htpasswd (plain) authentication, its storage in
 * `folder`. `kill()` ends it at once (SIGKILL, like a crash); `start()` runs it again on the same
 * port and storage. `scale`: Radicale's own storage with its per-create scan of every item's UID
 * answered from an index, and without fsync (tests/integration/radicale/compass_scale_storage.py),
 * for the tests and the bench that create thousands of items.
 */
export async function startRadicale(
  folder: string,
  users: Record<string, string>,
  options: { scale?: boolean } = {},
) {
  const { writeFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(folder, { recursive: true });
  const htpasswd = join(folder, 'users');
  writeFileSync(
    htpasswd,
    Object.entries(users)
      .map(([u, p]) => `${u}:${p}\n`)
      .join(''),
  );
  const port = await freePort();
  let server: ReturnType<typeof startProcess> | undefined;
  const start = async () => {
    server = startProcess(
      PYTHON,
      [
        '-m',
        'radicale',
        '--server-hosts',
        `127.0.0.1:${port}`,
        '--auth-type',
        'htpasswd',
        '--auth-htpasswd-filename',
        htpasswd,
        '--auth-htpasswd-encryption',
        'plain',
        '--storage-filesystem-folder',
        join(folder, 'storage'),
        '--logging-level',
        'warning',
        ...(options.scale ? ['--storage-type', 'compass_scale_storage'] : []),
      ],
      options.scale ? { env: { PYTHONPATH: join(ROOT, 'tests', 'integration', 'radicale') } } : {},
    );
    await waitForPort(port, server.child, 'Radicale');
  };
  await start();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    start,
    kill: () => server!.stop('SIGKILL'),
    stop: () => server?.stop(),
  };
}
