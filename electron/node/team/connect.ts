/**
 * Connecting a data folder to the team's CalDAV server: checks the URLs, discovers or creates the
 * two collections, and records the connection (never the password in clear) in team.json.
 */
import { mkdirSync } from 'node:fs';
import { discover, explain, openSession } from './dav';
import { checkUrl } from './http';
import type { PasswordSeal } from './password';
import { openTeamFile, type TeamConnection } from './team-state';

export interface ConnectOptions {
  dataDir: string;
  serverUrl: string;
  user: string;
  password: string;
  caFile?: string | null;
  allowInsecureHttp?: boolean;
  progressUrl?: string | null;
  calendarUrl?: string | null;
  /** Remembered so that later syncs can read the password again (the path only). */
  passwordFile?: string | null;
  /** The desktop app's safeStorage pair: the sealed password is stored, never the clear one. */
  seal?: PasswordSeal;
  now?: Date;
}

export async function connectTeam(
  options: ConnectOptions,
): Promise<{ connection: TeamConnection; created: string[] }> {
  const allowInsecureHttp = options.allowInsecureHttp ?? false;
  checkUrl(options.serverUrl, allowInsecureHttp);
  if (options.progressUrl) checkUrl(options.progressUrl, allowInsecureHttp, '--progress-collection');
  if (options.calendarUrl) checkUrl(options.calendarUrl, allowInsecureHttp, '--calendar-collection');
  const base = {
    serverUrl: options.serverUrl,
    user: options.user,
    progressUrl: options.progressUrl ?? '',
    calendarUrl: options.calendarUrl ?? '',
    caFile: options.caFile ?? null,
    allowInsecureHttp,
  };
  const session = openSession(base, options.password);
  let found;
  try {
    found = await discover(session, options.serverUrl, options.user, options);
  } catch (error) {
    throw explain(session, error);
  }
  const connection: TeamConnection = {
    ...base,
    progressUrl: found.progressUrl,
    calendarUrl: found.calendarUrl,
    passwordFile: options.passwordFile ?? null,
    sealedPassword: options.seal ? options.seal.seal(options.password) : null,
    connectedAt: (options.now ?? new Date()).toISOString(),
  };
  mkdirSync(options.dataDir, { recursive: true });
  openTeamFile(options.dataDir).update((s) => {
    const same =
      s.connection?.progressUrl === connection.progressUrl &&
      s.connection?.calendarUrl === connection.calendarUrl;
    // Another server or collection: what was known of the old one no longer holds; the outbox stays.
    return same
      ? { ...s, connection }
      : {
          ...s,
          connection,
          progress: { syncToken: null, objects: {} },
          calendar: { objects: {} },
          lastError: null,
        };
  });
  return { connection, created: found.created };
}
