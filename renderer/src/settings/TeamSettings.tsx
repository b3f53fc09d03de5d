/**
 * Settings → Team: the connection to the team's CalDAV server (server address, user name,
 * password or app token, an optional extra CA file, plain http only when allowed), its state
 * (last sync, changes waiting, the last problem in words) in a live region, Sync now and
 * Disconnect. Everything goes through the typed API (getTeamStatus, connectTeam, syncTeam,
 * disconnectTeam) and follows the `teamStatus` event, so automatic syncs show as they happen.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  ApiCallError,
  TEAM_PROBLEMS,
  type CompassApi,
  type TeamProblem,
  type TeamStatus,
} from '../../../electron/contract/api';
import { Field } from '../app/Field';
import { formatInstant } from '../format';

export interface TeamSettingsProps {
  api: CompassApi;
}

interface Draft {
  serverUrl: string;
  user: string;
  password: string;
  caFile: string;
  allowInsecureHttp: boolean;
  progressUrl: string;
  calendarUrl: string;
}

const EMPTY_DRAFT: Draft = {
  serverUrl: '',
  user: '',
  password: '',
  caFile: '',
  allowInsecureHttp: false,
  progressUrl: '',
  calendarUrl: '',
};

/** A problem the UI can word: the engine's code, else 'protocol' (something unexpected). */
const problemOf = (value: unknown): TeamProblem =>
  (TEAM_PROBLEMS as readonly unknown[]).includes(value) ? (value as TeamProblem) : 'protocol';

/** The problem's words for the user, and the engine's own message for whoever helps them. */
function Problem({ problem, detail }: { problem: TeamProblem; detail: string }) {
  const { t } = useTranslation('ui');
  return (
    <div className="team-problem" role="alert">
      <p className="form-message error">{t(`team.problem.${problem}`)}</p>
      {detail ? (
        <details>
          <summary>{t('team.details')}</summary>
          <p className="team-detail">{detail}</p>
        </details>
      ) : null}
    </div>
  );
}

