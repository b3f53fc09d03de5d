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
import { isoDateSchema } from '../../core/milestone';
import { notificationsFor } from '../../core/notification-content';
import { resolveLocale } from '../../core/shell-locale';
import { createAppService } from '../app-service';
import { createFeedController, followFeedSettings } from '../feed-controller';
import { translator } from '../i18n';
import { loadMilestones } from '../milestones-source';
import { strategySelection } from '../strategies';
import { createReminderService, type Notifier } from '../scheduler';
import { openStateStore } from '../store';
import { createTeamService } from '../team/team-service';
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

  let dataset;
  let strategyNames: ReadonlyMap<string, string> | undefined;
  try {
    if (values.strategy === undefined) dataset = loadMilestones(values.milestones);
    else {
      const selection = strategySelection(resolve(values['data-dir']), values.strategy);
      dataset = selection.milestones;
      strategyNames = selection.strategyNames;
    }
  } catch (error) {
    fail((error as Error).message);
  }
  let store;
  try {
    store = openStateStore({ cwd: resolve(values['data-dir']) });
  } catch (error) {
    fail((error as Error).message);
  }
  const systemLocale = Intl.DateTimeFormat().resolvedOptions().locale;
  const today = () => fixedToday ?? format(new Date(), 'yyyy-MM-dd');
  // With --today, what the user records (e.g. "achieved" without a date) happens on that day too.
  const now = () => (fixedToday ? new Date(`${fixedToday}T${format(new Date(), 'HH:mm:ss')}`) : new Date());

  const locale = () => resolveLocale(store.read().settings.locale, systemLocale);
  // Reminders in the browser: the engine decides, the page shows them as toasts with the same
  // words as the desktop notifications (no OS buttons: the toast has its own).
  const notifier: Notifier = {
    show(batch) {
      // The engine runs on the real clock (even with --today), so "today" in its words is the real one.
      const context = {
        today: format(new Date(), 'yyyy-MM-dd'),
        locale: locale(),
        t: translator(locale()),
        platform: 'web',
      };
      for (const content of notificationsFor(batch, context)) {
        service.emit('toast', {
          title: content.title,
          body: content.body,
          milestoneId: content.milestoneId,
          reminderKey: content.reminderKey,
        });
      }
    },
  };
  const reminders = createReminderService({
    store,
    milestones: () => [...service.dataset(), ...store.read().ownMilestones],
    notifier,
  });
  // The live iCal feed, as in the desktop shell: on while settings.feed.enabled, on its port.
  const feed = createFeedController({
    store,
    dataset: () => service.dataset(),
    strategyNames: () => service.strategyNames(),
  });
  // The team sync without a seal: the password given in Settings is kept in this process's memory
  // only (never on disk); after a restart, connect again (or set COMPASS_TIMELINE_PASSWORD).
  const team = createTeamService({ store, dataset: () => service.dataset() });
  const service = createAppService({
    store,
    dataset,
    // Saved strategies follow the dataset (and the UI can import more), unless --strategy fixed them.
    ...(values.strategy === undefined
      ? { strategiesDir: resolve(values['data-dir']) }
      : { strategyNames: strategyNames ?? new Map() }),
    today,
    now,
    systemLocale: () => systemLocale,
    reminders,
    feedUrls: () => feed.urls(),
    team,
  });

  const token = randomBytes(24).toString('base64url');
  const server = createWebHostServer({ service, rendererDir, token });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    process.stdout.write(`Compass Timeline web host: http://127.0.0.1:${actualPort}/?token=${token}\n`);
    reminders.start();
    team.start();
  });
  const stopFollowingFeed = followFeedSettings(feed, service);
  const stop = () => {
    reminders.stop();
    void team.dispose();
    stopFollowingFeed();
    server.close();
    server.closeAllConnections();
    void feed.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
