/**
 * Who owns what, shared through a real Radicale on loopback (htpasswd auth): two data folders play
 * two colleagues. An owner assignment is an owner entry in the log, sent as its own journal
 * (created once, If-None-Match) and read back by the other side; the milestone's task shows it.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveOwners } from '../../electron/core/ownership';
import { appendOwner, checkOwnerKey } from '../../electron/core/recording';
import { connectTeam } from '../../electron/node/team/connect';
import { TeamError } from '../../electron/node/team/http';
import { storeLocalLog } from '../../electron/node/team/local-log';
import { openStateStore } from '../../electron/node/store';
import { syncOnce } from '../../electron/node/team/sync';
import { openTeamFile } from '../../electron/node/team/team-state';
import { loadMilestones } from '../../electron/node/milestones-source';
import { haveTool, PYTHON, startRadicale, tempDir } from './ical-support';

const haveRadicale = haveTool('Radicale', PYTHON, ['-m', 'radicale', '--version']);
const milestones = loadMilestones();
const KEY = 'act-rapid-deployment-capacity';
const OTHER = milestones.find((m) => m.id !== KEY && m.kind === 'deadline')!.id;

describe.skipIf(!haveRadicale)('owners shared through a Radicale collection', { timeout: 120_000 }, () => {
  const dir = tempDir('team-owner');
  let server: Awaited<ReturnType<typeof startRadicale>>;
  const folders = { a: join(dir.path, 'anna'), b: join(dir.path, 'bert') };
  const names = { a: 'Anna de Vries', b: 'Bert Jansen' };
  const store = (who: 'a' | 'b') => openStateStore({ cwd: folders[who] });
  /** Assigns an owner the way the app's setOwner does: checked, then one owner entry under the lock. */
  const assign = (who: 'a' | 'b', key: string, person: string | null, unit: string | null, at = new Date()) =>
    store(who).update((state) => {
      checkOwnerKey(milestones, key);
      return appendOwner(
        state,
        { key, person, unit },
        {
          author: names[who],
          now: at,
          today: at.toISOString().slice(0, 10),
          newId: randomUUID,
        },
      ).state;
    });
  const owners = (who: 'a' | 'b') => deriveOwners(store(who).read().log);
  const sync = (who: 'a' | 'b') =>
    syncOnce({
      team: openTeamFile(folders[who]),
      log: storeLocalLog(store(who)),
      password: 'owner-secret',
      milestones,
    });
  const collection = () =>
    join(dir.path, 'radicale', 'storage', 'collection-root', 'team', 'compass-progress');

  beforeAll(async () => {
    server = await startRadicale(join(dir.path, 'radicale'), { team: 'owner-secret' });
    for (const who of ['a', 'b'] as const) {
      await connectTeam({
        dataDir: folders[who],
        serverUrl: server.url,
        user: 'team',
        password: 'owner-secret',
      });
    }
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    dir.remove();
  });

  it('A assigns an owner; B syncs and sees it, with who assigned it; the task shows it as CONTACT', async () => {
    assign('a', KEY, 'Anna de Vries', 'Capability Unit');
    expect(await sync('a')).toMatchObject({ sent: 1, tasks: 1 });
    expect(owners('b').get(KEY)).toBeUndefined();
    expect(await sync('b')).toMatchObject({ received: 1 });
    expect(owners('b').get(KEY)).toMatchObject({
      person: 'Anna de Vries',
      unit: 'Capability Unit',
      assignedBy: 'Anna de Vries',
    });
    const task = readdirSync(collection()).find((f) => f.startsWith(`todo-${KEY}`))!;
    const text = readFileSync(join(collection(), task), 'utf8');
    expect(text).toContain('CONTACT:Anna de Vries (Capability Unit)');
    expect(text).toContain('X-COMPASS-OWNER-UNIT');
  });

  it('B clears it; A syncs and has no owner any more (the assignment stays in the log)', async () => {
    assign('b', KEY, null, null);
    await sync('b');
    await sync('a');
    expect(owners('a').has(KEY)).toBe(false);
    expect(
      store('a')
        .read()
        .log.filter((e) => e.type === 'owner' && e.key === KEY),
    ).toHaveLength(2);
    const task = readdirSync(collection()).find((f) => f.startsWith(`todo-${KEY}`))!;
    expect(readFileSync(join(collection(), task), 'utf8')).not.toContain('CONTACT');
  });

  it('both assign while the server is down; after it is back both keep both entries and agree', async () => {
    await server.kill();
    // B's assignment is the later one: it is the owner on both sides once both have synced.
    assign('a', OTHER, 'Anna de Vries', null, new Date(Date.now() - 1000));
    assign('b', OTHER, null, 'Policy Unit');
    await expect(sync('a')).rejects.toBeInstanceOf(TeamError);
    await expect(sync('b')).rejects.toBeInstanceOf(TeamError);
    expect(owners('a').get(OTHER)?.person).toBe('Anna de Vries'); // local data untouched
    await server.start();
    await sync('a');
    await sync('b');
    await sync('a');
    const ids = (who: 'a' | 'b') =>
      store(who)
        .read()
        .log.filter((e) => e.type === 'owner')
        .map((e) => e.id)
        .sort();
    expect(ids('a')).toEqual(ids('b'));
    expect(ids('a')).toHaveLength(4);
    expect(owners('a').get(OTHER)).toEqual(owners('b').get(OTHER));
    expect(owners('a').get(OTHER)).toMatchObject({
      person: null,
      unit: 'Policy Unit',
      assignedBy: 'Bert Jansen',
    });
    // Every owner entry is its own resource on the server, created once.
    const journals = readdirSync(collection()).filter((f) => f.endsWith('.ics') && !f.startsWith('todo-'));
    for (const id of ids('a')) expect(journals).toContain(`${id}.ics`);
    // Nothing more to do on either side.
    expect(await sync('a')).toMatchObject({ sent: 0, received: 0 });
    expect(await sync('b')).toMatchObject({ sent: 0, received: 0 });
  });
});
