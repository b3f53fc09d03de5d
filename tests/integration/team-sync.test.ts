/**
 * The team sync against a real Radicale on loopback (htpasswd auth): two data folders play two
 * colleagues; outages and kills of the server; clear messages for wrong passwords, missing
 * collections and misbehaving servers (a tiny local HTTP server made here).
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../electron/core/progress-log';
import { deriveTodo, journalFileName, todoFileName } from '../../electron/core/team-ical';
import { connectTeam } from '../../electron/node/team/connect';
import { TeamError } from '../../electron/node/team/http';
import { storeLocalLog } from '../../electron/node/team/local-log';
import { openStateStore } from '../../electron/node/store';
import { syncOnce } from '../../electron/node/team/sync';
import { openTeamFile } from '../../electron/node/team/team-state';
import { loadMilestones } from '../../electron/node/milestones-source';
/** The store's log in a colleague's data folder, with a way to record an entry as the app does. */
const fileLocalLog = (folder: string) => {
  const store = openStateStore({ cwd: folder });
  return {
    ...storeLocalLog(store),
    add: (entry: LogEntry) => store.update((s) => ({ ...s, log: [...s.log, entry] })),
  };
};
import { freePort, haveTool, PYTHON, startRadicale, tempDir } from './ical-support';

const haveRadicale = haveTool('Radicale', PYTHON, ['-m', 'radicale', '--version']);
const milestones = loadMilestones();
const KEY = 'act-rapid-deployment-capacity';

const entry = (author: string, status: 'in-progress' | 'achieved' | 'planned', key = KEY): LogEntry => ({
  type: 'record',
  id: randomUUID(),
  key,
  recordedAt: new Date().toISOString(),
  author,
  note: `by ${author}`,
  status,
  on: '2025-06-01',
  evidence: [],
});

