/**
 * `npm run web -- --port P --data-dir DIR [--today YYYY-MM-DD] [--milestones FILE | --strategy LIST]`
 * Serves the built renderer on 127.0.0.1 with the same API as the preload bridge, over the real
 * core, store and scheduler (reminders appear as in-app toasts). For tests and development only.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { format } from 'date-fns';
import { isoDateSchema } from '../../core/milestone-schema';
import { composeApp, type AppRoot } from '../compose';
import { createWebHostServer } from './server';

const USAGE =
  'Usage: npm run web -- --port P --data-dir DIR [--today YYYY-MM-DD] [--milestones FILE | --strategy LIST]';

function fail(message: string): never {
  process.stderr.write(`Error: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        today: { type: 'string' },
        milestones: { type: 'string' },
        strategy: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const port = Number(values.port);
  if (values.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535)
    fail('--port needs a port number (0 picks a free one).');
  if (!values['data-dir']) fail('--data-dir is required (a folder for the store; it is created if missing).');
  const fixedToday = values.today;
  if (fixedToday !== undefined && !isoDateSchema.safeParse(fixedToday).success) {
    fail('--today expects a date as YYYY-MM-DD.');
  }
  const rendererDir = resolve('out/renderer');
  if (!existsSync(resolve(rendererDir, 'index.html')))
    fail('out/renderer is missing: run "npm run build" first.');

  const dataDir = resolve(values['data-dir']);
  const today = () => fixedToday ?? format(new Date(), 'yyyy-MM-dd');
  const systemLocale = Intl.DateTimeFormat().resolvedOptions().locale;
  let root: AppRoot;
  try {
    root = composeApp({
      dataDir,
      // Saved strategies follow the dataset (and the UI can import more), unless --strategy fixed them.
      dataset: { milestonesFile: values.milestones, strategy: values.strategy, savedStrategies: true },
      today,
      // With --today, what the user records (e.g. "achieved" without a date) happens on that day too.
      now: () => (fixedToday ? new Date(`${fixedToday}T${format(new Date(), 'HH:mm:ss')}`) : new Date()),
      systemLocale: () => systemLocale,
      // Reminders in the browser: the engine decides, the page shows them as toasts with the same
      // words as the desktop notifications (no OS buttons: the toast has its own).
      platform: 'web',
      // The team sync without a seal: the password given in Settings is kept in this process's
      // memory only (never on disk); after a restart, connect again (or set COMPASS_TIMELINE_PASSWORD).
      seal: null,
    });
  } catch (error) {
    fail((error as Error).message);
  }

  const token = randomBytes(24).toString('base64url');
  const server = createWebHostServer({ service: root.service, rendererDir, token });
  root.disposables.addFn(
    () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  );
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    process.stdout.write(`Compass Timeline web host: http://127.0.0.1:${actualPort}/?token=${token}\n`);
    root.start();
  });
  const stop = () => void root.dispose().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
