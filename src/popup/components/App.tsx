import { useEffect, useState } from 'preact/hooks';
import type { PageReport, TabState } from '../../shared/messages';
import { getContentState, getSourceForPage, getWorkerState, nextTabState, resolveTabId, setSourcingMarks } from '../api';
import { SaveReportSection } from './SaveReportSection';
import { ArticleSection } from './ArticleSection';
import { HighlightsSection } from './HighlightsSection';
import { RelatedSection } from './RelatedSection';
import { SourceSection } from './SourceSection';
import { SourcingSection } from './SourcingSection';
import { ClaimsSection } from './ClaimsSection';
import { hostOf } from '../../core/match/host';
import { FactCheckSection } from './FactCheckSection';
import { ChangesSection } from './ChangesSection';
import { t, tp } from '../../shared/i18n';

type View =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'unreadable' }
  | { kind: 'ready'; state: TabState; page: PageReport };

/** How long to wait for the worker's analysis of a page the content script has read. */
const WAIT_MS = 10_000;

const isAnalysed = (s: TabState): s is TabState & { page: PageReport } => s.status === 'analysed' && !!s.page;

/**
 * The worker's state for the tab, or the content script's quick verdict. No polling: the
 * content script answers when its analysis ends (`wait`), and the worker's result is
 * followed in storage.session (the tab's key) until it is written.
 */
async function load(tabId: number, analyseNow: boolean): Promise<View> {
  // After "Analyse … anyway", only the state of the requested analysis will do, not an older one.
  const ready = (s: TabState): s is TabState & { page: PageReport } => isAnalysed(s) && (!analyseNow || s.page.requested === true);
  // Listen before asking, so that a state written meanwhile is not missed.
  const follow = nextTabState(tabId, ready, WAIT_MS);
  try {
    const state = await getWorkerState(tabId);
    if (isAnalysed(state) && !analyseNow) return { kind: 'ready', state, page: state.page };
    const content = await getContentState(tabId, { analyseNow, wait: true });
    if (!content) return { kind: 'unreadable' };
    if (content.page?.stage === 'quick') {
      const source = await getSourceForPage(content.page).catch(() => null);
      return { kind: 'ready', state: { ...state, status: 'analysed', page: content.page, source }, page: content.page };
    }
    // A full analysis exists (or is under way): the worker has it or will have it in a moment.
    const again = await getWorkerState(tabId);
    if (ready(again)) return { kind: 'ready', state: again, page: again.page };
    const next = await follow.state;
    if (next && ready(next)) return { kind: 'ready', state: next, page: next.page };
    return { kind: 'error', message: t('app_too_long') };
  } finally {
    follow.stop();
  }
}

export function App() {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [tabId, setTabId] = useState<number | null>(null);
  const [marks, setMarks] = useState<{ on: boolean; status: string | null }>({ on: false, status: null });

  const toggleMarks = (on: boolean) => {
    if (tabId === null || view.kind !== 'ready') return;
    setMarks({ on, status: on ? t('app_marking') : null });
    // Statements only: a belief or intention lies inside one and is listed in the popup.
    const items = (view.state.sourcing?.items ?? []).filter((it) => !it.mode).map(({ kind, quote }) => ({ kind, quote }));
    void setSourcingMarks(tabId, on, items).then((r) => {
      if (!r) setMarks({ on: false, status: t('app_mark_failed') });
      else setMarks({ on, status: on ? tp('app_marked', r.total, r.placed) : null });
    });
  };

  const refresh = (analyseNow = false) => {
    setView({ kind: 'loading' });
    resolveTabId()
      .then((id) => {
        if (id === null) return { kind: 'unreadable' } as View;
        setTabId(id);
        return load(id, analyseNow);
      })
      .then(setView)
      .catch((e: unknown) => setView({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
  };
  useEffect(() => refresh(), []);

  return (
    <>
      <header class="top">
        <img src="/icons/icon32.png" width={18} height={18} alt="" />
        <h1>{t('extName')}</h1>
        <a href="/src/library/index.html" target="_blank" class="muted" title={t('app_library_title')}>{t('app_library')}</a>
        <a href="/src/options/index.html" target="_blank" class="muted" title={t('app_settings_title')}>{t('app_settings')}</a>
      </header>
      <main aria-live="polite" aria-busy={view.kind === 'loading'}>
        {view.kind === 'loading' && (
          <p data-testid="loading">
            <span class="spinner" aria-hidden="true" /> {t('app_loading')}
          </p>
        )}
        {view.kind === 'error' && (
          <div class="notice" role="alert" data-testid="error">
            <p>{t('app_error', view.message)}</p>
            <button onClick={() => refresh()}>{t('app_retry')}</button>
          </div>
        )}
        {view.kind === 'unreadable' && (
          <p class="empty" data-testid="unreadable">
            {t('app_unreadable')}
          </p>
        )}
        {view.kind === 'ready' && (
          <>
            <ArticleSection page={view.page} provenance={view.state.provenance} onAnalyse={tabId !== null ? () => refresh(true) : undefined} />
            <ChangesSection changes={view.state.changes} />
            <FactCheckSection reviews={view.page.claimReviews} />
            <SourceSection source={view.state.source} host={view.state.host ?? hostOf(view.page.url)} siteName={view.page.siteName} />
            <SourcingSection sourcing={view.state.sourcing ?? null} pageText={view.page.text} provenance={view.state.provenance} onToggleMarks={tabId !== null ? toggleMarks : undefined} marksOn={marks.on} marksStatus={marks.status} />
            <ClaimsSection claims={view.state.claims ?? []} sourcing={view.state.sourcing ?? null} />
            <RelatedSection related={view.state.related} onTopic={view.page.verdict.onTopic} />
            <SaveReportSection tabId={tabId} savedReportId={view.state.savedReportId ?? null} analysed={view.page.stage === 'full'} key={view.state.savedReportId ?? 'new'} />
            <HighlightsSection tabId={tabId} url={view.page.url} changedParagraphs={view.state.changes?.changedParagraphs} />
          </>
        )}
      </main>
    </>
  );
}
