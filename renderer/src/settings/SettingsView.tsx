/**
 * Settings: reminders, digest, language, theme, start-up and the iCal feed, saved through
 * api.updateSettings as they change; plus export/import of the user's data and an iCal download.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompassApi, ExportedFile, Snapshot } from '../../../electron/contract/api';
import { CHAPTERS, type Chapter } from '../../../electron/core/chapters';
import type { Settings } from '../../../electron/core/user-state';
import { errorMessage } from '../app/errors';
import { Field } from '../app/Field';
import { Modal } from '../app/Modal';
import { TeamRecordImport } from './TeamRecordImport';
import { TeamSettings } from './TeamSettings';

export interface SettingsViewProps {
  api: CompassApi;
  snapshot: Snapshot;
  onSnapshot(snapshot: Snapshot): void;
}

/** "30, 7, 1, 0" → [30, 7, 1, 0]; null when any part is not a whole number of days 0–365 or there are more than 10. */
export function parseLeadTimes(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length > 10) return null;
  const days = parts.map(Number);
  if (days.some((d, i) => !/^\d+$/.test(parts[i]!) || d > 365)) return null;
  return [...new Set(days)].sort((a, b) => b - a);
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A numeric text field saved when it loses focus or on Enter (so half-typed values are not saved). */
function NumbersField(props: {
  label: string;
  hint?: string;
  error: string | null;
  value: string;
  onChange(value: string): void;
  onCommit(): void;
}) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <input
          {...control}
          value={props.value}
          inputMode="numeric"
          onChange={(e) => props.onChange(e.target.value)}
          onBlur={props.onCommit}
          onKeyDown={(e) => e.key === 'Enter' && props.onCommit()}
        />
      )}
    </Field>
  );
}

/** How long a feed that is on may take to start before Settings says it is not running. */
const FEED_START_GRACE_MS = 3000;

/** The running feed's http and webcal addresses, each with a copy button, and a subscribe link. */
function FeedAddress({
  urls,
  port,
  api,
  onSnapshot,
}: {
  urls: { http: string; webcal: string } | null;
  port: number;
  api: CompassApi;
  onSnapshot(snapshot: Snapshot): void;
}) {
  const { t } = useTranslation('ui');
  const id = useId();
  const [copied, setCopied] = useState<{ ok: boolean } | null>(null);
  /** The port that had not started within the grace time. */
  const [lateFor, setLateFor] = useState<number | null>(null);
  const late = lateFor === port;
  useEffect(() => {
    if (urls) return;
    // The server starts after the settings are saved: ask until it runs (or the grace time ends).
    const poll = setInterval(() => {
      api.getSnapshot({}).then(
        (next) => next.feed && onSnapshot(next),
        () => undefined,
      );
    }, 500);
    const timer = setTimeout(() => {
      clearInterval(poll);
      setLateFor(port);
    }, FEED_START_GRACE_MS);
    return () => {
      clearInterval(poll);
      clearTimeout(timer);
    };
  }, [urls, port, api, onSnapshot]);
  if (!urls) {
    return (
      <p className={late ? 'form-message error' : 'hint'} role={late ? 'alert' : 'status'}>
        {late ? t('feedAddress.notRunning') : t('feedAddress.starting')}
      </p>
    );
  }
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied({ ok: true });
    } catch {
      setCopied({ ok: false });
    }
  };
  const row = (kind: 'http' | 'webcal', url: string) => (
    <div className="feed-address-row">
      <label htmlFor={`${id}-${kind}`}>{t(`feedAddress.${kind}`)}</label>
      <input id={`${id}-${kind}`} type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
      <button
        type="button"
        aria-label={t(kind === 'http' ? 'feedAddress.copyHttp' : 'feedAddress.copyWebcal')}
        onClick={() => void copy(url)}
      >
        {t('feedAddress.copy')}
      </button>
    </div>
  );
  return (
    <section className="feed-address" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('feedAddress.heading')}</h4>
      {row('http', urls.http)}
      {row('webcal', urls.webcal)}
      <p>
        <a href={urls.webcal}>{t('feedAddress.subscribe')}</a>
      </p>
      <p className={copied?.ok === false ? 'form-message error' : 'form-message'} role="status">
        {copied ? t(copied.ok ? 'feedAddress.copied' : 'feedAddress.copyFailed') : ''}
      </p>
    </section>
  );
}

