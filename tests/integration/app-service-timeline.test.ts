/**
 * The snapshot as the timeline's first paint needs it, on the real app service and store: no
 * source text and no history in it; a detail panel fetches them, the search asks the service.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MilestoneDetail, Snapshot } from '../../electron/contract/api';
import { SOURCE_FIELDS } from '../../electron/core/timeline-milestone';
import { createAppService } from '../../electron/node/app-service';
import { createMilestoneCatalog } from '../../electron/node/milestone-catalog';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { openStateStore } from '../../electron/node/store';

const dataset = bundledMilestones();

function setup() {
  const store = openStateStore({ cwd: mkdtempSync(join(tmpdir(), 'compass-timeline-')) });
  const service = createAppService({
    store,
    catalog: createMilestoneCatalog({ base: dataset }),
    today: () => '2025-06-01',
    systemLocale: () => 'en-GB',
    now: () => new Date('2025-06-01T10:00:00Z'),
    publicRecord: null,
  });
  return { store, service };
}

const ok = async <T>(promise: Promise<{ ok: boolean; value?: unknown }>): Promise<T> => {
  const result = await promise;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.value as T;
};

describe('the timeline snapshot and the detail it leaves out', () => {
  it('carries every milestone without its quote, line, date phrase or note, and no log', async () => {
    const { service } = setup();
    await ok(service.dispatch('appendLogEntry', { key: 'act-rapid-deployment-capacity', status: 'planned' }));
    const snapshot = await ok<Snapshot>(service.dispatch('getSnapshot', {}));
    expect(snapshot.milestones.map((m) => m.id)).toEqual(dataset.map((m) => m.id));
    for (const m of snapshot.milestones)
      for (const field of SOURCE_FIELDS) expect(m).not.toHaveProperty(field);
    expect(snapshot).not.toHaveProperty('log');
    expect(JSON.stringify(snapshot)).not.toContain(dataset[0]!.quote);
    const [first] = dataset;
    expect(snapshot.milestones[0]).toEqual({
      id: first!.id,
      chapter: first!.chapter,
      section: first!.section,
      title: first!.title,
      kind: first!.kind,
      start: first!.start,
      due: first!.due,
      window: first!.window,
      recurrence: first!.recurrence,
      actor: first!.actor,
    });
    // The status still shows at once.
    expect(snapshot.progress['act-rapid-deployment-capacity']?.status).toBe('planned');
  });

  it('gives a detail panel the whole milestone and the log of its own keys only', async () => {
    const { service } = setup();
    await ok(
      service.dispatch('appendLogEntry', {
        key: 'general-progress-report@2023-12-31',
        status: 'achieved',
        on: '2023-03-20',
      }),
    );
    await ok(service.dispatch('appendLogEntry', { key: 'act-rapid-deployment-capacity', status: 'planned' }));
    const detail = await ok<MilestoneDetail>(
      service.dispatch('getMilestoneDetail', { id: 'general-progress-report' }),
    );
    expect(detail.milestone).toEqual(dataset.find((m) => m.id === 'general-progress-report'));
    expect(detail.log.map((e) => e.key)).toEqual(['general-progress-report@2023-12-31']);
    expect(await service.dispatch('getMilestoneDetail', { id: 'no-such-milestone' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await service.dispatch('getMilestoneDetail', { id: 'Not An Id' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('searches the quotes the snapshot leaves out, every word, ignoring case and accents', async () => {
    const { service } = setup();
    const m = dataset.find((x) => x.id === 'general-threat-analysis')!;
    const quoteWords = m.quote.split(' ').slice(3, 6).join(' ').toUpperCase();
    expect(m.title.en.toUpperCase()).not.toContain(quoteWords);
    const found = await ok<{ ids: string[] }>(service.dispatch('searchMilestones', { query: quoteWords }));
    expect(found.ids).toContain('general-threat-analysis');
    const none = await ok<{ ids: string[] }>(
      service.dispatch('searchMilestones', { query: 'no such words anywhere' }),
    );
    expect(none.ids).toEqual([]);
    expect(await service.dispatch('searchMilestones', { query: 'x'.repeat(201) })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('numbers every snapshot: a change’s reply is only the revision its event carries, a newer one', async () => {
    const { service } = setup();
    const events: Snapshot[] = [];
    service.subscribe((event, payload) => event === 'stateChanged' && events.push(payload as Snapshot));
    const before = await ok<Snapshot>(service.dispatch('getSnapshot', {}));
    const reply = await ok<{ revision: number }>(
      service.dispatch('setMuted', { id: 'act-rapid-deployment-capacity', muted: true }),
    );
    expect(events).toHaveLength(1);
    expect(reply).toEqual({ revision: events[0]!.revision }); // the state crosses once, as the event
    expect(reply.revision).toBeGreaterThan(before.revision);
  });
});