describe.skipIf(!haveRadicale)('two colleagues sharing a Radicale collection', { timeout: 120_000 }, () => {
  const dir = tempDir('team-sync');
  let server: Awaited<ReturnType<typeof startRadicale>>;
  const folders = { a: join(dir.path, 'anna'), b: join(dir.path, 'bert') };
  const sync = (who: 'a' | 'b', extra: Partial<Parameters<typeof syncOnce>[0]> = {}) =>
    syncOnce({
      team: openTeamFile(folders[who]),
      log: fileLocalLog(folders[who]),
      password: 'team-secret',
      milestones,
      ...extra,
    });
  const progressFolder = () =>
    join(dir.path, 'radicale', 'storage', 'collection-root', 'team', 'compass-progress');
  const todoPathOf = (key: string) => join(progressFolder(), todoFileName(key));
  const journalsOnServer = () =>
    readdirSync(join(dir.path, 'radicale', 'storage', 'collection-root', 'team', 'compass-progress')).filter(
      (f) => f.endsWith('.ics') && !f.startsWith('todo-'),
    );

  beforeAll(async () => {
    server = await startRadicale(join(dir.path, 'radicale'), { team: 'team-secret' });
    const first = await connectTeam({
      dataDir: folders.a,
      serverUrl: server.url,
      user: 'team',
      password: 'team-secret',
    });
    expect(first.created).toHaveLength(2);
    const second = await connectTeam({
      dataDir: folders.b,
      serverUrl: server.url,
      user: 'team',
      password: 'team-secret',
    });
    expect(second.created).toEqual([]);
    expect(second.connection.progressUrl).toBe(first.connection.progressUrl);
    expect(readFileSync(join(folders.a, 'team.json'), 'utf8')).not.toContain('team-secret');
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    dir.remove();
  });

  it('A records, B syncs and sees it with A’s name', async () => {
    const a1 = entry('Anna de Vries', 'in-progress');
    fileLocalLog(folders.a).add(a1);
    expect(await sync('a')).toMatchObject({ sent: 1, tasks: 1, method: 'sync-collection' });
    const got = await sync('b');
    expect(got.received).toBe(1);
    expect(fileLocalLog(folders.b).entries()).toEqual([a1]);
    expect(fileLocalLog(folders.b).entries()[0]!.author).toBe('Anna de Vries');
    // Nothing new: nothing is sent or written again.
    expect(await sync('a')).toMatchObject({ sent: 0, received: 0, tasks: 0 });
  });

  it('both record while the server is down; after it is back both have both entries and the same state', async () => {
    await server.kill();
    const a2 = entry('Anna de Vries', 'achieved');
    const b1 = entry('Bert Jansen', 'planned');
    fileLocalLog(folders.a).add(a2);
    fileLocalLog(folders.b).add(b1);
    const down = sync('a');
    await expect(down).rejects.toBeInstanceOf(TeamError);
    await expect(down).rejects.toThrow(/Cannot reach the server .*ECONNREFUSED.*sent at the next sync/);
    const status = openTeamFile(folders.a).read();
    expect(status.outbox.map((e) => e.id)).toEqual([a2.id]);
    expect(status.lastError?.message).toMatch(/Cannot reach the server/);
    expect(fileLocalLog(folders.a).entries()).toHaveLength(2); // local data untouched
    await server.start();
    await sync('a');
    await sync('b');
    await sync('a');
    const ids = (who: 'a' | 'b') =>
      new Set(
        fileLocalLog(folders[who])
          .entries()
          .map((e) => e.id),
      );
    expect(ids('a')).toEqual(ids('b'));
    expect(ids('a').size).toBe(3);
    expect(journalsOnServer()).toHaveLength(3);
    const derive = (who: 'a' | 'b') => deriveTodo(KEY, fileLocalLog(folders[who]).entries());
    expect(derive('a')).toEqual(derive('b'));
    expect(openTeamFile(folders.a).read()).toMatchObject({ outbox: [], lastError: null });
    // ETag comparison (for servers without sync-collection) sees the same.
    expect(await sync('b', { forceEtag: true })).toMatchObject({ method: 'etag', received: 0, sent: 0 });
  });

  it('a server killed in the middle of a sync: the outbox survives, nothing is sent twice, nothing is lost', async () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      entry('Anna de Vries', 'in-progress', i % 2 ? KEY : 'general-threat-analysis@2025-12-31'),
    );
    for (const e of many) fileLocalLog(folders.a).add(e);
    const before = journalsOnServer().length;
    let sent = 0;
    let killed: Promise<unknown> | undefined;
    await expect(
      sync('a', {
        onSent: () => {
          sent += 1;
          if (sent === 15) killed = server.kill();
        },
      }),
    ).rejects.toThrow(/Cannot reach the server/);
    await killed;
    const left = openTeamFile(folders.a).read().outbox.length;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(40);
    await server.start();
    const again = await sync('a'); // a new process would read the same team.json
    expect(again.sent + again.alreadyThere).toBe(left);
    expect(journalsOnServer()).toHaveLength(before + 40);
    await sync('b');
    expect(fileLocalLog(folders.b).entries()).toHaveLength(fileLocalLog(folders.a).entries().length);
  });

  it('a task someone created after this side last looked: the create is refused, the task read and rewritten from every entry', async () => {
    const key = milestones.find((m) => m.kind === 'deadline' && m.id !== KEY)!.id;
    const mine = entry('Bert Jansen', 'planned', key);
    const theirs = entry('Anna de Vries', 'in-progress', key);
    fileLocalLog(folders.b).add(mine);
    fileLocalLog(folders.a).add(theirs);
    await sync('b'); // B creates the task
    await sync('a'); // A rewrites it with both entries
    await sync('b'); // B has seen that: its sync token is current
    const path = todoPathOf(key);
    // B forgets the task, as if A had created it after B's last pull.
    const team = openTeamFile(folders.b);
    team.update((s) => {
      const objects = { ...s.progress.objects };
      for (const [p, o] of Object.entries(objects)) if (o.kind === 'todo' && o.id === key) delete objects[p];
      return { ...s, progress: { ...s.progress, objects } };
    });
    fileLocalLog(folders.b).add(entry('Bert Jansen', 'achieved', key));
    const got = await sync('b');
    expect(got).toMatchObject({ tasks: 1, behind: [] });
    expect(got.requests.GET).toBeGreaterThanOrEqual(1); // the 412 led to a read
    const onServer = readFileSync(path, 'utf8');
    const derived = deriveTodo(key, fileLocalLog(folders.b).entries());
    expect(derived.count).toBe(3);
    expect(onServer).toContain(`X-COMPASS-COUNT:${derived.count}`);
  });
});

