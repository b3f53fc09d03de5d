import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractCommitments } from '../../electron/core/extract';
import { candidatesToMilestones, STRATEGY_FORMAT, type StrategyFile } from '../../electron/core/strategy';
import { bundledMilestones } from '../../electron/node/milestones-source';
import {
  appDataset,
  listStrategies,
  saveStrategy,
  strategiesDir,
  strategyPath,
  StrategyFileError,
} from '../../electron/node/strategies';

const tmp = mkdtempSync(join(tmpdir(), 'compass-strategies-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function strategy(slug: string, file = 'tests/fixtures/extract/strategy.en.txt'): StrategyFile {
  const { candidates, language, documentDate } = extractCommitments(readFileSync(file, 'utf8'));
  return {
    format: STRATEGY_FORMAT,
    version: 1,
    slug,
    name: slug,
    source: { name: 'strategy.en.txt', date: documentDate },
    language,
    milestones: candidatesToMilestones(candidates, { slug, defaultActor: slug }).map((b) => b.milestone),
  };
}

describe('strategies on disk', () => {
  it('saves atomically, lists, and refuses an invalid file without writing it', () => {
    const data = join(tmp, 'a');
    const { path } = saveStrategy(data, 'harbour', () => strategy('harbour'));
    expect(path).toBe(strategyPath(data, 'harbour'));
    const before = readFileSync(path, 'utf8');
    expect(() =>
      saveStrategy(data, 'harbour', (current) => ({
        ...current!,
        milestones: [{ ...current!.milestones[0]!, due: 'x' }],
      })),
    ).toThrow(StrategyFileError);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(listStrategies(data).map((l) => l.strategy?.slug)).toEqual(['harbour']);
  });

  it('takes over the lock of a process that died, and leaves no lock behind', () => {
    const data = join(tmp, 'b');
    mkdirSync(strategiesDir(data), { recursive: true });
    writeFileSync(`${strategyPath(data, 'harbour')}.lock`, '2147483646');
    saveStrategy(data, 'harbour', () => strategy('harbour'));
    expect(existsSync(`${strategyPath(data, 'harbour')}.lock`)).toBe(false);
  });

  it('gives the desktop app the Compass and every readable strategy, naming those it leaves out', () => {
    const data = join(tmp, 'c');
    saveStrategy(data, 'harbour', () => strategy('harbour'));
    saveStrategy(data, 'polder', () => strategy('polder', 'tests/fixtures/extract/strategy.nl.txt'));
    writeFileSync(join(strategiesDir(data), 'broken.json'), '{ not json');
    const clash = strategy('harbour');
    writeFileSync(join(strategiesDir(data), 'copy.json'), JSON.stringify({ ...clash, name: 'copy' }));
    const { milestones, problems } = appDataset(data);
    const compass = bundledMilestones();
    expect(milestones.slice(0, compass.length)).toEqual(compass);
    expect(milestones.filter((m) => m.id.startsWith('harbour-'))).toHaveLength(18);
    expect(milestones.filter((m) => m.id.startsWith('polder-'))).toHaveLength(12);
    expect(new Set(milestones.map((m) => m.id)).size).toBe(milestones.length);
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/broken\.json is not valid JSON/);
    expect(problems.join('\n')).toMatch(/left out/);
  });
});
