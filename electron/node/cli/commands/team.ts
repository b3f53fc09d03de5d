import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { isoDateSchema } from '../../../core/milestone';
import { logKeySchema, parseLogKey, type LogEntry } from '../../../core/progress-log';
import { STATUSES, type Status } from '../../../core/status';
import { connectTeam } from '../../team/connect';
import { TeamError } from '../../team/http';
import { openLocalLog } from '../../team/local-log';
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

const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);

/** Records one entry in the local team log (until the progress log's own `status` is wired to it). */
function record(ctx: CliContext, values: OptionValues, positionals: string[]) {
  const [key, wanted] = positionals;
  if (!key || !wanted)
    throw new CliError(
      `Usage: team record <id>[@YYYY-MM-DD] <${STATUSES.join('|')}> [--on DATE] [--note TEXT] [--author NAME]`,
      2,
    );
  if (!logKeySchema.safeParse(key).success)
    throw new CliError(`"${key}" is not a milestone id or <id>@YYYY-MM-DD.`, 2);
  if (!ctx.milestones().some((m) => m.id === parseLogKey(key).milestoneId)) {
    throw new CliError(
      `No milestone with id "${parseLogKey(key).milestoneId}". Run "list" to see the ids.`,
      2,
    );
  }
  if (!isStatus(wanted))
    throw new CliError(`Unknown status "${wanted}". Use one of: ${STATUSES.join(', ')}.`, 2);
  const on = typeof values.on === 'string' ? values.on : ctx.systemToday();
  if (!isoDateSchema.safeParse(on).success)
    throw new CliError(`--on expects a real date as YYYY-MM-DD, got "${on}".`, 2);
  const entry: LogEntry = {
    type: 'record',
    id: randomUUID(),
    key,
    recordedAt: new Date().toISOString(),
    author: typeof values.author === 'string' && values.author ? values.author : userInfo().username,
    note: typeof values.note === 'string' ? values.note : '',
    status: wanted,
    on,
    evidence: [],
  };
  mkdirSync(ctx.dataDir(), { recursive: true });
  openLocalLog(ctx.dataDir()).add(entry);
  ctx.out(
    values.json ? JSON.stringify(entry, null, 2) : `Recorded ${key}: ${wanted} (${on}) by ${entry.author}.`,
  );
}

export const team: Command = {
  summary:
    'the team connection: connect to a CalDAV server, show its status, record an entry in the team log',
  usage:
    'team connect URL --user NAME [--password-file FILE] [--ca FILE] [--progress-collection URL --calendar-collection URL] [--allow-insecure-http] | team status | team record <key> <status> [--on DATE] [--note TEXT] [--author NAME]',
  options: {
    user: { type: 'string' },
    'password-file': { type: 'string' },
    ca: { type: 'string' },
    'progress-collection': { type: 'string' },
    'calendar-collection': { type: 'string' },
    'allow-insecure-http': { type: 'boolean' },
    on: { type: 'string' },
    note: { type: 'string' },
    author: { type: 'string' },
  },
  positionals: [1, 3],
  async run(ctx, values, positionals) {
    const [sub, ...rest] = positionals;
    try {
      if (sub === 'connect') return await connect(ctx, values, rest[0]);
      if (sub === 'record') return record(ctx, values, rest);
      if (sub === 'status') {
        const state = openTeamFile(ctx.dataDir()).read();
        ctx.out(values.json ? JSON.stringify(statusJson(state), null, 2) : statusLines(state).join('\n'));
        return;
      }
    } catch (error) {
      return asCliError(error);
    }
    throw new CliError(`Unknown team command "${sub}". Use team connect, team status or team record.`, 2);
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
          log: openLocalLog(ctx.dataDir()),
          password,
          milestones,
          lang: settings.feed.lang,
          feed: () => publishIcal(store, milestones, (s) => icalOptionsFromSettings(s.settings.feed)),
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
