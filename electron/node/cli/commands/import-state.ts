import { readFileSync, statSync } from 'node:fs';
import { LIMITS, tooLarge } from '../../../core/limits';
import { importStateIntoStore, StateImportError, unknownIdsMessage } from '../../state-transfer';
import { CliError, type Command } from '../context';

export const importState: Command = {
  summary: 'replaces your progress, own milestones and settings with those in a file made by export-state',
  usage: 'import-state FILE',
  options: {},
  positionals: [1, 1],
  run(ctx, _values, [file]) {
    let content: string;
    try {
      if (statSync(file!).size > LIMITS.importFileBytes) {
        throw new CliError(`${file}: the file is ${tooLarge(LIMITS.importFileBytes)}; nothing was changed.`);
      }
      content = readFileSync(file!, 'utf8');
    } catch (error) {
      if (error instanceof CliError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(
        code === 'ENOENT'
          ? `File not found: ${file}`
          : code === 'EISDIR'
            ? `${file} is a folder; give the file made by export-state.`
            : `Cannot read ${file}: ${(error as Error).message}`,
      );
    }
    const datasetIds = new Set(ctx.dataset().map((m) => m.id));
    try {
      const { state, backupPath, unknownIds } = importStateIntoStore(
        ctx.store(),
        content,
        new Date(),
        datasetIds,
      );
      const skipped = unknownIdsMessage(unknownIds);
      if (skipped) ctx.err(`Warning: ${skipped}`);
      ctx.out(
        `Imported ${state.log.length} progress log entries and ${state.ownMilestones.length} own milestones from ${file}.\nYour previous data is kept in ${backupPath}.`,
      );
    } catch (error) {
      if (error instanceof StateImportError) throw new CliError(`${file}: ${error.message}`);
      throw error;
    }
  },
};