function ConnectForm({
  api,
  status,
  onStatus,
  initial,
  onCancel,
}: {
  api: CompassApi;
  status: TeamStatus;
  onStatus(status: TeamStatus): void;
  initial: Draft;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('ui');
  const id = useId();
  const [draft, setDraft] = useState<Draft>(initial);
  const [missing, setMissing] = useState<Set<keyof Draft>>(new Set());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ problem: TeamProblem; detail: string } | null>(null);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const trimmed = (value: string) => (value.trim() === '' ? null : value.trim());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = new Set<keyof Draft>(
      (['serverUrl', 'user', 'password'] as const).filter((key) => draft[key].trim() === ''),
    );
    setMissing(empty);
    if (empty.size > 0) return;
    setBusy(true);
    setProblem(null);
    try {
      const next = await api.connectTeam({
        serverUrl: draft.serverUrl.trim(),
        user: draft.user.trim(),
        password: draft.password,
        caFile: trimmed(draft.caFile),
        allowInsecureHttp: draft.allowInsecureHttp,
        progressUrl: trimmed(draft.progressUrl),
        calendarUrl: trimmed(draft.calendarUrl),
      });
      onStatus(next);
    } catch (error) {
      const apiError = error instanceof ApiCallError ? error.error : null;
      setProblem({
        problem: problemOf(apiError?.team),
        detail: error instanceof Error ? error.message : String(error),
      });
    } finally {
      setBusy(false);
    }
  };

  const required = (key: keyof Draft) => (missing.has(key) ? t(`team.missing.${key}`) : null);
  return (
    <form
      className="team-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('team.connectForm')}
      noValidate
    >
      <Field label={t('team.serverUrl')} hint={t('team.serverUrlHint')} error={required('serverUrl')}>
        {(control) => (
          <input
            {...control}
            type="url"
            autoComplete="url"
            spellCheck={false}
            value={draft.serverUrl}
            onChange={(e) => set('serverUrl')(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('team.user')} error={required('user')}>
        {(control) => (
          <input
            {...control}
            autoComplete="username"
            spellCheck={false}
            value={draft.user}
            onChange={(e) => set('user')(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('team.password')}
        hint={t(status.canSeal ? 'team.passwordSealedHint' : 'team.passwordMemoryHint')}
        error={required('password')}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="current-password"
            value={draft.password}
            onChange={(e) => set('password')(e.target.value)}
          />
        )}
      </Field>
      <details className="team-more">
        <summary>{t('team.more')}</summary>
        <Field label={t('team.caFile')} hint={t('team.caFileHint')}>
          {(control) => (
            <input
              {...control}
              spellCheck={false}
              value={draft.caFile}
              onChange={(e) => set('caFile')(e.target.value)}
            />
          )}
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.allowInsecureHttp}
            aria-describedby={`${id}-insecure-hint`}
            onChange={(e) => set('allowInsecureHttp')(e.target.checked)}
          />
          {t('team.allowInsecureHttp')}
        </label>
        <p className="hint" id={`${id}-insecure-hint`}>
          {t('team.allowInsecureHttpHint')}
        </p>
        <p className="hint">{t('team.collectionsHint')}</p>
        <Field label={t('team.progressUrl')}>
          {(control) => (
            <input
              {...control}
              type="url"
              spellCheck={false}
              value={draft.progressUrl}
              onChange={(e) => set('progressUrl')(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('team.calendarUrl')}>
          {(control) => (
            <input
              {...control}
              type="url"
              spellCheck={false}
              value={draft.calendarUrl}
              onChange={(e) => set('calendarUrl')(e.target.value)}
            />
          )}
        </Field>
      </details>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {t('team.connect')}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('team.cancel')}
          </button>
        ) : null}
      </div>
      <p className="form-message" role="status">
        {busy ? t('team.connecting') : ''}
      </p>
      {problem ? <Problem problem={problem.problem} detail={problem.detail} /> : null}
    </form>
  );
}

/** What the status says in words: syncing, last synced (what moved), never synced. */
function syncLine(status: TeamStatus, t: TFunction<'ui'>, language: string) {
  if (status.syncing) return t('team.syncing');
  if (!status.lastSync) return t('team.neverSynced');
  return t('team.lastSynced', {
    time: formatInstant(status.lastSync.at, language),
    sent: status.lastSync.sent,
    received: status.lastSync.received,
  });
}

export function TeamSettings({ api }: TeamSettingsProps) {
  const { t, i18n } = useTranslation('ui');
  const id = useId();
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reconnecting, setReconnecting] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.getTeamStatus({}).then(
      (next) => live && setStatus(next),
      (error: unknown) => live && setLoadError(error instanceof Error ? error.message : String(error)),
    );
    const off = api.on('teamStatus', (next) => setStatus(next));
    return () => {
      live = false;
      off();
    };
  }, [api]);

  const act = async (call: Promise<TeamStatus>) => {
    setActionError(null);
    try {
      setStatus(await call);
    } catch (error) {
      setActionError(error instanceof Error ? error.message : String(error));
    }
  };

  const heading = (
    <>
      <h3 id={`${id}-heading`}>{t('team.heading')}</h3>
      <p className="hint">{t('team.intro')}</p>
    </>
  );
  if (!status) {
    return (
      <section className="settings-team" aria-labelledby={`${id}-heading`}>
        {heading}
        <p className={loadError ? 'form-message error' : 'form-message'} role="status">
          {loadError ? t('team.unavailable', { message: loadError }) : t('team.loading')}
        </p>
      </section>
    );
  }
  const c = status.connection;
  if (!c) {
    return (
      <section className="settings-team" aria-labelledby={`${id}-heading`}>
        {heading}
        <ConnectForm api={api} status={status} onStatus={setStatus} initial={EMPTY_DRAFT} />
      </section>
    );
  }
  const needsPassword = status.password === 'none';
  const error = status.lastError;
  return (
    <section className="settings-team" aria-labelledby={`${id}-heading`}>
      {heading}
      <dl className="team-connection">
        <dt>{t('team.serverUrl')}</dt>
        <dd>{c.serverUrl}</dd>
        <dt>{t('team.user')}</dt>
        <dd>{c.user}</dd>
        <dt>{t('team.progressCollection')}</dt>
        <dd>{c.progressUrl}</dd>
        <dt>{t('team.calendarCollection')}</dt>
        <dd>{c.calendarUrl}</dd>
        <dt>{t('team.passwordKept')}</dt>
        <dd>{t(`team.passwordWhere.${status.password}`)}</dd>
      </dl>
      <div className="team-status" role="status" aria-live="polite">
        <p>{syncLine(status, t, i18n.language)}</p>
        <p>{t('team.pending', { count: status.pending })}</p>
      </div>
      {error ? (
        <>
          <Problem problem={error.problem} detail={error.message} />
          <p className="hint">{t('team.problemAt', { time: formatInstant(error.at, i18n.language) })}</p>
        </>
      ) : null}
      {reconnecting || needsPassword ? (
        <ConnectForm
          api={api}
          status={status}
          onStatus={(next) => {
            setStatus(next);
            setReconnecting(false);
          }}
          initial={{
            ...EMPTY_DRAFT,
            serverUrl: c.serverUrl,
            user: c.user,
            caFile: c.caFile ?? '',
            allowInsecureHttp: c.allowInsecureHttp,
            progressUrl: c.progressUrl,
            calendarUrl: c.calendarUrl,
          }}
          onCancel={needsPassword ? undefined : () => setReconnecting(false)}
        />
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          aria-disabled={status.syncing || needsPassword || undefined}
          onClick={() => {
            if (!status.syncing && !needsPassword) void act(api.syncTeam({}));
          }}
        >
          {t('team.syncNow')}
        </button>
        {!reconnecting && !needsPassword ? (
          <button type="button" onClick={() => setReconnecting(true)}>
            {t('team.reconnect')}
          </button>
        ) : null}
        <button type="button" onClick={() => void act(api.disconnectTeam({}))}>
          {t('team.disconnect')}
        </button>
      </div>
      <p className="hint">{t('team.disconnectHint')}</p>
      {actionError ? (
        <p className="form-message error" role="alert">
          {actionError}
        </p>
      ) : null}
    </section>
  );
}
