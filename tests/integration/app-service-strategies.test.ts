/**
 * The import dialog's calls on the real app service, store and strategy files on disk:
 * previewStrategy saves nothing, saveStrategy writes strategies/<slug>.json and the dataset (what
 * the reminders, the feed and the tray read) follows, removeStrategy keeps the file in
 * strategies/removed and the progress log untouched; bad input is refused and changes nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiOutputs } from '../../electron/contract/api';
import type { StrategyPreview } from '../../electron/core/strategy';
import { createAppService } from '../../electron/node/app-service';
import { createMilestoneCatalog } from '../../electron/node/milestone-catalog';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { openStateStore } from '../../electron/node/store';
import { stateAfter } from '../support/change';

const EN_TEXT = readFileSync(join(__dirname, '../fixtures/extract/strategy.en.txt'), 'utf8');
const SLUG = 'harbour-city-resilience-plan';

function setup(withStrategies = true) {
  const cwd = mkdtempSync(join(tmpdir(), 'compass-service-strategies-'));
  const store = openStateStore({ cwd });
  const catalog = createMilestoneCatalog({
    base: bundledMilestones(),
    strategiesDir: withStrategies ? cwd : null,
  });
  const service = createAppService({
    store,
    catalog,
    today: () => '2024-06-01',
    systemLocale: () => 'en-GB',
    now: () => new Date('2024-06-01T10:00:00Z'),
  });
  return { cwd, store, service, catalog };
}

async function ok<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  expect(result, JSON.stringify(result).slice(0, 300)).toMatchObject({ ok: true });
  return (result as { value: T }).value;
}

const toSave = (preview: StrategyPreview) =>
  preview.candidates.map((c) => {
    const rest: Partial<typeof c> = { ...c };
    delete rest.id;
    delete rest.kept;
    return rest;
  });

describe('importing strategies through the app service', () => {
  it('previews without saving, saves the accepted ones with their titles, and the dataset follows', async () => {
    const { cwd, service, catalog } = setup();
    const compassCount = catalog.dataset().length;
    const preview = await ok<StrategyPreview>(
      service.dispatch('previewStrategy', { fileName: 'plan.txt', content: EN_TEXT }),
    );
    expect(preview).toMatchObject({
      name: 'Harbour City Resilience Plan',
      slug: SLUG,
      language: 'en',
      detected: true,
    });
    expect(preview.source).toEqual({ name: 'plan.txt', date: '2022-01-10' });
    expect(existsSync(join(cwd, 'strategies'))).toBe(false);

    const chosen = toSave(preview).slice(0, 3);
    chosen[1]!.title = '  Evacuation map approved ';
    const saved = await ok<ApiOutputs['saveStrategy']>(
      service.dispatch('saveStrategy', {
        name: preview.name,
        language: preview.language,
        source: preview.source,
        candidates: chosen,
      }),
    );
    expect(saved).toMatchObject({ slug: SLUG, count: 3 });
    const file = JSON.parse(readFileSync(join(cwd, 'strategies', `${SLUG}.json`), 'utf8'));
    expect(file.milestones.map((m: { title: { en: string } }) => m.title.en)).toContain(
      'Evacuation map approved',
    );
    expect(catalog.dataset()).toHaveLength(compassCount + 3);
    const snapshot = service.snapshot();
    expect(snapshot.strategies).toEqual([
      expect.objectContaining({
        slug: SLUG,
        name: preview.name,
        milestoneIds: file.milestones.map((m: { id: string }) => m.id),
      }),
    ]);

    // The feed: the strategy's events carry its name as a second category; the Compass's do not.
    const ics = await ok<{ content: string }>(service.dispatch('exportIcal', { lang: 'en' }));
    const categories = ics.content.match(/^CATEGORIES:.*$/gm) ?? [];
    expect(categories.filter((c) => c.includes('Harbour City Resilience Plan'))).toHaveLength(3);
    expect(categories.length).toBeGreaterThan(3);

    // The review per strategy counts only its milestones; "compass" only the Compass's.
    const review = await ok<{ count: number; notYetDue: unknown[]; items: { id: string }[] }>(
      service.dispatch('getReview', { asOf: '2025-12-31', strategy: SLUG }),
    );
    expect(review.items.every((i) => i.id.startsWith(`${SLUG}-`))).toBe(true);
    const compass = await ok<{ items: { id: string }[] }>(
      service.dispatch('getReview', { asOf: '2025-12-31', strategy: 'compass' }),
    );
    expect(compass.items.some((i) => i.id.startsWith(`${SLUG}-`))).toBe(false);
    expect(await service.dispatch('getReview', { asOf: '2025-12-31', strategy: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('saves the kind and dates as edited, checked again on this side', async () => {
    const { cwd, service, catalog } = setup();
    const preview = await ok<StrategyPreview>(
      service.dispatch('previewStrategy', { fileName: 'plan.txt', content: EN_TEXT }),
    );
    const base = { name: preview.name, language: preview.language, source: preview.source };
    const [deadline, other] = toSave(preview).filter((c) => c.kind === 'deadline');
    const moved = { ...deadline!, due: '2026-06-30', window: null };
    const started = {
      ...other!,
      kind: 'start' as const,
      start: '2024-09-01',
      due: null,
      window: null,
      recurrence: null,
    };
    const refused = async (candidate: object, message: RegExp) => {
      const result = await service.dispatch('saveStrategy', { ...base, candidates: [candidate] });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect((result as { error: { message: string } }).error.message).toMatch(message);
    };
    await refused({ ...moved, due: '2026-02-30' }, /not a real calendar date/);
    await refused({ ...moved, due: '30-06-2026' }, /YYYY-MM-DD/);
    await refused({ ...moved, start: '2027-01-01' }, /due date cannot be before the start/);
    await refused({ ...started, start: null }, /start commitment needs a start date/);
    await refused({ ...moved, kind: 'recurring' }, /recurring commitment needs a recurrence/);
    expect(existsSync(join(cwd, 'strategies', `${SLUG}.json`))).toBe(false);

    await ok(service.dispatch('saveStrategy', { ...base, candidates: [moved, started] }));
    const file = JSON.parse(readFileSync(join(cwd, 'strategies', `${SLUG}.json`), 'utf8'));
    expect(file.milestones).toEqual([
      expect.objectContaining({ quote: moved.quote, kind: 'deadline', due: '2026-06-30', window: null }),
      expect.objectContaining({
        quote: started.quote,
        kind: 'start',
        start: '2024-09-01',
        due: null,
        window: null,
        recurrence: null,
      }),
    ]);
    const ids = file.milestones.map((m: { id: string }) => m.id);
    expect(catalog.dataset().filter((m) => ids.includes(m.id))).toEqual(file.milestones);
  });

  it('a re-import keeps the ids and the progress; removing keeps the file aside and the log whole', async () => {
    const { cwd, service, store } = setup();
    const preview = await ok<StrategyPreview>(
      service.dispatch('previewStrategy', { fileName: 'plan.txt', content: EN_TEXT }),
    );
    const input = {
      name: preview.name,
      language: preview.language,
      source: preview.source,
      candidates: toSave(preview),
    };
    await ok(service.dispatch('saveStrategy', input));
    const id = service.snapshot().strategies![0]!.milestoneIds[0]!;
    await ok(service.dispatch('appendLogEntry', { key: id, status: 'in-progress' }));

    const again = await ok<StrategyPreview>(
      service.dispatch('previewStrategy', { fileName: 'plan.txt', content: EN_TEXT }),
    );
    expect(again.exists).toBe(true);
    expect(again.candidates.every((c) => c.kept)).toBe(true);
    await ok(service.dispatch('saveStrategy', input));
    expect(service.snapshot().progress[id]?.status).toBe('in-progress');

    const removed = await stateAfter(service, 'removeStrategy', { slug: SLUG });
    expect(removed.strategies).toEqual([]);
    expect(removed.milestones.some((m) => m.id === id)).toBe(false);
    expect(store.read().log.some((e) => 'key' in e && e.key === id)).toBe(true);
    expect(readdirSync(join(cwd, 'strategies', 'removed'))).toEqual([
      expect.stringMatching(/^harbour-city-resilience-plan-2024-06-01T10-00-00-000Z\.json$/),
    ]);
    expect(await service.dispatch('removeStrategy', { slug: SLUG })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('refuses bad input with a message and saves nothing', async () => {
    const { cwd, service } = setup();
    const refused = async (method: string, payload: unknown, message: RegExp) => {
      const result = await service.dispatch(method, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect((result as { error: { message: string } }).error.message).toMatch(message);
    };
    await refused(
      'previewStrategy',
      { fileName: 'x.txt', content: Buffer.from([0, 1, 2, 0]).toString('base64'), encoding: 'base64' },
      /not a text file/,
    );
    await refused('previewStrategy', { fileName: 'x.doc', content: 'text' }, /cannot be imported/);
    await refused(
      'previewStrategy',
      { fileName: 'x.txt', content: 'Nothing dated here at all.' },
      /No time-bound commitments/,
    );
    await refused('previewStrategy', { fileName: '../x.txt', content: EN_TEXT }, /plain file name/);
    const preview = await ok<StrategyPreview>(
      service.dispatch('previewStrategy', { fileName: 'plan.txt', content: EN_TEXT }),
    );
    const base = { name: preview.name, language: preview.language, source: preview.source };
    await refused('saveStrategy', { ...base, candidates: [] }, /tick at least one/);
    await refused(
      'saveStrategy',
      { ...base, candidates: toSave(preview).map((c) => ({ ...c, title: ' ' })) },
      /title cannot be empty/,
    );
    await refused(
      'saveStrategy',
      { ...base, name: '!!!', candidates: toSave(preview) },
      /no letters or digits/,
    );
    await refused(
      'saveStrategy',
      { ...base, candidates: toSave(preview).map((c) => ({ ...c, kind: 'deadline', due: null })) },
      /deadline needs a due date/,
    );
    expect(existsSync(join(cwd, 'strategies', `${SLUG}.json`))).toBe(false);
    expect(service.snapshot().strategies).toEqual([]);
  });

  it('without a strategies folder (--strategy) the calls say what to do', async () => {
    const { service } = setup(false);
    expect(service.snapshot().strategies).toBeUndefined();
    const result = await service.dispatch('previewStrategy', { fileName: 'plan.txt', content: EN_TEXT });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/--strategy/) },
    });
  });

  it('with the strategies fixed (--strategy) the feed still has a category per strategy', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'compass-service-fixed-'));
    const [first, ...rest] = bundledMilestones();
    const catalog = createMilestoneCatalog({
      base: [first!, ...rest],
      baseNames: new Map([[first!.id, 'A named strategy']]),
    });
    const service = createAppService({
      store: openStateStore({ cwd }),
      catalog,
      today: () => '2024-06-01',
      systemLocale: () => 'en-GB',
      now: () => new Date('2024-06-01T10:00:00Z'),
    });
    expect(catalog.strategyNames().get(first!.id)).toBe('A named strategy');
    const ics = await ok<{ content: string }>(service.dispatch('exportIcal', { lang: 'en' }));
    const named = (ics.content.replace(/\r\n[ \t]/g, '').match(/^CATEGORIES:.*$/gm) ?? []).filter((c) =>
      c.includes('A named strategy'),
    );
    expect(named.length).toBeGreaterThan(0);
  });
});
