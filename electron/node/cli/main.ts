/**
 * The Compass Timeline command line: `npm run --silent cli -- <command> [options]`.
 * Global options: --milestones FILE, --data-dir DIR, --json, --help.
 */
import { parseArgs } from 'node:util';
import { format } from 'date-fns';
import { DatasetError } from '../../core/dataset';
import type { AnyMilestone } from '../../core/milestone';
import { openData } from '../compose';
import { defaultDataDir } from '../paths';
import { type StateStore } from '../store';
import { CliError, type CliContext, type Command } from './context';
import { commands } from './commands';

const GLOBAL_OPTIONS = {
  milestones: { type: 'string' },
  strategy: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function help(): string {
  const width = Math.max(...Object.values(commands).map((c) => c.usage.length));
  return [
    'Compass Timeline — deadlines of the EU Strategic Compass (2022)',
    '',
    'Usage: npm run --silent cli -- <command> [options]',
    '',
    'Commands:',
    ...Object.values(commands).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    '  --milestones FILE  use this dataset (same schema as data/compass-milestones.json) instead of the bundled one',
    '  --strategy LIST    use these strategies: compass (the bundled one), saved slugs (see: strategies) or all, comma-separated',
    "  --data-dir DIR     the folder of the store (default: the desktop app's own user-data folder)",
    '  --json             machine-readable output',
    '  --help             this help',
  ].join('\n');
}

/** Runs one CLI invocation; returns the exit code. I/O goes through `io` so tests can capture it. */
export async function runCli(
  argv: string[],
  io: { out(text: string): void; err(text: string): void } = {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
  },
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? 2 : 0;
  }
  const command: Command | undefined = Object.hasOwn(commands, name) ? commands[name] : undefined;
  try {
    if (!command)
      throw new CliError(`Unknown command "${name}". Run "npm run --silent cli -- --help" for the list.`, 2);
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...GLOBAL_OPTIONS, ...command.options },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new CliError(`${(error as Error).message}\nUsage: ${command.usage}`, 2);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.out(`Usage: ${command.usage}\n\n${command.summary}`);
      return 0;
    }
    const [min, max] = command.positionals;
    if (positionals.length < min || positionals.length > max) {
      throw new CliError(`Wrong number of arguments.\nUsage: ${command.usage}`, 2);
    }
    if (values.strategy !== undefined && values.milestones !== undefined) {
      throw new CliError('Give either --milestones FILE or --strategy LIST, not both.', 2);
    }
    if (values['data-dir'] === '') {
      throw new CliError('--data-dir needs a folder; leave it out to use the app’s own data folder.', 2);
    }
    const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir();
    // The app's composition root, of which a command needs only the data: opened when first used.
    // The dataset is the bundled one, a --milestones file or the --strategy list (saved strategies
    // do not follow it here: --strategy all names them).
    const data = openData({
      dataDir,
      dataset: {
        ...(typeof values.strategy === 'string' ? { strategy: values.strategy } : {}),
        ...(typeof values.milestones === 'string' ? { milestonesFile: values.milestones } : {}),
      },
    });
    let store: StateStore | undefined;
    let milestones: AnyMilestone[] | undefined;
    const ctx: CliContext = {
      out: io.out,
      err: io.err,
      store: () => {
        if (!store) {
          try {
            store = data.store();
          } catch (error) {
            throw new CliError(
              `Cannot open the store in ${dataDir}: ${(error as Error).message.replace(/\.$/, '')}. Check --data-dir (a folder you can write to).`,
            );
          }
          for (const notice of store.notices) io.err(`Warning: ${notice}`);
        }
        return store;
      },
      state: () => ctx.store().read(),
      dataset: () => data.catalog().dataset(),
      milestones: () => (milestones ??= data.catalog().all(ctx.state())),
      strategyNames: () => data.catalog().strategyNames(),
      dataDir: () => dataDir,
      systemToday: () => format(new Date(), 'yyyy-MM-dd'),
    };
    return (await command.run(ctx, values, positionals)) ?? 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`Error: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof DatasetError) {
      io.err(`Error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/**
 * Output that cannot be written: a closed pipe (`| head -1`) ends the command quietly with status
 * 0, as for any Unix tool; anything else (a full disk, ENOSPC) is one line on stderr and status 1.
 */
export function handleOutputError(error: NodeJS.ErrnoException): never {
  if (error.code === 'EPIPE') process.exit(0);
  try {
    process.stderr.write(`Error: cannot write the output (${error.code ?? error.message}).\n`);
  } finally {
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/main.ts')) {
  process.stdout.on('error', handleOutputError);
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
