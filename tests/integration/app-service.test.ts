import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Review } from '../../electron/core/review';
import { progressOf } from '../support/log';
import { createAppService } from '../../electron/node/app-service';
import { createMilestoneCatalog } from '../../electron/node/milestone-catalog';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { openStateStore } from '../../electron/node/store';
import { stateAfter } from '../support/change';

const dataset = bundledMilestones();

function setup() {
  const cwd = mkdtempSync(join(tmpdir(), 'compass-service-'));
  const store = openStateStore({ cwd });
  const service = createAppService({
    store,
    catalog: createMilestoneCatalog({ base: dataset }),
    today: () => '2025-06-01',
    systemLocale: () => 'nl-NL',
    now: () => new Date('2025-06-01T10:00:00Z'),
  });
  return { cwd, store, service };
}

const ok = async (promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>) => {
  const result = await promise;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { value: unknown }).value;
};

describe('the app service (behind IPC and the web host)', () => {
  it('records a log entry on disk, with its date, author and time, and tells listeners', async () => {
    const { cwd, service } = setup();
    const events: string[] = [];
    service.subscribe((event) => events.push(event));
    const snapshot = await stateAfter(service, 'appendLogEntry', {
      key: 'act-rapid-deployment-capacity',
      status: 'achieved',
      on: '2025-05-20',
      note: 'Declared operational',
    });
    expect(snapshot.progress['act-rapid-deployment-capacity']).toMatchObject({
      status: 'achieved',
      achievedOn: '2025-05-20',
      note: 'Declared operational',
      author: snapshot.author,
    });
    expect(events).toEqual(['stateChanged']);
    // A new store on the same folder (the CLI, the next launch) reads the same log.
    const reopened = openStateStore({ cwd }).read();
    expect(reopened.log).toEqual([
      expect.objectContaining({
        type: 'record',
        key: 'act-rapid-deployment-capacity',
        status: 'achieved',
        on: '2025-05-20',
        recordedAt: '2025-06-01T10:00:00.000Z',
      }),
    ]);
    expect(JSON.parse(readFileSync(join(cwd, 'config.json'), 'utf8')).log).toHaveLength(1);
  });

  it('refuses an achievement without its date, an impossible date and a future one, and saves nothing', async () => {
    const { cwd, service } = setup();
    const before = readFileSync(join(cwd, 'config.json'), 'utf8');
    const key = 'act-rapid-deployment-capacity';
    for (const [on, message] of [
      [null, /needs the date it happened/],
      ['2023-02-30', /not a day of the calendar/],
      ['0020-03-15', /before 2000/],
      ['2025-06-02', /after today/],
    ] as const) {
      const result = await service.dispatch('appendLogEntry', { key, status: 'achieved', on });
      expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
    }
    expect(readFileSync(join(cwd, 'config.json'), 'utf8')).toBe(before);
  });

  it('records each cycle of a recurring milestone on its own key, and withdraws an entry', async () => {
    const { service, store } = setup();
    await ok(
      service.dispatch('appendLogEntry', {
        key: 'general-progress-report@2023-12-31',
        status: 'achieved',
        on: '2023-03-20',
      }),
    );
    await ok(
      service.dispatch('appendLogEntry', {
        key: 'general-progress-report@2024-12-31',
        status: 'achieved',
        on: '2024-03-18',
      }),
    );
    expect(
      await service.dispatch('appendLogEntry', { key: 'general-progress-report', status: 'planned' }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/record one cycle/) },
    });
    const review = (await ok(service.dispatch('getReview', { asOf: '2024-12-31' }))) as Review;
    expect(
      review.items.filter((i) => i.id === 'general-progress-report').map((i) => [i.key, i.verdict]),
    ).toEqual([
      ['general-progress-report@2023-12-31', 'on-time'],
      ['general-progress-report@2024-12-31', 'on-time'],
    ]);
    const entryId = store.read().log[0]!.id;
    const after = await stateAfter(service, 'retractLogEntry', { entryId });
    expect(after.progress['general-progress-report@2023-12-31']?.status).toBe('unknown');
    expect(store.read().log).toHaveLength(3);
    expect(await service.dispatch('retractLogEntry', { entryId })).toMatchObject({ ok: false });
  });

  it('answers unknown methods, unknown ids and invalid payloads with errors, not crashes', async () => {
    const { service } = setup();
    expect(await service.dispatch('deleteEverything', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(
      await service.dispatch('appendLogEntry', {
        key: 'no-such-milestone',
        status: 'achieved',
        on: '2025-01-01',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(
      await service.dispatch('appendLogEntry', { key: 'act-rapid-deployment-capacity', status: 'done' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await service.dispatch('openExternal', { url: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
    });
  });

  it('survives any hostile payload without changing the store', async () => {
    const { store, service } = setup();
    const before = JSON.stringify(store.read());
    const methods = [
      'getSnapshot',
      'appendLogEntry',
      'retractLogEntry',
      'setMuted',
      'saveOwnMilestone',
      'deleteOwnMilestone',
      'updateSettings',
      'importState',
      'nope',
      42,
      null,
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), fc.anything(), async (method, payload) => {
        const result = await service.dispatch(method, payload);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    expect(JSON.stringify(store.read())).toBe(before);
  });

  it("adds, edits and deletes the user's own milestones, which show with the Compass ones", async () => {
    const { service } = setup();
    const own = {
      id: 'own-national-plan',
      own: true as const,
      chapter: 'invest' as const,
      section: 'Nationaal',
      title: { nl: 'Nationaal plan', en: 'National plan' },
      datePhrase: null,
      kind: 'deadline' as const,
      start: '2025-01-01',
      due: '2025-09-30',
      window: null,
      recurrence: null,
      actor: 'Member States',
    };
    let snapshot = await stateAfter(service, 'saveOwnMilestone', own);
    expect(snapshot.milestones.at(-1)).toMatchObject({ id: 'own-national-plan', own: true });
    snapshot = await stateAfter(service, 'saveOwnMilestone', { ...own, due: '2025-10-31' });
    expect(snapshot.milestones.filter((m) => m.id === 'own-national-plan')).toHaveLength(1);
    expect(await service.dispatch('saveOwnMilestone', { ...own, kind: 'deadline', due: null })).toMatchObject(
      { ok: false },
    );
    snapshot = await stateAfter(service, 'deleteOwnMilestone', { id: 'own-national-plan' });
    expect(snapshot.milestones.some((m) => m.id === 'own-national-plan')).toBe(false);
  });

  it('exports the state and rejects a bad import without touching what is saved', async () => {
    const { cwd, store, service } = setup();
    await ok(service.dispatch('appendLogEntry', { key: 'act-rapid-deployment-capacity', status: 'planned' }));
    const exported = (await ok(service.dispatch('exportState', {}))) as { content: string };
    const before = JSON.stringify(store.read());
    const bad = await service.dispatch('importState', { content: '{"format":"something else"}' });
    expect(bad).toMatchObject({ ok: false });
    expect(JSON.stringify(store.read())).toBe(before);
    await ok(
      service.dispatch('appendLogEntry', {
        key: 'act-rapid-deployment-capacity',
        status: 'missed',
        on: '2025-05-01',
      }),
    );
    await ok(service.dispatch('importState', { content: exported.content }));
    expect(progressOf(store.read(), 'act-rapid-deployment-capacity').status).toBe('planned');
    // What was there before the import is kept as a file that can be imported to go back.
    expect(readdirSync(cwd).some((name) => name.startsWith('config.before-import-'))).toBe(true);
  });

  it('serves the review and the iCal feed from the same state', async () => {
    const { service } = setup();
    await ok(
      service.dispatch('appendLogEntry', {
        key: 'act-rapid-deployment-capacity',
        status: 'achieved',
        on: '2025-03-01',
      }),
    );
    const review = (await ok(service.dispatch('exportReview', { asOf: '2025-12-31', format: 'json' }))) as {
      content: string;
    };
    const items = (JSON.parse(review.content) as { items: Array<{ id: string; verdict: string }> }).items;
    expect(items.find((i) => i.id === 'act-rapid-deployment-capacity')?.verdict).toBe('on-time');
    const ics = (await ok(service.dispatch('exportIcal', { lang: 'en' }))) as {
      content: string;
      fileName: string;
    };
    expect(ics.fileName).toMatch(/\.ics$/);
    expect(ics.content).toContain('UID:act-rapid-deployment-capacity@compass-timeline');
  });
});
