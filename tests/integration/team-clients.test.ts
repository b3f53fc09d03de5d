/**
 * The team commands of the real CLI against Radicale, and a standard client reading what they
 * published: python3-caldav lists the deadline calendar's events and the progress tasks. One run
 * over TLS with a self-signed certificate and the --ca option.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMilestones } from '../../electron/node/milestones-source';
import { cli } from '../support/cli';
import {
  freePort,
  haveTool,
  PYTHON,
  startProcess,
  startRadicale,
  tempDir,
  waitForPort,
} from './ical-support';

const haveRadicale = haveTool('Radicale', PYTHON, ['-m', 'radicale', '--version']);
const haveCaldav = haveTool('python3-caldav', PYTHON, ['-c', 'import caldav']);
const haveOpenssl = haveTool('openssl', 'openssl', ['version']);
const haveVdirsyncer = haveTool('vdirsyncer', '/usr/bin/vdirsyncer', ['--version']);
const haveTodoman = haveTool('todoman', '/usr/bin/todoman', ['--version']);

const READ = String.raw`
import json, sys, caldav
url, user, password, cal_url, prog_url = sys.argv[1:6]
client = caldav.DAVClient(url=url, username=user, password=password)
events = client.calendar(url=cal_url).events()
todos = client.calendar(url=prog_url).todos(include_completed=True)
print(json.dumps({
  'events': sorted(str(e.icalendar_component['UID']) for e in events),
  'todos': [{'summary': str(t.icalendar_component['SUMMARY']), 'status': str(t.icalendar_component['STATUS']),
             'due': t.icalendar_component.decoded('DUE').isoformat() if 'DUE' in t.icalendar_component else None}
            for t in todos],
}))
`;

describe.skipIf(!haveRadicale || !haveCaldav)('the team CLI and python3-caldav', { timeout: 180_000 }, () => {
  const dir = tempDir('team-cli');
  const data = join(dir.path, 'data');
  let server: Awaited<ReturnType<typeof startRadicale>>;
  beforeAll(async () => {
    server = await startRadicale(join(dir.path, 'radicale'), { anna: 'pw-1' });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    dir.remove();
  });

  it('refuses a password file others can read', () => {
    const file = join(dir.path, 'pw');
    writeFileSync(file, 'pw-1\n');
    chmodSync(file, 0o644);
    const result = cli([
      'team',
      'connect',
      server.url,
      '--user',
      'anna',
      '--password-file',
      file,
      '--data-dir',
      data,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/can be read by other users.*chmod 600/);
  });

  it('connects, records, syncs, and a CalDAV client reads the tasks and the events', () => {
    const file = join(dir.path, 'pw-private');
    writeFileSync(file, 'pw-1\n');
    chmodSync(file, 0o600);
    const connected = cli([
      'team',
      'connect',
      server.url,
      '--user',
      'anna',
      '--password-file',
      file,
      '--data-dir',
      data,
      '--json',
    ]);
    expect(connected.stderr).toBe('');
    const { progressUrl, calendarUrl } = JSON.parse(connected.stdout) as {
      progressUrl: string;
      calendarUrl: string;
    };
    expect(readFileSync(join(data, 'team.json'), 'utf8')).not.toContain('pw-1');
    const recorded = cli([
      'status',
      'act-rapid-deployment-capacity',
      'achieved',
      '--on',
      '2025-10-01',
      '--author',
      'Anna',
      '--data-dir',
      data,
    ]);
    expect(recorded.code).toBe(0);
    const synced = cli(['sync', '--once', '--data-dir', data, '--json']);
    expect(synced.stderr).toBe('');
    expect(JSON.parse(synced.stdout)).toMatchObject({ sent: 1, tasks: 1 });
    const status = JSON.parse(cli(['team', 'status', '--data-dir', data, '--json']).stdout);
    expect(status).toMatchObject({ connected: true, pending: 0, lastError: null });
    const ics = cli(['ics', '--data-dir', data]).stdout;
    const uids = [...ics.replace(/\r\n /g, '').matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]).sort();

    const read = spawnSync(PYTHON, ['-c', READ, server.url, 'anna', 'pw-1', calendarUrl, progressUrl], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(read.stderr).toBe('');
    const seen = JSON.parse(read.stdout) as {
      events: string[];
      todos: { summary: string; status: string; due: string }[];
    };
    expect(seen.events).toEqual(uids);
    expect(seen.todos).toHaveLength(1);
    expect(seen.todos[0]).toMatchObject({ status: 'COMPLETED', due: '2025-12-31' });
  });
});

/** What `todoman --porcelain list` prints for one task (the fields this test reads). */
interface TodomanTask {
  summary: string;
  status: string;
  due: number | null;
  completed: boolean;
}

