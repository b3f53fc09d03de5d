/**
 * The public record shipped with the app (`data/public-record.json`), checked against the dataset
 * it speaks of. Loaded once per dataset.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import bundled from '../../data/public-record.json';
import type { AnyMilestone, Milestone } from '../core/milestone';
import { parseLogKey } from '../core/progress-log';
import { parsePublicRecord, PublicRecordError, type PublicRecordFile } from '../core/public-record';

const cache = new WeakMap<readonly AnyMilestone[], PublicRecordFile | null>();

/**
 * The bundled record for these milestones: validated with `parsePublicRecord` (a record that does
 * not fit the Compass dataset throws: it is a bug in the shipped file). For a dataset that holds
 * none of the Compass's milestones (another strategy given with --milestones) there is no record:
 * null.
 */
export function bundledPublicRecord(milestones: readonly AnyMilestone[]): PublicRecordFile | null {
  if (cache.has(milestones)) return cache.get(milestones)!;
  const ids = new Set(milestones.map((m) => m.id));
  const entries = (bundled as { entries?: Array<{ key?: string }> }).entries ?? [];
  const speaksOfThese = entries.some(
    (e) => typeof e.key === 'string' && ids.has(parseLogKey(e.key).milestoneId),
  );
  const record = speaksOfThese
    ? parsePublicRecord(bundled, milestones as Milestone[], 'The bundled public record')
    : null;
  cache.set(milestones, record);
  return record;
}

/** A team's own record, imported with `import-record`, in the data folder: used instead of the bundled one. */
export const IMPORTED_RECORD_FILE = 'public-record.json';

const MAX_RECORD_BYTES = 50_000_000;

/**
 * Parses a record file's text (a leading BOM is dropped) and checks it against the milestones;
 * a PublicRecordError says what to fix. `source` names the file in the messages.
 */
export function parsePublicRecordText(
  text: string,
  milestones: readonly AnyMilestone[],
  source: string,
): PublicRecordFile {
  if (Buffer.byteLength(text, 'utf8') > MAX_RECORD_BYTES) {
    throw new PublicRecordError(`${source} is over 50 MB: that is not a public record file.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new PublicRecordError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  return parsePublicRecord(json, milestones as Milestone[], source);
}

/** Reads and checks a record file; a PublicRecordError (or PublicRecordError-like message) says what to fix. */
export function readPublicRecordFile(file: string, milestones: readonly AnyMilestone[]): PublicRecordFile {
  let text: string;
  try {
    if (statSync(file).size > MAX_RECORD_BYTES) {
      throw new PublicRecordError(`${file} is over 50 MB: that is not a public record file.`);
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof PublicRecordError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new PublicRecordError(
      code === 'ENOENT' ? `File not found: ${file}` : `Cannot read ${file}: ${String(error)}`,
    );
  }
  return parsePublicRecordText(text, milestones, file);
}

/**
 * Stores a checked record in the data folder as the team's record (written to a temporary file and
 * renamed into place, so a crash never leaves half a file).
 */
function storePublicRecord(dataDir: string, record: PublicRecordFile): void {
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, IMPORTED_RECORD_FILE);
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(temp, target);
}

/**
 * Checks a team's record file against the milestones and stores it in the data folder (the CLI's
 * `import-record FILE`). A bad file throws before anything is written.
 */
export function importPublicRecord(
  dataDir: string,
  file: string,
  milestones: readonly AnyMilestone[],
): PublicRecordFile {
  const record = readPublicRecordFile(file, milestones);
  storePublicRecord(dataDir, record);
  return record;
}

/**
 * The same import for a file's text (Settings: the file the user picked). A bad file throws before
 * anything is written.
 */
export function importPublicRecordText(
  dataDir: string,
  text: string,
  milestones: readonly AnyMilestone[],
  source: string,
): PublicRecordFile {
  const record = parsePublicRecordText(text, milestones, source);
  storePublicRecord(dataDir, record);
  return record;
}

/**
 * The public layer for a data folder: the team's imported record when there is one, else the
 * bundled record. An imported record that no longer fits the milestones is left unused, with a
 * problem to show.
 */
export function publicRecordFor(
  dataDir: string,
  milestones: readonly AnyMilestone[],
): { record: PublicRecordFile | null; imported: boolean; problem: string | null } {
  const path = join(dataDir, IMPORTED_RECORD_FILE);
  if (existsSync(path)) {
    try {
      return { record: readPublicRecordFile(path, milestones), imported: true, problem: null };
    } catch (error) {
      const problem = `The imported public record ${path} is not used: ${(error as Error).message}`;
      return { record: bundledPublicRecord(milestones), imported: false, problem };
    }
  }
  return { record: bundledPublicRecord(milestones), imported: false, problem: null };
}
