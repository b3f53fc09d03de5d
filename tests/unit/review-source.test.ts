import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LogEntry, RecordEntry } from '../../electron/core/progress-log';
import { parsePublicRecord } from '../../electron/core/public-record';
import { buildReview } from '../../electron/core/review';
import { exportReview } from '../../electron/core/review-export';
import { entriesForSource, isReviewSource } from '../../electron/core/review-source';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { reviewWords } from '../../electron/node/i18n';

const dataset = bundledMilestones();
const record = parsePublicRecord(JSON.parse(readFileSync('data/public-record.json', 'utf8')), dataset);

const entry = (
  id: string,
  key: string,
  status: RecordEntry['status'],
  on: string,
  author = 'Ann',
): LogEntry => ({
  type: 'record',
  id,
  key,
  recordedAt: `${on}T12:00:00.000Z`,
  author,
  note: '',
  status,
  on,
  evidence: [],
});

describe('which log a review reads', () => {
  const ours = [
    entry('ours-0001', 'secure-space-strategy', 'missed', '2024-01-10'),
    entry('ours-0002', 'act-rapid-deployment-capacity', 'achieved', '2025-05-20'),
    entry('ours-0003', 'secure-cyber-defence-policy', 'in-progress', '2022-06-01'),
    {
      type: 'retraction',
      id: 'ours-0004',
      key: 'secure-cyber-defence-policy',
      recordedAt: '2022-06-02T00:00:00.000Z',
      author: 'Ann',
      note: '',
      retracts: 'ours-0003',
    } satisfies LogEntry,
  ];
  const publicEntries = [
    entry('pub-00001', 'secure-space-strategy', 'achieved', '2023-03-10', 'Public record'),
    entry('pub-00002', 'secure-cyber-defence-policy', 'achieved', '2022-11-10', 'Public record'),
  ];

  it('ours and public take one log whole', () => {
    expect(entriesForSource(ours, publicEntries, 'ours')).toEqual(ours);
    expect(entriesForSource(ours, publicEntries, 'public')).toEqual(publicEntries);
  });

  it('ours-then-public keeps our entries per key and fills only the keys where we have nothing standing', () => {
    const picked = entriesForSource(ours, publicEntries, 'ours-then-public').map((e) => e.id);
    // Our "missed" on the space strategy contradicts the public record and wins; our withdrawn
    // entry on the cyber defence policy leaves nothing of ours, so the public record speaks there.
    expect(picked).toEqual(['ours-0001', 'ours-0002', 'pub-00002']);
  });

  it('the review says which source it used, and the numbers follow it', () => {
    const asOf = '2025-12-31';
    const verdictOf = (
      log: readonly LogEntry[],
      key: string,
      source: 'ours' | 'public' | 'ours-then-public',
    ) => buildReview(dataset, log, asOf, source).items.find((i) => i.key === key)!;
    const mixed = entriesForSource(ours, publicEntries, 'ours-then-public');
    expect(buildReview(dataset, ours, asOf).source).toBe('ours');
    expect(verdictOf(mixed, 'secure-space-strategy', 'ours-then-public')).toMatchObject({
      verdict: 'missed',
      author: 'Ann',
    });
    expect(verdictOf(mixed, 'secure-cyber-defence-policy', 'ours-then-public')).toMatchObject({
      verdict: 'on-time',
      author: 'Public record',
    });
    const json = JSON.parse(
      exportReview(
        {
          review: buildReview(dataset, mixed, asOf, 'ours-then-public'),
          cover: { asOf, preparedBy: 'Ann', generatedOn: '2026-01-05', source: 'ours-then-public' },
        },
        'json',
        'en',
        reviewWords('en'),
      ),
    ) as { source: string; cover: { source: string } };
    expect(json.source).toBe('ours-then-public');
    expect(json.cover.source).toBe('ours-then-public');
  });

  it('the bundled record alone makes a review with delivered items and no user entries', () => {
    const review = buildReview(
      dataset,
      entriesForSource([], record.entries, 'public'),
      '2025-12-31',
      'public',
    );
    const delivered = review.items.filter((i) => ['on-time', 'late', 'achieved'].includes(i.verdict));
    expect(delivered.length).toBeGreaterThanOrEqual(10);
    expect(delivered.every((i) => i.author === 'Public record' && i.evidence.some((s) => s.url))).toBe(true);
    const md = exportReview(
      {
        review,
        cover: { asOf: '2025-12-31', preparedBy: 'Ann', generatedOn: '2026-01-05', source: 'public' },
      },
      'md',
      'nl',
      reviewWords('nl'),
    );
    expect(md).toContain('Berekend uit: het publieke register');
  });

  it('knows its three sources and nothing else', () => {
    expect(['ours', 'public', 'ours-then-public'].every(isReviewSource)).toBe(true);
    expect(isReviewSource('theirs')).toBe(false);
  });
});
