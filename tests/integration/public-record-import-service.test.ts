/**
 * importPublicRecord over the typed API (Settings' "Import a team record"): the same checks and
 * the same file as the CLI's import-record. A bad file is refused as invalid input and changes
 * nothing; a good one replaces the public layer at once and on the next launch.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppService } from '../../electron/node/app-service';
import { createMilestoneCatalog } from '../../electron/node/milestone-catalog';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { openStateStore } from '../../electron/node/store';
import { stateAfter } from '../support/change';

const dataset = bundledMilestones();

/** A team's own record (a test fixture: its source is a placeholder address, not a real document). */
const teamRecord = (key: string) => ({
  format: 'compass-timeline/public-record',
  version: 1,
  asOf: '2026-11-30',
  entries: [
    {
      type: 'record',
      id: 'team-record-fixture-1',
      key,
      recordedAt: '2026-11-30T09:00:00.000Z',
      author: 'Unit record',
      status: 'partial',
      on: '2025-06-30',
      note: 'Test fixture of a team record.',
      evidence: [
        { title: 'Fixture source', url: 'https://example.org/fixture', date: null, publisher: 'Test' },
      ],
    },
  ],
});

function setup(cwd = mkdtempSync(join(tmpdir(), 'compass-record-import-'))) {
  const store = openStateStore({ cwd });
  const service = createAppService({
    store,
    catalog: createMilestoneCatalog({ base: dataset }),
    today: () => '2026-12-02',
    systemLocale: () => 'en-GB',
    now: () => new Date('2026-12-02T10:00:00Z'),
  });
  return { cwd, store, service };
}

describe('importPublicRecord (Settings)', () => {
  it('refuses bad JSON and a record that does not fit the dataset, changing nothing', async () => {
    const { cwd, store, service } = setup();
    const before = service.snapshot();
    const storeBefore = JSON.stringify(store.read());
    const events: string[] = [];
    service.subscribe((event) => events.push(event));

    const notJson = await service.dispatch('importPublicRecord', {
      content: '{"format":',
      fileName: 'a.json',
    });
    expect(notJson).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(notJson)).toMatch(/a\.json is not valid JSON/);

    const unknown = await service.dispatch('importPublicRecord', {
      content: JSON.stringify(teamRecord('act-no-such-commitment')),
      fileName: 'team.json',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(unknown)).toContain('no milestone \\"act-no-such-commitment\\"');

    const wrongFormat = await service.dispatch('importPublicRecord', { content: '{"format":"x"}' });
    expect(wrongFormat).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    expect(service.snapshot().publicRecord).toEqual(before.publicRecord);
    expect(JSON.stringify(store.read())).toBe(storeBefore);
    expect(existsSync(join(cwd, 'public-record.json'))).toBe(false);
    expect(events).toEqual([]);
  });

  it('uses a good record at once, stores it for the next launch, and leaves the log alone', async () => {
    const { cwd, store, service } = setup();
    const events: string[] = [];
    service.subscribe((event) => events.push(event));
    const snapshot = await stateAfter(service, 'importPublicRecord', {
      content: `\uFEFF${JSON.stringify(teamRecord('act-rapid-deployment-capacity'))}`,
      fileName: 'team.json',
    });
    expect(snapshot.publicRecord?.asOf).toBe('2026-11-30');
    expect(snapshot.publicRecord).toMatchObject({ entryCount: 1, keys: ['act-rapid-deployment-capacity'] });
    expect(events).toEqual(['stateChanged']);
    expect(store.read().log).toEqual([]);

    const review = await service.dispatch('getReview', { asOf: '2026-12-02', source: 'public' });
    expect(JSON.stringify(review)).toContain('Unit record');

    const stored = JSON.parse(readFileSync(join(cwd, 'public-record.json'), 'utf8')) as {
      entries: unknown[];
    };
    expect(stored.entries).toHaveLength(1);
    const relaunched = setup(cwd).service;
    expect(relaunched.snapshot().publicRecord?.entryCount).toBe(1);
    const detail = await relaunched.dispatch('getMilestoneDetail', { id: 'act-rapid-deployment-capacity' });
    expect(detail).toMatchObject({
      ok: true,
      value: { publicRecord: { entries: [expect.objectContaining({ id: 'team-record-fixture-1' })] } },
    });
  });
});
