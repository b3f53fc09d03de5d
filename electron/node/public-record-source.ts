/**
 * The public record shipped with the app (`data/public-record.json`), checked against the dataset
 * it speaks of. Loaded once per dataset.
 */
import bundled from '../../data/public-record.json';
import type { AnyMilestone, Milestone } from '../core/milestone';
import { parseLogKey } from '../core/progress-log';
import { parsePublicRecord, type PublicRecordFile } from '../core/public-record';

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
