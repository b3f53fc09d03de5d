import { mkdirSync } from 'node:fs';
import { connectTeam } from '../../team/connect';
import { TeamError } from '../../team/http';
import { storeLocalLog } from '../../team/local-log';
import { resolvePassword } from '../../team/password';
import { syncOnce, type SyncResult } from '../../team/sync';
import { openTeamFile, type TeamState } from '../../team/team-state';
import { publishIcal } from '../../feed-server';
import { icalOptionsFromSettings } from '../../../core/ical';
import { CliError, requireInt, type CliContext, type Command, type OptionValues } from '../context';

const asCliError = (error: unknown): never => {
  if (error instanceof TeamError)
    throw new CliError(error.message, error.code === 'config' || error.code === 'insecure' ? 2 : 1);
  throw error;
};

function statusLines(state: TeamState): string[] {
  const c = state.connection;
  if (!c) return ['Not connected. Run "team connect URL --user NAME".'];
  return [
    `Server: ${c.serverUrl} as ${c.user}`,
    `Progress collection: ${c.progressUrl}`,
    `Deadline calendar: ${c.calendarUrl}`,
    `Pending changes: ${state.outbox.length}`,
    `Last synced: ${state.lastSync ? `${state.lastSync.at} (${state.lastSync.method})` : 'never'}`,
    `Last error: ${state.lastError ? `${state.lastError.at}: ${state.lastError.message}` : 'none'}`,
  ];
}

const statusJson = (state: TeamState) => ({
  connected: state.connection !== null,
  connection: state.connection
    ? { ...state.connection, sealedPassword: state.connection.sealedPassword ? '(sealed)' : null }
    : null,
  pending: state.outbox.length,
  lastSync: state.lastSync,
  lastError: state.lastError,
});

async function connect(ctx: CliContext, values: OptionValues, url: string | undefined) {
  if (!url) throw new CliError('team connect needs the server URL: team connect URL --user NAME', 2);
  if (typeof values.user !== 'string' || !values.user)
    throw new CliError('team connect needs --user NAME.', 2);
  const progressUrl =
    typeof values['progress-collection'] === 'string' ? values['progress-collection'] : null;
  const calendarUrl =
    typeof values['calendar-collection'] === 'string' ? values['calendar-collection'] : null;
  const passwordFile = typeof values['password-file'] === 'string' ? values['password-file'] : null;
  const password = resolvePassword({ passwordFile });
  mkdirSync(ctx.dataDir(), { recursive: true });
  const { connection, created } = await connectTeam({
    dataDir: ctx.dataDir(),
    serverUrl: url,
    user: values.user,
    password,
    caFile: typeof values.ca === 'string' ? values.ca : null,
    allowInsecureHttp: values['allow-insecure-http'] === true,
    progressUrl,
    calendarUrl,
    passwordFile,
  });
  if (values.json) {
    ctx.out(
      JSON.stringify(
        {
          connected: true,
          progressUrl: connection.progressUrl,
          calendarUrl: connection.calendarUrl,
          created,
        },
        null,
        2,
      ),
    );
    return;
  }
  ctx.out(`Connected to ${connection.serverUrl} as ${connection.user}.`);
  ctx.out(
    `Progress collection: ${connection.progressUrl}${created.includes(connection.progressUrl) ? ' (created)' : ''}`,
  );
  ctx.out(
    `Deadline calendar: ${connection.calendarUrl}${created.includes(connection.calendarUrl) ? ' (created)' : ''}`,
  );
}

export const team: Command = {
  summary:
    'the team connection: connect to a CalDAV server, show its status, record an entry in the team log',
  usage:
    'team connect URL --user NAME [--password-file FILE] [--ca FILE] [--progress-collection URL --calendar-collection URL] [--allow-insecure-http] | team status',
  options: {
    user: { type: 'string' },
    'password-file': { type: 'string' },
    ca: { type: 'string' },
    'progress-collection': { type: 'string' },
    'calendar-collection': { type: 'string' },
    'allow-insecure-http': { type: 'boolean' },
  },
  positionals: [1, 2],
  async run(ctx, values, positionals) {
    const [sub, ...rest] = positionals;
    try {
      if (sub === 'connect') return await connect(ctx, values, rest[0]);
      if (sub === 'status') {
        const state = openTeamFile(ctx.dataDir()).read();
        ctx.out(values.json ? JSON.stringify(statusJson(state), null, 2) : statusLines(state).join('\n'));
        return;
      }
    } catch (error) {
      return asCliError(error);
    }
    throw new CliError(
      `Unknown team command "${sub}". Use team connect or team status; record entries with status.`,
      2,
    );
  },
};

function describe(result: SyncResult): string {
  return (
    `Synced: ${result.sent} sent${result.alreadyThere ? ` (${result.alreadyThere} already there)` : ''}, ` +
    `${result.received} received, ${result.tasks} tasks and ${result.events} events written (${result.method}).`
  );
}

export const sync: Command = {
  summary:
    'syncs the team log and the deadline calendar with the CalDAV server (every few minutes, or --once)',
  usage: 'sync [--once] [--interval MINUTES] [--password-file FILE] [--json]',
  options: { once: { type: 'boolean' }, interval: { type: 'string' }, 'password-file': { type: 'string' } },
  positionals: [0, 0],
  async run(ctx, values) {
    const minutes = values.interval === undefined ? 5 : requireInt(values.interval, '--interval', 1, 1440);
    const team = openTeamFile(ctx.dataDir(), (message) => ctx.err(`Warning: ${message}`));
    const state = team.read();
    let password: string;
    try {
      password = resolvePassword({
        passwordFile: typeof values['password-file'] === 'string' ? values['password-file'] : null,
        connection: state.connection,
      });
    } catch (error) {
      return asCliError(error);
    }
    const milestones = ctx.milestones();
    const store = ctx.store();
    const settings = store.read().settings;
    const once = async () => {
      try {
        const result = await syncOnce({
          team,
          log: storeLocalLog(store),
          password,
          milestones,
          lang: settings.feed.lang,
          feed: () => publishIcal(store, ctx.dataset(), (s) => icalOptionsFromSettings(s.settings.feed)),
          forceEtag: process.env.COMPASS_TIMELINE_SYNC_METHOD === 'etag',
        });
        ctx.out(values.json ? JSON.stringify(result) : describe(result));
        return 0;
      } catch (error) {
        if (error instanceof TeamError) {
          ctx.err(`Error: ${error.message}`);
          return 1;
        }
        throw error;
      }
    };
    if (values.once) return once();
    for (;;) {
      await once();
      await new Promise((r) => setTimeout(r, minutes * 60_000));
    }
  },
};