export function SettingsView({ api, snapshot, onSnapshot }: SettingsViewProps) {
  const { t } = useTranslation('ui');
  const id = useId();
  const s = snapshot.settings;
  const [leadText, setLeadText] = useState(s.leadTimesDays.join(', '));
  const [leadError, setLeadError] = useState<string | null>(null);
  const [portText, setPortText] = useState(String(s.feed.port));
  const [portError, setPortError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  /** What the data buttons did, shown beside them (where the user is), not at the top. */
  const [dataMessage, setDataMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  /** A file picked for import, waiting for the user to confirm that it replaces everything. */
  const [pendingImport, setPendingImport] = useState<{ name: string; content: string } | null>(null);
  const [authorText, setAuthorText] = useState(s.author ?? '');
  /** The name on progress entries: saved on leaving the field or Enter; empty means the OS user. */
  const saveAuthor = () => {
    const name = authorText.trim();
    const next = name === '' ? null : name.slice(0, 200);
    if (next !== s.author) void save({ author: next });
  };

  const [mePerson, setMePerson] = useState(s.me?.person ?? '');
  const [meUnit, setMeUnit] = useState(s.me?.unit ?? '');
  /** Who "I" am and my unit for the owner filter: saved on leaving a field or Enter; empty: the default. */
  const saveMe = () => {
    const clean = (text: string) => (text.trim() === '' ? null : text.trim().slice(0, 200));
    const next = { person: clean(mePerson), unit: clean(meUnit) };
    if (next.person !== (s.me?.person ?? null) || next.unit !== (s.me?.unit ?? null)) void save({ me: next });
  };

  const save = async (patch: Partial<Settings>) => {
    try {
      onSnapshot(await api.updateSettings(patch));
      setMessage({ kind: 'ok', text: t('settings.saved') });
    } catch (error) {
      setMessage({ kind: 'error', text: t('settings.saveFailed', { message: errorMessage(error) }) });
    }
  };

  const saveLeadTimes = () => {
    const days = parseLeadTimes(leadText);
    if (!days) {
      setLeadError(t('settings.leadTimesInvalid'));
      return;
    }
    setLeadError(null);
    setLeadText(days.join(', '));
    if (days.join() !== s.leadTimesDays.join()) void save({ leadTimesDays: days });
  };

  const savePort = () => {
    const port = Number(portText);
    if (!/^\d+$/.test(portText.trim()) || port < 1024 || port > 65535) {
      setPortError(t('settings.portInvalid'));
      return;
    }
    setPortError(null);
    if (port !== s.feed.port) void save({ feed: { ...s.feed, port } });
  };

  /** Saves an export where the user says (a save dialog, or a download in a browser). */
  const saveExport = async (exported: Promise<ExportedFile>) => {
    try {
      const saved = await api.saveFile(await exported);
      setDataMessage(
        saved.saved ? { kind: 'ok', text: t('saveFile.saved', { file: saved.fileName }) } : null,
      );
    } catch (error) {
      setDataMessage({ kind: 'error', text: errorMessage(error) });
    }
  };

  const pickImport = async (file: File | undefined) => {
    if (!file) return;
    try {
      setDataMessage(null);
      setPendingImport({ name: file.name, content: await file.text() });
    } catch (error) {
      setDataMessage({ kind: 'error', text: t('importConfirm.failed', { message: errorMessage(error) }) });
    }
  };

  const confirmImport = async () => {
    const pending = pendingImport;
    setPendingImport(null);
    if (!pending) return;
    try {
      onSnapshot(await api.importState({ content: pending.content }));
      setDataMessage({ kind: 'ok', text: t('settings.imported') });
    } catch (error) {
      setDataMessage({ kind: 'error', text: t('importConfirm.failed', { message: errorMessage(error) }) });
    }
  };

  const toggleFeedChapter = (chapter: Chapter, on: boolean) => {
    const chapters = on ? [...s.feed.chapters, chapter] : s.feed.chapters.filter((c) => c !== chapter);
    void save({ feed: { ...s.feed, chapters: CHAPTERS.filter((c) => chapters.includes(c)) } });
  };

  const check = (label: ReactNode, checked: boolean, onChange: (on: boolean) => void) => (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );

  return (
    <div className="settings-view">
      <h2>{t('settings.heading')}</h2>
      <p
        className={message?.kind === 'error' ? 'form-message error' : 'form-message'}
        role={message?.kind === 'error' ? 'alert' : 'status'}
      >
        {message?.text}
      </p>
      <form className="settings-form" onSubmit={(e) => e.preventDefault()} aria-label={t('settings.heading')}>
        <fieldset>
          <legend>{t('settings.reminders')}</legend>
          <NumbersField
            label={t('settings.leadTimes')}
            hint={t('settings.leadTimesHint')}
            error={leadError}
            value={leadText}
            onChange={setLeadText}
            onCommit={saveLeadTimes}
          />
          <Field label={t('settings.timeOfDay')}>
            {(control) => (
              <input
                {...control}
                type="time"
                value={s.timeOfDay}
                onChange={(e) =>
                  /^\d\d:\d\d$/.test(e.target.value) && void save({ timeOfDay: e.target.value })
                }
              />
            )}
          </Field>
          {check(t('settings.shiftWeekends'), s.shiftWeekends, (on) => void save({ shiftWeekends: on }))}
        </fieldset>

        <fieldset>
          <legend>{t('settings.digest')}</legend>
          {check(
            t('settings.digestEnabled'),
            s.digest.enabled,
            (on) => void save({ digest: { ...s.digest, enabled: on } }),
          )}
          <Field label={t('settings.digestWeekday')}>
            {(control) => (
              <select
                {...control}
                value={s.digest.weekday}
                disabled={!s.digest.enabled}
                onChange={(e) => void save({ digest: { ...s.digest, weekday: Number(e.target.value) } })}
              >
                {WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {t(`weekday.${d}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('settings.digestTime')}>
            {(control) => (
              <input
                {...control}
                type="time"
                value={s.digest.time}
                disabled={!s.digest.enabled}
                onChange={(e) =>
                  /^\d\d:\d\d$/.test(e.target.value) &&
                  void save({ digest: { ...s.digest, time: e.target.value } })
                }
              />
            )}
          </Field>
        </fieldset>

        <Field
          label={t('log.author')}
          hint={s.author === null ? t('log.authorHint', { name: snapshot.author }) : undefined}
        >
          {(control) => (
            <input
              {...control}
              value={authorText}
              autoComplete="name"
              onChange={(e) => setAuthorText(e.target.value)}
              onBlur={saveAuthor}
              onKeyDown={(e) => e.key === 'Enter' && saveAuthor()}
            />
          )}
        </Field>

        <fieldset>
          <legend>{t('owner.settingsLegend')}</legend>
          <Field
            label={t('owner.mePerson')}
            hint={
              s.me?.person
                ? undefined
                : t('owner.mePersonHint', { name: snapshot.me?.person ?? snapshot.author })
            }
          >
            {(control) => (
              <input
                {...control}
                value={mePerson}
                autoComplete="off"
                data-testid="me-person"
                onChange={(e) => setMePerson(e.target.value)}
                onBlur={saveMe}
                onKeyDown={(e) => e.key === 'Enter' && saveMe()}
              />
            )}
          </Field>
          <Field label={t('owner.meUnit')} hint={t('owner.meUnitHint')}>
            {(control) => (
              <input
                {...control}
                value={meUnit}
                autoComplete="organization"
                data-testid="me-unit"
                onChange={(e) => setMeUnit(e.target.value)}
                onBlur={saveMe}
                onKeyDown={(e) => e.key === 'Enter' && saveMe()}
              />
            )}
          </Field>
        </fieldset>

        <fieldset>
          <legend>{t('settings.appearance')}</legend>
          <Field label={t('settings.language')}>
            {(control) => (
              <select
                {...control}
                value={s.locale ?? 'system'}
                onChange={(e) =>
                  void save({ locale: e.target.value === 'system' ? null : (e.target.value as 'nl' | 'en') })
                }
              >
                <option value="system">{t('settings.languageSystem')}</option>
                <option value="nl" lang="nl">
                  Nederlands
                </option>
                <option value="en" lang="en">
                  English
                </option>
              </select>
            )}
          </Field>
          <Field label={t('settings.theme')}>
            {(control) => (
              <select
                {...control}
                value={s.theme}
                onChange={(e) => void save({ theme: e.target.value as Settings['theme'] })}
              >
                <option value="system">{t('settings.themeSystem')}</option>
                <option value="light">{t('settings.themeLight')}</option>
                <option value="dark">{t('settings.themeDark')}</option>
              </select>
            )}
          </Field>
        </fieldset>

        <fieldset>
          <legend>{t('settings.startup')}</legend>
          {check(t('settings.startAtLogin'), s.startAtLogin, (on) => void save({ startAtLogin: on }))}
          {check(t('settings.startHidden'), s.startHidden, (on) => void save({ startHidden: on }))}
        </fieldset>

        <fieldset>
          <legend>{t('settings.feed')}</legend>
          <p className="hint">{t('settings.feedHint')}</p>
          {check(
            t('settings.feedEnabled'),
            s.feed.enabled,
            (on) => void save({ feed: { ...s.feed, enabled: on } }),
          )}
          {s.feed.enabled ? (
            <FeedAddress urls={snapshot.feed ?? null} port={s.feed.port} api={api} onSnapshot={onSnapshot} />
          ) : null}
          <NumbersField
            label={t('settings.feedPort')}
            error={portError}
            value={portText}
            onChange={setPortText}
            onCommit={savePort}
          />
          <fieldset className="inner">
            <legend>{t('settings.feedChapters')}</legend>
            {CHAPTERS.map((chapter) => (
              <span key={chapter}>
                {check(t(`chapter.${chapter}`), s.feed.chapters.includes(chapter), (on) =>
                  toggleFeedChapter(chapter, on),
                )}
              </span>
            ))}
          </fieldset>
          {check(
            t('settings.feedIncludeAchieved'),
            s.feed.includeAchieved,
            (on) => void save({ feed: { ...s.feed, includeAchieved: on } }),
          )}
          <Field label={t('settings.feedLanguage')}>
            {(control) => (
              <select
                {...control}
                value={s.feed.lang}
                onChange={(e) => void save({ feed: { ...s.feed, lang: e.target.value as 'nl' | 'en' } })}
              >
                <option value="nl" lang="nl">
                  Nederlands
                </option>
                <option value="en" lang="en">
                  English
                </option>
              </select>
            )}
          </Field>
        </fieldset>
      </form>

      <TeamSettings api={api} />

      <section className="settings-data" aria-labelledby={`${id}-data`}>
        <h3 id={`${id}-data`}>{t('settings.data')}</h3>
        <div className="button-row">
          <button
            type="button"
            onClick={() =>
              void saveExport(
                api.exportIcal({
                  lang: s.feed.lang,
                  includeAchieved: s.feed.includeAchieved,
                  ...(s.feed.chapters.length ? { chapters: s.feed.chapters } : {}),
                }),
              )
            }
          >
            {t('settings.downloadIcal')}
          </button>
          <button type="button" onClick={() => void saveExport(api.exportState({}))}>
            {t('settings.exportState')}
          </button>
          <label className="file-button">
            <span>{t('settings.importState')}</span>
            <input
              type="file"
              accept="application/json,.json"
              onChange={(e) => {
                void pickImport(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </label>
        </div>
        <p
          className={dataMessage?.kind === 'error' ? 'form-message error' : 'form-message'}
          role={dataMessage?.kind === 'error' ? 'alert' : 'status'}
        >
          {dataMessage?.text}
        </p>
        <p className="hint">{t('settings.importHint')}</p>
      </section>
      <TeamRecordImport api={api} snapshot={snapshot} onSnapshot={onSnapshot} />
      {pendingImport ? (
        <Modal title={t('importConfirm.title')} onClose={() => setPendingImport(null)}>
          <p>{t('importConfirm.body', { file: pendingImport.name })}</p>
          <p>{t('importConfirm.backup')}</p>
          <div className="modal-actions">
            <button type="button" onClick={() => setPendingImport(null)}>
              {t('importConfirm.no')}
            </button>
            <button type="button" className="danger" onClick={() => void confirmImport()}>
              {t('importConfirm.yes')}
            </button>
          </div>
        </Modal>
      ) : null}
    </div>
  );
}
