import { PublicRecordError } from '../../../core/public-record';
import { importPublicRecord, IMPORTED_RECORD_FILE } from '../../public-record-source';
import { CliError, type Command } from '../context';

export const importRecord: Command = {
  summary:
    "stores a team's own public record (the format of data/public-record.json) in the data folder, used instead of the bundled record",
  usage: 'import-record FILE [--json]',
  options: {},
  positionals: [1, 1],
  run(ctx, values, [file]) {
    try {
      const record = importPublicRecord(ctx.dataDir(), file!, ctx.milestones());
      if (values.json) {
        ctx.out(
          JSON.stringify({ imported: record.entries.length, asOf: record.asOf, file: IMPORTED_RECORD_FILE }),
        );
      } else {
        ctx.out(
          `Imported ${record.entries.length} public-record entries (as of ${record.asOf}) from ${file} into ${IMPORTED_RECORD_FILE} in the data folder; they are used as the public record from now on.`,
        );
      }
    } catch (error) {
      if (error instanceof PublicRecordError) throw new CliError(error.message);
      throw error;
    }
  },
};
