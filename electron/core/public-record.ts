/**
 * The public record: what the EU has publicly reported as delivered (or not) for the Compass's
 * commitments, as progress-log record entries with their sources, in one versioned file
 * (`data/public-record.json`). A team can keep its own record in the same format.
 *
 * Pure: parsing and checking against a dataset; nothing here reads files or the clock.
 */
import { z } from 'zod';
import { ADOPTION_DATE, type IsoDate } from './date-phrase';
import { describeIssues } from './dataset';
import type { Milestone } from './milestone';
import { isoDateSchema } from './milestone-schema';
import { isCycleOf } from './occurrences';
import type { NewRecord } from './recording';
import { parseLogKey, type RecordEntry } from './progress-log';
import { recordEntrySchema } from './progress-log-schema';
import type { Locale } from './user-state';

export const PUBLIC_RECORD_FORMAT = 'compass-timeline/public-record';
export const PUBLIC_RECORD_VERSION = 1;
/** The author of every entry of the bundled record. */
export const PUBLIC_RECORD_AUTHOR = 'Public record';

/** A public-record entry: a record entry with at least one source, one of them with a link. */
export const publicRecordEntrySchema = recordEntrySchema
  .safeExtend({ evidence: recordEntrySchema.shape.evidence.min(1, 'an entry needs at least one source') })
  .refine((e) => e.evidence.some((s) => s.url !== null), {
    message: 'at least one source needs a URL the user can open',
    path: ['evidence'],
  });
export type PublicRecordEntry = RecordEntry;

export const publicRecordFileSchema = z.strictObject({
  format: z.literal(PUBLIC_RECORD_FORMAT),
  version: z.literal(PUBLIC_RECORD_VERSION),
  /** The day the record was last checked against its sources: no entry speaks for later. */
  asOf: isoDateSchema,
  entries: z.array(publicRecordEntrySchema).max(5_000),
});
export type PublicRecordFile = z.infer<typeof publicRecordFileSchema>;

export class PublicRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PublicRecordError';
  }
}

/** The dataset's horizon: from the adoption date to its last date (due, window, start or first cycle). */
export function datasetHorizon(milestones: readonly Milestone[]): { from: IsoDate; to: IsoDate } {
  let to = ADOPTION_DATE;
  for (const m of milestones) {
    for (const d of [m.start, m.due, m.window?.to ?? null, m.recurrence?.first ?? null]) {
      if (d !== null && d > to) to = d;
    }
  }
  return { from: ADOPTION_DATE, to };
}

/** Problems of a structurally valid record against a dataset, as "entries[3].key: …" lines. */
export function publicRecordProblems(file: PublicRecordFile, milestones: readonly Milestone[]): string[] {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const horizon = datasetHorizon(milestones);
  const problems: string[] = [];
  const seen = new Set<string>();
  file.entries.forEach((e, i) => {
    const at = `entries[${i}]`;
    if (seen.has(e.id)) problems.push(`${at}.id: duplicate id "${e.id}"`);
    seen.add(e.id);
    const { milestoneId, cycle } = parseLogKey(e.key);
    const m = byId.get(milestoneId);
    if (!m) {
      problems.push(`${at}.key: no milestone "${milestoneId}" in the dataset`);
    } else if (m.kind === 'recurring') {
      if (cycle === null) {
        problems.push(`${at}.key: "${milestoneId}" recurs; name the cycle as ${milestoneId}@YYYY-12-31`);
      } else if (cycle > horizon.to || !isCycleOf(m, cycle)) {
        problems.push(`${at}.key: ${cycle} is not a cycle of "${milestoneId}"`);
      }
    } else if (cycle !== null) {
      problems.push(`${at}.key: "${milestoneId}" does not recur; leave out "@${cycle}"`);
    }
    if (e.on < horizon.from || e.on > horizon.to) {
      problems.push(`${at}.on: ${e.on} is outside the dataset's horizon ${horizon.from} … ${horizon.to}`);
    }
    if (e.on > file.asOf) problems.push(`${at}.on: ${e.on} is after the record's asOf ${file.asOf}`);
    e.evidence.forEach((s, j) => {
      if (s.date !== null && s.date > file.asOf) {
        problems.push(`${at}.evidence[${j}].date: ${s.date} is after the record's asOf ${file.asOf}`);
      }
    });
  });
  return problems;
}

/**
 * Parses JSON as a public record and checks it against the dataset; throws a PublicRecordError
 * naming the first problems, so a bad file is refused as a whole.
 */
export function parsePublicRecord(
  json: unknown,
  milestones: readonly Milestone[],
  source = 'public record',
): PublicRecordFile {
  const result = publicRecordFileSchema.safeParse(json);
  if (!result.success) {
    throw new PublicRecordError(
      `${source} is not a valid public record file:\n${describeIssues(result.error.issues)}\n` +
        'Fix the file (its schema is data/public-record.schema.json).',
    );
  }
  const problems = publicRecordProblems(result.data, milestones);
  if (problems.length > 0) {
    const shown = problems.slice(0, 5);
    if (problems.length > 5) shown.push(`… and ${problems.length - 5} more`);
    throw new PublicRecordError(
      `${source} does not fit the milestones dataset:\n${shown.join('\n')}\n` +
        'Each entry must name an existing milestone (and cycle) and a date within the dataset.',
    );
  }
  return result.data;
}

/** The record file's JSON Schema (draft 2020-12), from the zod schema above. */
export function publicRecordJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(publicRecordFileSchema, { target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  // zod cannot say "some source has a URL" in JSON Schema; `contains` does.
  const entries = (schema.properties as Record<string, Record<string, unknown>>).entries!;
  const entry = entries.items as Record<string, unknown>;
  const evidence = (entry.properties as Record<string, Record<string, unknown>>).evidence!;
  evidence.contains = {
    type: 'object',
    properties: { url: { type: 'string' } },
    required: ['url'],
  };
  return {
    ...schema,
    $id: 'https://compass-timeline.invalid/schemas/public-record.schema.json',
    title: 'Compass Timeline public record',
    description:
      'Progress-log record entries, with their sources, for the commitments of the EU Strategic Compass whose ' +
      'delivery has been publicly reported. Every entry names an existing milestone (and cycle) and has at least ' +
      'one source with a URL.',
  };
}

/** The words an adopted entry's note starts with, in the user's language. */
export const ADOPTED_NOTE_PREFIX: Record<Locale, string> = {
  nl: 'Uit het publieke register: ',
  en: 'From the public record: ',
};

/**
 * The user's own entry that adopting a public-record entry appends: the same key, status and date,
 * the record's sources as evidence, and a note saying it came from the public record.
 */
export function adoptionOf(entry: RecordEntry, locale: Locale): NewRecord {
  const note = `${ADOPTED_NOTE_PREFIX[locale]}${entry.note}`.slice(0, 10_000);
  return { key: entry.key, status: entry.status, on: entry.on, note, evidence: entry.evidence };
}