describe.skipIf(!haveRadicale || !haveVdirsyncer || !haveTodoman)(
  'todoman reads the tasks through vdirsyncer',
  { timeout: 180_000 },
  () => {
    const dir = tempDir('team-todoman');
    const data = join(dir.path, 'data');
    let server: Awaited<ReturnType<typeof startRadicale>>;
    beforeAll(async () => {
      server = await startRadicale(join(dir.path, 'radicale'), { anna: 'pw-2' });
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
      dir.remove();
    });

    const run = (command: string, args: string[], input?: string) => {
      const result = spawnSync(command, args, {
        encoding: 'utf8',
        timeout: 120_000,
        input,
        env: { ...process.env, TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
      });
      expect(result.status, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
      return result.stdout;
    };

    it('lists one task per milestone with its status and due date', () => {
      const env = { COMPASS_TIMELINE_PASSWORD: 'pw-2' };
      const connected = cli(
        ['team', 'connect', server.url, '--user', 'anna', '--data-dir', data, '--json'],
        env,
      );
      expect(connected.stderr).toBe('');
      const { progressUrl } = JSON.parse(connected.stdout) as { progressUrl: string };
      const record = (args: string[]) =>
        expect(cli(['status', ...args, '--author', 'Anna', '--data-dir', data]).code).toBe(0);
      record(['act-mpcc-full-capability', 'achieved', '--on', '2025-11-14']);
      record(['act-article-44-arrangements', 'planned']);
      const synced = cli(['sync', '--once', '--data-dir', data, '--json'], env);
      expect(synced.stderr).toBe('');
      expect(JSON.parse(synced.stdout)).toMatchObject({ sent: 2, tasks: 2 });

      // vdirsyncer copies the collection (tasks and journals) into a folder of .ics files.
      const tasks = join(dir.path, 'tasks');
      mkdirSync(join(tasks, 'progress'), { recursive: true });
      const conf = join(dir.path, 'vdirsyncer.conf');
      writeFileSync(
        conf,
        [
          '[general]',
          `status_path = ${JSON.stringify(join(dir.path, 'vdirsyncer-status') + '/')}`,
          '',
          '[pair progress]',
          'a = "team_server"',
          'b = "team_folder"',
          'collections = null',
          '',
          '[storage team_server]',
          'type = "caldav"',
          `url = ${JSON.stringify(progressUrl)}`,
          'username = "anna"',
          'password = "pw-2"',
          '',
          '[storage team_folder]',
          'type = "filesystem"',
          `path = ${JSON.stringify(join(tasks, 'progress') + '/')}`,
          'fileext = ".ics"',
          '',
        ].join('\n'),
      );
      run('/usr/bin/vdirsyncer', ['-c', conf, 'discover'], 'y\n'.repeat(10));
      run('/usr/bin/vdirsyncer', ['-c', conf, 'sync']);

      // todoman's configuration is a Python file.
      const config = join(dir.path, 'todoman.py');
      writeFileSync(
        config,
        [
          `path = ${JSON.stringify(join(tasks, '*'))}`,
          'date_format = "%Y-%m-%d"',
          'time_format = "%H:%M"',
          'default_list = "progress"',
          '',
        ].join('\n'),
      );
      // --porcelain has no STATUS field: todoman's own --status filter shows which task has which.
      const list = (status: string) =>
        (
          JSON.parse(
            run('/usr/bin/todoman', ['--config', config, '--porcelain', 'list', '--status', status]),
          ) as TodomanTask[]
        ).map((t) => ({
          summary: t.summary,
          completed: t.completed,
          due: t.due === null ? null : new Date(t.due * 1000).toISOString().slice(0, 10),
        }));
      const byTitle = new Map(loadMilestones().map((m) => [m.id, m.title.nl]));
      expect(list('ANY')).toHaveLength(2);
      expect(list('COMPLETED')).toEqual([
        { summary: byTitle.get('act-mpcc-full-capability'), completed: true, due: '2025-12-31' },
      ]);
      expect(list('NEEDS-ACTION')).toEqual([
        { summary: byTitle.get('act-article-44-arrangements'), completed: false, due: '2023-12-31' },
      ]);
    });
  },
);

describe.skipIf(!haveRadicale || !haveOpenssl)(
  'TLS with a self-signed certificate',
  { timeout: 120_000 },
  () => {
    const dir = tempDir('team-tls');
    let server: ReturnType<typeof startProcess> | undefined;
    let url = '';
    beforeAll(async () => {
      const [cert, key] = [join(dir.path, 'cert.pem'), join(dir.path, 'key.pem')];
      const made = spawnSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '2',
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
          '-keyout',
          key,
          '-out',
          cert,
        ],
        { encoding: 'utf8' },
      );
      expect(made.status, made.stderr).toBe(0);
      writeFileSync(join(dir.path, 'users'), 'anna:pw\n');
      const port = await freePort();
      server = startProcess(PYTHON, [
        '-m',
        'radicale',
        '--server-hosts',
        `127.0.0.1:${port}`,
        '--server-ssl',
        'True',
        '--server-certificate',
        cert,
        '--server-key',
        key,
        '--auth-type',
        'htpasswd',
        '--auth-htpasswd-filename',
        join(dir.path, 'users'),
        '--auth-htpasswd-encryption',
        'plain',
        '--storage-filesystem-folder',
        join(dir.path, 'storage'),
        '--logging-level',
        'warning',
      ]);
      await waitForPort(port, server.child, 'Radicale (TLS)');
      url = `https://127.0.0.1:${port}/`;
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
      dir.remove();
    });

    it('is refused without the CA, with a message naming --ca, and works with it', () => {
      const data = join(dir.path, 'data');
      const env = { COMPASS_TIMELINE_PASSWORD: 'pw' };
      const refused = cli(['team', 'connect', url, '--user', 'anna', '--data-dir', data], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/not trusted .*--ca FILE/);
      const ok = cli(
        ['team', 'connect', url, '--user', 'anna', '--ca', join(dir.path, 'cert.pem'), '--data-dir', data],
        env,
      );
      expect(ok.stderr).toBe('');
      expect(ok.stdout).toMatch(/Connected to https:/);
      expect(cli(['status', 'act-rapid-deployment-capacity', 'planned', '--data-dir', data]).code).toBe(0);
      const synced = cli(['sync', '--once', '--data-dir', data], env);
      expect(synced.stderr).toBe('');
      expect(synced.stdout).toMatch(/1 sent/);
    });
  },
);
