import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { resolveDatePhrase } from '../../electron/core/date-phrase';
import { datasetJsonSchema } from '../../electron/core/dataset-json-schema';
import { DatasetError, parseDataset } from '../../electron/core/dataset';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { seedLines } from '../support/seed';

const raw = JSON.parse(readFileSync('data/compass-milestones.json', 'utf8')) as unknown[];
const schemaFile = JSON.parse(readFileSync('data/compass-milestones.schema.json', 'utf8')) as object;
const milestones = bundledMilestones();
const lines = seedLines();

describe('the Compass dataset', () => {
  it('covers the Compass: dated commitments of every chapter, the undated objectives, the conclusion', () => {
    expect(milestones.length).toBeGreaterThanOrEqual(80);
    const kinds = new Set(milestones.map((m) => m.kind));
    expect([...kinds].sort()).toEqual(['deadline', 'recurring', 'start', 'undated']);
    for (const chapter of ['act', 'secure', 'invest', 'partners', 'general']) {
      expect(milestones.some((m) => m.chapter === chapter)).toBe(true);
    }
    const ids = milestones.map((m) => m.id);
    for (const id of [
      'act-rapid-deployment-capacity',
      'general-threat-analysis',
      'general-progress-report',
      'general-compass-revision',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('validates against its JSON Schema file (with an independent validator)', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schemaFile);
    expect(validate(raw), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('keeps the schema file in step with the loader', () => {
    expect(schemaFile).toEqual(datasetJsonSchema());
  });

  it('counts each commitment once: no deadline repeats the cycle of a recurring entry', () => {
    const ids = milestones.map((m) => m.id);
    // The end-2022 threat-analysis re-evaluation and the 2022 forum are the first cycles.
    expect(ids).not.toContain('secure-threat-analysis-review');
    expect(ids).not.toContain('partners-security-defence-partnership-forum-first');
    for (const m of milestones.filter((x) => x.kind === 'deadline')) {
      const recurringSameLine = milestones.find(
        (r) => r.kind === 'recurring' && r.line === m.line && r.recurrence?.first === m.due,
      );
      expect(recurringSameLine, `${m.id} duplicates a recurring cycle`).toBeUndefined();
    }
  });

  it('starts nothing before the adoption date', () => {
    for (const m of milestones) {
      if (m.start !== null) expect(m.start >= '2022-03-21', m.id).toBe(true);
    }
  });

  it('has unique ids', () => {
    expect(new Set(milestones.map((m) => m.id)).size).toBe(milestones.length);
  });

  it.each(milestones.map((m) => [m.id, m] as const))('%s quotes its seed line verbatim', (_id, m) => {
    expect(lines[m.line - 1], `line ${m.line}`).toContain(m.quote);
    if (m.datePhrase !== null) expect(m.quote).toContain(m.datePhrase);
  });

  it.each(milestones.map((m) => [m.id, m] as const))('%s has the dates its phrase resolves to', (_id, m) => {
    const { kind, start, due, window, recurrence } = m;
    expect({ kind, start, due, window, recurrence }).toEqual(resolveDatePhrase(m.datePhrase, m.dateContext));
  });

  it('names the section heading above each quote', () => {
    for (const m of milestones) {
      const above = lines.slice(0, m.line - 1);
      expect(
        above.map((l) => l.trim()),
        m.id,
      ).toContain(m.section);
    }
  });
});

describe('parseDataset', () => {
  it('rejects duplicate ids and bad dates, naming where', () => {
    const first = raw[0] as Record<string, unknown>;
    expect(() => parseDataset([first, first])).toThrow(/duplicate id/);
    expect(() => parseDataset([{ ...first, due: '2025-02-30' }])).toThrow(/\[0\]\.due/);
    expect(() => parseDataset({})).toThrow(DatasetError);
  });
});
