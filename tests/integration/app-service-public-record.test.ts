import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MilestoneDetail, Snapshot } from '../../electron/contract/api';
import type { RecordEntry } from '../../electron/core/progress-log';
import type { Review } from '../../electron/core/review';
import { createAppService } from '../../electron/node/app-service';
import { createMilestoneCatalog } from '../../electron/node/milestone-catalog';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { openStateStore } from '../../electron/node/store';
import { stateAfter } from '../support/change';

const dataset = bundledMilestones();
const bundled = JSON.parse(readFileSync('data/public-record.json', 'utf8')) as {
  asOf: string;
  entries: RecordEntry[];
};

function setup(locale: 'nl' | 'en' | null = null) {
  const cwd = mkdtempSync(join(tmpdir(), 'compass-adopt-'));
  const store = openStateStore({ cwd });
  if (locale) store.update((s) => ({ ...s, settings: { ...s.settings, locale, author: 'Ann de Vries' } }));
  const service = createAppService({
    store,
    catalog: createMilestoneCatalog({ base: dataset }),
    today: () => '2026-12-10',
    systemLocale: () => 'nl-NL',
    now: () => new Date('2026-12-10T10:00:00Z'),
  });
  return { cwd, service };
}

const ok = async <T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> => {
  const result = await promise;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { value: T }).value;
};

describe('the public record in the app service', () => {
  it('ships the bundled record in the snapshot, beside the log and not in it', async () => {
    const { service } = setup();
    const snapshot = await ok<Snapshot>(service.dispatch('getSnapshot', {}));
    expect(snapshot.publicRecord).toEqual({
      asOf: bundled.asOf,
      entryCount: bundled.entries.length,
      keys: [...new Set(bundled.entries.map((e) => e.key))],
    });
    expect(JSON.stringify(snapshot)).not.toContain(bundled.entries[0]!.id);
    expect(snapshot.progress).toEqual({});
    // The entries themselves come with a milestone's detail.
    const key = bundled.entries[0]!.key;
    const detail = await ok<MilestoneDetail>(
      service.dispatch('getMilestoneDetail', { id: key.split('@')[0] }),
    );
    expect(detail.log).toEqual([]);
    expect(detail.publicRecord?.entries.map((e) => e.id)).toEqual(
      bundled.entries.filter((e) => e.key.split('@')[0] === key.split('@')[0]).map((e) => e.id),
    );
    expect(snapshot.progress).toEqual({});
  });

  it('adopts an entry into the user’s own log on disk: same key, status and date, sources as evidence', async () => {
    const { cwd, service } = setup('nl');
    const source = bundled.entries.find((e) => e.key === 'secure-space-strategy')!;
    const snapshot = await stateAfter(service, 'adoptPublicRecord', { entryId: source.id });
    const reopened = openStateStore({ cwd }).read();
    expect(reopened.log).toHaveLength(1);
    const adopted = reopened.log[0] as RecordEntry;
    expect(adopted).toMatchObject({
      type: 'record',
      key: source.key,
      status: source.status,
      on: source.on,
      author: 'Ann de Vries',
      evidence: source.evidence,
      recordedAt: '2026-12-10T10:00:00.000Z',
    });
    expect(adopted.id).not.toBe(source.id);
    expect(adopted.note).toBe(`Uit het publieke register: ${source.note}`);
    expect(snapshot.progress[source.key]).toMatchObject({ status: 'achieved', author: 'Ann de Vries' });

    // Adopting it again adds nothing and says so.
    const again = await service.dispatch('adoptPublicRecord', { entryId: source.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(openStateStore({ cwd }).read().log).toHaveLength(1);

    // Our review now holds it as ours.
    const review = await ok<Review>(service.dispatch('getReview', { asOf: '2025-12-31' }));
    expect(review.source).toBe('ours');
    expect(review.items.find((i) => i.key === source.key)).toMatchObject({
      verdict: 'on-time',
      author: 'Ann de Vries',
    });
  });

  it('writes the note in English for an English user, and refuses an unknown entry without writing', async () => {
    const { cwd, service } = setup('en');
    const source = bundled.entries[1]!;
    await ok(service.dispatch('adoptPublicRecord', { entryId: source.id }));
    expect((openStateStore({ cwd }).read().log[0] as RecordEntry).note).toBe(
      `From the public record: ${source.note}`,
    );
    const missing = await service.dispatch('adoptPublicRecord', { entryId: 'public-record-nothing-1' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(openStateStore({ cwd }).read().log).toHaveLength(1);
  });

  it('computes and exports the review from the source asked for, and says which', async () => {
    const { service } = setup('en');
    const pub = await ok<Review>(service.dispatch('getReview', { asOf: '2025-12-31', source: 'public' }));
    expect(pub.source).toBe('public');
    expect(pub.items.some((i) => i.author === 'Public record')).toBe(true);
    const file = await ok<{ content: string }>(
      service.dispatch('exportReview', { asOf: '2025-12-31', format: 'json', source: 'ours-then-public' }),
    );
    expect(JSON.parse(file.content)).toMatchObject({
      source: 'ours-then-public',
      cover: { source: 'ours-then-public' },
    });
    const bad = await service.dispatch('getReview', { asOf: '2025-12-31', source: 'theirs' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