describe.skipIf(!haveRadicale)('clear messages, local data untouched', { timeout: 120_000 }, () => {
  const dir = tempDir('team-errors');
  let server: Awaited<ReturnType<typeof startRadicale>>;
  let bad: Server;
  let badUrl = '';
  const connect = (serverUrl: string, password = 'right', extra = {}) =>
    connectTeam({ dataDir: join(dir.path, 'data'), serverUrl, user: 'team', password, ...extra });

  beforeAll(async () => {
    server = await startRadicale(join(dir.path, 'radicale'), { team: 'right' });
    const port = await freePort();
    bad = createServer((req, res) => {
      if (req.url!.startsWith('/fail')) {
        res.writeHead(500).end('boom');
      } else if (req.url!.startsWith('/away')) {
        res.writeHead(301, { location: `http://localhost:${port}/dav/` }).end();
      } else if (req.url!.startsWith('/huge')) {
        res.writeHead(207, { 'content-type': 'application/xml' });
        const chunk = Buffer.alloc(1024 * 1024, 'x');
        let n = 0;
        const more = () => {
          while (n < 50 && res.write(chunk)) n += 1;
          if (n >= 50) res.end();
          else res.once('drain', more);
        };
        more();
        res.on('error', () => {});
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => bad.listen(port, '127.0.0.1', r));
    badUrl = `http://127.0.0.1:${port}`;
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await new Promise((r) => bad?.close(r));
    dir.remove();
  });

  const noTeamFile = () => expect(readdirSync(dir.path)).not.toContain('data');

  it('a wrong password', async () => {
    await expect(connect(server.url, 'wrong')).rejects.toThrow(/refused the user name or password \(401/);
    noTeamFile();
  });
  it('a collection that does not exist', async () => {
    await expect(
      connect(server.url, 'right', {
        progressUrl: `${server.url}team/nope/`,
        calendarUrl: `${server.url}team/nope2/`,
      }),
    ).rejects.toThrow(/does not exist on the server \(404\)\. Check --progress-collection/);
    noTeamFile();
  });
  it('a server that answers 500', async () => {
    await expect(connect(`${badUrl}/fail/`)).rejects.toThrow(/The server failed \(500/);
    noTeamFile();
  });
  it('a redirect to another host', async () => {
    await expect(
      connect(`${badUrl}/away/`, 'right', {
        progressUrl: `${badUrl}/away/p/`,
        calendarUrl: `${badUrl}/away/c/`,
      }),
    ).rejects.toThrow(/another host \(http:\/\/localhost:\d+\)/);
    noTeamFile();
  });
  it('a response of 50 MB', async () => {
    await expect(
      connect(`${badUrl}/huge/`, 'right', {
        progressUrl: `${badUrl}/huge/p/`,
        calendarUrl: `${badUrl}/huge/c/`,
      }),
    ).rejects.toThrow(/more than 32 MB/);
    noTeamFile();
  });
  it('plain http to another computer, unless allowed', async () => {
    await expect(connect('http://calendar.example.org/')).rejects.toThrow(/--allow-insecure-http/);
  });
});

describe.skipIf(!haveRadicale)('ten colleagues', { timeout: 600_000 }, () => {
  const dir = tempDir('team-scale');
  let server: Awaited<ReturnType<typeof startRadicale>>;
  const PEOPLE = 10;
  const EACH = 200;
  const keys = milestones
    .filter((m) => m.kind === 'deadline')
    .slice(0, 20)
    .map((m) => m.id);
  const folder = (i: number) => join(dir.path, `colleague-${i}`);
  const progressFolder = () =>
    join(dir.path, 'radicale', 'storage', 'collection-root', 'team', 'compass-progress');
  beforeAll(async () => {
    // Radicale 3.1 reads every item of the collection on each create (its UID check): the scale
    // storage answers that check from an index, so 2,000 creates take seconds, not minutes.
    server = await startRadicale(join(dir.path, 'radicale'), { team: 'pw' }, { scale: true });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    dir.remove();
  }, 60_000);

  it(`each with ${EACH} entries converge after one round each (and a pull that sends nothing)`, async () => {
    const written: LogEntry[] = [];
    for (let i = 0; i < PEOPLE; i += 1) {
      await connectTeam({ dataDir: folder(i), serverUrl: server.url, user: 'team', password: 'pw' });
      const mine = Array.from({ length: EACH }, (_, n) =>
        entry(`Colleague ${i}`, 'in-progress', keys[n % keys.length]),
      );
      fileLocalLog(folder(i)).addRemote(mine);
      written.push(...mine);
    }
    const round = (i: number) =>
      syncOnce({ team: openTeamFile(folder(i)), log: fileLocalLog(folder(i)), password: 'pw', milestones });
    for (let i = 0; i < PEOPLE; i += 1) {
      const first = await round(i);
      expect(first).toMatchObject({ sent: EACH, alreadyThere: 0, received: i * EACH, behind: [] });
    }
    for (let i = 0; i < PEOPLE; i += 1) {
      const second = await round(i);
      expect(second).toMatchObject({ sent: 0, received: (PEOPLE - 1 - i) * EACH });
    }
    const ids = new Set(written.map((e) => e.id));
    expect(ids.size).toBe(PEOPLE * EACH);
    // The server holds each entry once, and one task per milestone.
    const files = readdirSync(progressFolder()).filter((f) => f.endsWith('.ics'));
    const journals = files.filter((f) => !f.startsWith('todo-'));
    expect(journals.sort()).toEqual([...ids].map(journalFileName).sort());
    expect(files.filter((f) => f.startsWith('todo-'))).toHaveLength(keys.length);
    // Every folder has every entry, and derives the same state.
    const all = fileLocalLog(folder(0)).entries();
    expect(new Set(all.map((e) => e.id))).toEqual(ids);
    for (let i = 1; i < PEOPLE; i += 1) {
      const log = fileLocalLog(folder(i)).entries();
      expect(log).toHaveLength(PEOPLE * EACH);
      expect(new Set(log.map((e) => e.id))).toEqual(ids);
      for (const key of keys) expect(deriveTodo(key, log)).toEqual(deriveTodo(key, all));
    }
    // Nothing left to send or to rewrite anywhere.
    for (let i = 0; i < PEOPLE; i += 1) {
      expect(openTeamFile(folder(i)).read().outbox).toEqual([]);
      expect(await round(i)).toMatchObject({ sent: 0, received: 0, tasks: 0, behind: [] });
    }
  });
});
