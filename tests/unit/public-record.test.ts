import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { isCycleOf } from '../../electron/core/occurrences';
import { parseLogKey } from '../../electron/core/progress-log';
import {
  PUBLIC_RECORD_AUTHOR,
  PublicRecordError,
  datasetHorizon,
  parsePublicRecord,
  publicRecordJsonSchema,
  type PublicRecordFile,
} from '../../electron/core/public-record';
import { bundledMilestones } from '../../electron/node/milestones-source';

const raw = JSON.parse(readFileSync('data/public-record.json', 'utf8')) as PublicRecordFile;
const schemaFile = JSON.parse(readFileSync('data/public-record.schema.json', 'utf8')) as object;
const milestones = bundledMilestones();
const byId = new Map(milestones.map((m) => [m.id, m]));

describe('the bundled public record', () => {
  it('validates against its JSON Schema file (with an independent validator)', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schemaFile);
    expect(validate(raw), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('keeps the schema file in step with the loader', () => {
    expect(schemaFile).toEqual(publicRecordJsonSchema());
  });

  it('parses with zod and fits the dataset', () => {
    const file = parsePublicRecord(raw, milestones);
    expect(file.entries.length).toBeGreaterThan(0);
  });

  it('has unique ids, all by the public record', () => {
    expect(new Set(raw.entries.map((e) => e.id)).size).toBe(raw.entries.length);
    for (const e of raw.entries) expect(e.author, e.id).toBe(PUBLIC_RECORD_AUTHOR);
  });

  it.each(raw.entries.map((e) => [e.id, e] as const))(
    '%s names an existing milestone and cycle, a date in the horizon, a source to open',
    (_id, e) => {
      const { milestoneId, cycle } = parseLogKey(e.key);
      const m = byId.get(milestoneId);
      expect(m, milestoneId).toBeDefined();
      const horizon = datasetHorizon(milestones);
      if (m!.kind === 'recurring') expect(isCycleOf(m!, cycle!) && cycle! <= horizon.to).toBe(true);
      else expect(cycle).toBeNull();
      expect(e.on >= horizon.from && e.on <= horizon.to && e.on <= raw.asOf, e.on).toBe(true);
      expect(e.evidence.some((s) => s.url !== null && /^https?:\/\//.test(s.url))).toBe(true);
      expect(e.note.length).toBeGreaterThan(20);
    },
  );
});

describe('parsePublicRecord', () => {
  const first = raw.entries[0]!;
  const withEntry = (patch: object): PublicRecordFile => ({ ...raw, entries: [{ ...first, ...patch }] });

  it('refuses an unknown milestone, a wrong cycle, a missing cycle and a cycle on a deadline', () => {
    expect(() => parsePublicRecord(withEntry({ key: 'no-such-milestone' }), milestones)).toThrow(
      /no milestone "no-such-milestone"/,
    );
    expect(() =>
      parsePublicRecord(withEntry({ key: 'general-progress-report@2023-06-30' }), milestones),
    ).toThrow(/not a cycle/);
    expect(() => parsePublicRecord(withEntry({ key: 'general-progress-report' }), milestones)).toThrow(
      /name the cycle/,
    );
    expect(() =>
      parsePublicRecord(withEntry({ key: 'secure-space-strategy@2023-12-31' }), milestones),
    ).toThrow(/does not recur/);
  });

  it('refuses dates before the adoption, after asOf, and a record without a linked source', () => {
    expect(() => parsePublicRecord(withEntry({ on: '2021-12-31' }), milestones)).toThrow(/horizon/);
    expect(() =>
      parsePublicRecord({ ...withEntry({ on: '2026-12-01' }), asOf: '2026-11-30' }, milestones),
    ).toThrow(/after the record's asOf/);
    expect(() => parsePublicRecord(withEntry({ evidence: [] }), milestones)).toThrow(PublicRecordError);
    const unlinked = first.evidence.map((s) => ({ ...s, url: null }));
    expect(() => parsePublicRecord(withEntry({ evidence: unlinked }), milestones)).toThrow(/URL/);
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schemaFile);
    expect(validate(withEntry({ evidence: unlinked }))).toBe(false);
  });

  it('refuses duplicate ids and a file of another format', () => {
    expect(() => parsePublicRecord({ ...raw, entries: [first, first] }, milestones)).toThrow(/duplicate id/);
    expect(() => parsePublicRecord({ ...raw, format: 'compass-timeline/state' }, milestones)).toThrow(
      /not a valid public record/,
    );
  });
});
