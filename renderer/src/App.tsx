/**
 * The app shell: tabs (Timeline, Review 2025, Settings), the detail panel, the own-milestone
 * dialog, notices and toasts. It holds the snapshot, fed by api.getSnapshot and by the
 * `stateChanged` event; a change answers with its event's snapshot (see withStateReplies), so the
 * same object may come twice and is applied once (the newest revision wins). The open detail panel's milestone, with its
 * quote and history, is fetched on its own (`getMilestoneDetail`) and again after every change.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiEventPayloads, CompassApi, MilestoneDetail, Snapshot } from '../../electron/contract/api';
import { isOwn, type OwnMilestone } from '../../electron/core/milestone';
import { ErrorBoundary } from './app/ErrorBoundary';
import { Icon } from './app/Icon';
import { SectionNamesContext } from './app/sections';
import { parseRoute, TABS, type Tab } from './app/route';
import { errorMessage } from './app/errors';
import { Toasts, type Toast } from './app/Toasts';
import { DetailPanel } from './detail/DetailPanel';
import { i18n, resolveLanguage } from './i18n';
import { OwnMilestoneDialog } from './own/OwnMilestoneDialog';
import { TimelineView } from './timeline/TimelineView';

// The review and the settings are chunks of their own: the timeline opens without them.
const LazyReview = lazy(() =>
  import('./review/ReviewView').then((module) => ({ default: module.ReviewView })),
);
const LazySettings = lazy(() =>
  import('./settings/SettingsView').then((module) => ({ default: module.SettingsView })),
);

function useSystemDark(): boolean {
  const [query] = useState(() =>
    typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null,
  );
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  return dark;
}

const NO_SECTION_NAMES = {};

export function App({ api }: { api: CompassApi }) {
  const { t } = useTranslation('ui');
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [route] = useState(() => parseRoute(window.location.hash));
  const [tab, setTab] = useState<Tab>(route.tab);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [ownDialog, setOwnDialog] = useState<{ editing: OwnMilestone | null } | null>(null);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const returnFocus = useRef<HTMLElement | null>(null);
  const systemDark = useSystemDark();

  /** The revision shown: an older or the same snapshot arriving later (a reply after its event) is not applied again. */
  const shownRevision = useRef(0);
  const apply = useCallback((next: Snapshot) => {
    if (next.revision <= shownRevision.current) return;
    shownRevision.current = next.revision;
    const language = resolveLanguage(next.settings.locale, next.systemLocale);
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    setSnapshot(next);
  }, []);

  const openMilestone = useCallback((id: string) => {
    if (document.activeElement instanceof HTMLElement && !document.activeElement.closest('.detail-panel'))
      returnFocus.current = document.activeElement;
    setSelectedId(id);
  }, []);

  const closeDetail = useCallback(() => {
    setSelectedId(null);
    const back = returnFocus.current;
    if (back?.isConnected) back.focus();
  }, []);

  useEffect(() => {
    let live = true;
    api.getSnapshot({}).then(
      (s) => live && apply(s),
      (error: unknown) => live && setLoadError(errorMessage(error)),
    );
    const offState = api.on('stateChanged', (s) => apply(s));
    const offOpen = api.on('openMilestone', ({ id }) => {
      setTab('timeline');
      setSelectedId(id);
    });
    const offToast = api.on('toast', (payload: ApiEventPayloads['toast']) =>
      setToasts((list) => [...list.slice(-4), { ...payload, id: `${Date.now()}-${Math.random()}` }]),
    );
    return () => {
      live = false;
      offState();
      offOpen();
      offToast();
    };
  }, [api, apply]);

  // The open milestone in full (quote, note, its log and public record), fetched again after every change.
  const [detail, setDetail] = useState<
    | { id: string; value: MilestoneDetail; error?: never }
    | { id: string; error: string; value?: never }
    | null
  >(null);
  const revision = snapshot?.revision;
  useEffect(() => {
    if (!selectedId) return;
    let live = true;
    api.getMilestoneDetail({ id: selectedId }).then(
      (value) => live && setDetail({ id: selectedId, value }),
      (error: unknown) => live && setDetail({ id: selectedId, error: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, selectedId, revision]);

  // Back online: the team sync runs at once instead of waiting for its next round.
  useEffect(() => {
    const online = () => void api.syncTeam({}).catch(() => undefined);
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [api]);

  const themeChoice = snapshot?.settings.theme ?? 'system';
  const theme = themeChoice === 'system' ? (systemDark ? 'dark' : 'light') : themeChoice;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && selectedId && !document.querySelector('[aria-modal="true"]'))
        closeDetail();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selectedId, closeDetail]);

  if (!snapshot)
    return (
      <main className="app-loading">
        {loadError ? (
          <p role="alert">{t('app.loadFailed', { message: loadError })}</p>
        ) : (
          <p role="status">{t('app.loading')}</p>
        )}
      </main>
    );

  const language = resolveLanguage(snapshot.settings.locale, snapshot.systemLocale);
  const selected = selectedId ? snapshot.milestones.find((m) => m.id === selectedId) : undefined;

  const onTabKey = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    const next =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(index + TABS.length - 1) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  const view = (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <h1 className="app-name">
          <span aria-hidden="true" className="logo">
            <Icon name="deadline" />
          </span>{' '}
          Compass Timeline
        </h1>
        <div role="tablist" aria-label={t('app.views')} className="tabs" onKeyDown={onTabKey}>
          {TABS.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-controls={`panel-${name}`}
              aria-selected={tab === name}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => setTab(name)}
            >
              {t(`tabs.${name}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="language-switch"
          lang={language === 'nl' ? 'en' : 'nl'}
          onClick={() => void api.updateSettings({ locale: language === 'nl' ? 'en' : 'nl' }).then(apply)}
        >
          {language === 'nl' ? 'English' : 'Nederlands'}
        </button>
      </header>

      {snapshot.notices.length > 0 && (
        <section className="notices" aria-label={t('notices.label')}>
          {snapshot.notices.map((notice, index) => (
            <div className="notice" role="alert" key={`${index}-${notice}`}>
              <p>{notice}</p>
              <button type="button" onClick={() => void api.dismissNotice({ index }).then(apply)}>
                {t('notices.dismiss')}
              </button>
            </div>
          ))}
        </section>
      )}

      <div className="app-body">
        <main id="main" tabIndex={-1} className="app-main">
          <div
            role="tabpanel"
            id="panel-timeline"
            aria-labelledby="tab-timeline"
            hidden={tab !== 'timeline'}
            className="tabpanel"
          >
            <TimelineView
              api={api}
              onSnapshot={apply}
              snapshot={snapshot}
              active={tab === 'timeline'}
              selectedId={selectedId}
              onOpen={openMilestone}
              onAddOwn={() => setOwnDialog({ editing: null })}
            />
          </div>
          <div
            role="tabpanel"
            id="panel-review"
            aria-labelledby="tab-review"
            hidden={tab !== 'review'}
            className="tabpanel tabpanel-scroll"
          >
            {tab === 'review' && (
              <ErrorBoundary fallback={(message) => <p role="alert">{t('app.viewFailed', { message })}</p>}>
                <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
                  <LazyReview
                    api={api}
                    snapshot={snapshot}
                    onOpenMilestone={openMilestone}
                    initialAsOf={route.asOf}
                  />
                </Suspense>
              </ErrorBoundary>
            )}
          </div>
          <div
            role="tabpanel"
            id="panel-settings"
            aria-labelledby="tab-settings"
            hidden={tab !== 'settings'}
            className="tabpanel tabpanel-scroll"
          >
            {tab === 'settings' && (
              <ErrorBoundary fallback={(message) => <p role="alert">{t('app.viewFailed', { message })}</p>}>
                <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
                  <LazySettings api={api} snapshot={snapshot} onSnapshot={apply} />
                </Suspense>
              </ErrorBoundary>
            )}
          </div>
        </main>
        {selected && detail?.id === selected.id && detail.value ? (
          <DetailPanel
            key={selected.id}
            api={api}
            milestone={detail.value.milestone}
            progress={snapshot.progress[selected.id]}
            progressMap={snapshot.progress}
            log={detail.value.log}
            owner={snapshot.owners[selected.id] ?? null}
            publicRecord={detail.value.publicRecord}
            today={snapshot.today}
            onSnapshot={apply}
            onClose={closeDetail}
            onEdit={(m) => isOwn(m) && setOwnDialog({ editing: m })}
          />
        ) : (
          selected && (
            <aside className="detail-panel" aria-label={selected.title[language]}>
              {detail?.id === selected.id && detail.error ? (
                <p role="alert">{t('app.loadFailed', { message: detail.error })}</p>
              ) : (
                <p role="status">{t('app.loading')}</p>
              )}
            </aside>
          )
        )}
      </div>

      {ownDialog && (
        <OwnMilestoneDialog
          api={api}
          editing={ownDialog.editing}
          milestones={snapshot.milestones}
          onSnapshot={apply}
          onSaved={(id) => {
            setOwnDialog(null);
            setSelectedId(id);
          }}
          onClose={() => setOwnDialog(null)}
        />
      )}

      <Toasts
        toasts={toasts}
        api={api}
        onOpen={(id) => {
          setTab('timeline');
          openMilestone(id);
        }}
        onDismiss={(id) => setToasts((list) => list.filter((toast) => toast.id !== id))}
        onSnapshot={apply}
      />
    </div>
  );
  return (
    <SectionNamesContext.Provider value={snapshot.sectionNames ?? NO_SECTION_NAMES}>
      {view}
    </SectionNamesContext.Provider>
  );
}
