/**
 * Matching with a 10k-report store, in the real extension: a pack generated at test time
 * from a seeded synthetic vocabulary (made-up English- and Arabic-looking words, with the
 * occasional real topic word so that some noise competes), plus three reports written for
 * this test about the stories of two demo pages (mosul-it-experts.html, English, and
 * detainees-transfer-ar.html, Arabic). Imported through the options page's path
 * ('packs/import'); the popup for each page must list its related reports above every
 * noise report, with reasons; after the worker is stopped
 * through the DevTools protocol, a reload and a direct 'match/related' give the same answer.
 */
import { expect, test, type Page } from '@playwright/test';
import { openPopup, openTab, serviceWorker } from '../../scripts/lib/browser';
import { rng } from '../../bench/lib/huge-page';
import { fingerprintText } from '../../src/core/packs';
import type { Pack, ReportRecord } from '../../src/core/packs';
import type { PageReport } from '../../src/shared/messages';
import { startHarness, type Harness } from './harness';

const N = 10_000;
const PACK_ID = 'scale-pack';

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

const EN_SYLLABLES = ['ka', 'lo', 'ven', 'dar', 'mi', 'tor', 'bel', 'san', 'qui', 'ros', 'tem', 'fal', 'nor', 'gri', 'pel', 'zu'];
const AR_SYLLABLES = ['بر', 'سا', 'نو', 'مك', 'ري', 'طل', 'حو', 'دم', 'قا', 'زي', 'فن', 'لو', 'شر', 'جم'];
/** Real words some noise reports carry, so that candidates share terms with the demo page. */
const TOPIC_WORDS = ['Mosul', 'ISIS', 'Iraq', 'propaganda', 'media', 'officials', 'Syria', 'fighters', 'الموصل', 'داعش', 'العراق'];

function vocabulary(r: () => number, syllables: string[], n: number): string[] {
  const words = new Set<string>();
  while (words.size < n) {
    const k = 2 + Math.floor(r() * 3);
    let w = '';
    for (let i = 0; i < k; i++) w += syllables[Math.floor(r() * syllables.length)];
    words.add(w);
  }
  return [...words];
}

function noisePack(): Pack {
  const r = rng(20161012);
  const en = vocabulary(r, EN_SYLLABLES, 3000);
  const ar = vocabulary(r, AR_SYLLABLES, 3000);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const words = (n: number, lang: 'en' | 'ar', topical: boolean) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(topical && r() < 0.08 ? pick(TOPIC_WORDS) : pick(lang === 'ar' ? ar : en));
    return out.join(' ');
  };
  const sources = Array.from({ length: 5 }, (_, k) => ({
    id: `scale-outlet-${k + 1}`, name: `Scale Outlet ${k + 1}`, domains: [`outlet${k + 1}.scale.test`], type: 'news-site' as const,
    country: 'XX', languages: ['en', 'ar'], notes: 'Fictional outlet of the scale test.',
  }));
  const reports: ReportRecord[] = [];
  for (let i = 0; i < N; i++) {
    const lang = r() < 0.4 ? 'ar' : 'en';
    const topical = r() < 0.05;
    const text = words(120, lang, topical);
    const k = 1 + (i % 5);
    reports.push({
      id: `scale-${i}`, title: words(8, lang, topical), sourceId: `scale-outlet-${k}`, url: `https://outlet${k}.scale.test/${i}`,
      published: `2016-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, lang,
      summary: text.slice(0, 300), tags: [], fingerprint: fingerprintText(text, lang),
    });
  }
  // Three reports on the demo page's story, written for this test.
  const related: (ReportRecord & { text: string })[] = [
    {
      id: 'scale-rel-en-1', title: 'Foreign IT specialists abandon ISIS media offices in Mosul', sourceId: 'scale-outlet-1',
      url: 'https://outlet1.scale.test/rel-1', published: '2016-04-28', lang: 'en', tags: ['propaganda', 'defectors', 'mosul'],
      summary: 'Dozens of foreign computer technicians and media producers have left the Islamic State in Mosul, according to local officials in Nineveh.',
      entities: { people: ['Raafat al-Zarari'], organisations: ['ARA News'], places: ['Mosul', 'Nineveh'] },
      text: 'Dozens of foreign computer technicians and media producers have deserted the Islamic State in Mosul. Raafat al-Zarari, head of the Nineveh media center, said the group now lacks IT staff after coalition air strikes on its media buildings. A source close to the group said American technicians left through Syria into Turkey, and that the remaining militants cannot search the phones the Hisba seizes from residents.',
    },
    {
      id: 'scale-rel-en-2', title: 'Mosul: Islamic State propaganda wing short of technicians after desertions', sourceId: 'scale-outlet-3',
      url: 'https://outlet3.scale.test/rel-3', published: '2016-04-30', lang: 'en', tags: ['propaganda', 'mosul'],
      summary: 'Coalition strikes on media centres and a wave of departures of foreign specialists have left ISIS propaganda offices in Mosul understaffed.',
      entities: { people: ['Raafat al-Zarari'], places: ['Mosul'] },
      text: 'Coalition strikes on media centres and the departure of foreign IT experts have left the ISIS propaganda offices in Mosul understaffed, said Raafat al-Zarari of the Nineveh media center. Hundreds of foreign fighters have also left the group to return home, local sources said.',
    },
    {
      id: 'scale-rel-ar-1', title: 'محلل عراقي: داعش ينقل التجنيد إلى الإنترنت مع نقل آلاف المعتقلين إلى العراق', sourceId: 'scale-outlet-2',
      url: 'https://outlet2.scale.test/rel-ar-1', published: '2026-01-25', lang: 'ar', tags: ['recruitment', 'detainees'],
      summary: 'المحلل السياسي مخلد حازم يقول لوكالة نوفوستي إن تنظيم داعش يعتمد على التجنيد الإلكتروني، بالتزامن مع نقل نحو سبعة آلاف معتقل من سوريا إلى العراق.',
      entities: { people: ['مخلد حازم', 'محمد علاوي'], organisations: ['نوفوستي'], places: ['العراق', 'سوريا'] },
      text: 'قال المحلل السياسي العراقي مخلد حازم لوكالة نوفوستي إن تنظيم داعش انتقل من المبايعة العلنية إلى التجنيد الإلكتروني عبر منصات التواصل بعد خسارة معاقله. ويأتي ذلك مع نقل نحو سبعة آلاف معتقل من سجون شمال شرقي سوريا إلى العراق بإشراف التحالف الدولي، فيما دعا الوزير الأسبق محمد علاوي إلى مراجعة إدارة السجون تفاديا لحوادث الفرار.',
    },
  ];
  for (const { text, ...rec } of related) reports.push({ ...rec, fingerprint: fingerprintText(text, rec.lang) });
  return {
    format: 'provenance-pack/1', id: PACK_ID, name: 'Scale test pack', version: '1.0.0', publisher: 'Test desk',
    updated: '2026-11-01T10:00:00Z', sources, reports,
  };
}

/** The reports written for each demo page, and the default pack's report of the same story. */
const MOSUL = { file: 'mosul-it-experts.html', related: ['scale-rel-en-1', 'scale-rel-en-2'], top: /^(ara-news|scale-rel-en-)/ };
const DETAINEES = { file: 'detainees-transfer-ar.html', related: ['scale-rel-ar-1'], top: /^(mennews|scale-rel-ar-)/ };
const RELATED_COUNT = 3;

/** The related list as the popup shows it: ids and reasons, in order. */
async function popupRelated(popup: Page): Promise<{ id: string; reasons: string[] }[]> {
  await expect(popup.getByTestId('related-item').first()).toBeVisible();
  return popup.getByTestId('related-item').evaluateAll((els) =>
    els.map((e) => ({ id: e.getAttribute('data-report-id') ?? '', reasons: [...e.querySelectorAll('.reasons li')].map((li) => li.textContent ?? '') })),
  );
}

function expectRelatedFirst(items: { id: string; reasons: string[] }[], want: { related: string[]; top: RegExp }): void {
  const ids = items.map((x) => x.id);
  for (const id of want.related) expect(ids, `${id} in the related list`).toContain(id);
  for (const x of items.filter((x) => want.related.includes(x.id))) expect(x.reasons.filter((s) => s.trim()).length, `reasons for ${x.id}`).toBeGreaterThan(0);
  // Every related report ranks above every noise report; the first is the story's own.
  const lastRelated = Math.max(...want.related.map((id) => ids.indexOf(id)));
  const firstNoise = ids.findIndex((id) => /^scale-\d+$/.test(id));
  if (firstNoise >= 0) expect(lastRelated, `related reports above noise: ${ids.join(', ')}`).toBeLessThan(firstNoise);
  expect(ids[0]).toMatch(want.top);
}

async function tabState(tabId: number): Promise<{ analysedAt: number | null; page: PageReport | null } | null> {
  const w = await serviceWorker(h.context);
  return w.evaluate(async (id) => {
    const k = `tab:${id}`;
    return ((await chrome.storage.session.get(k))[k] ?? null) as never;
  }, tabId);
}

async function waitForNewAnalysis(tabId: number, after: number): Promise<void> {
  await expect
    .poll(async () => (await tabState(tabId).catch(() => null))?.analysedAt ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(after);
}

test('10k-report store: the demo page relates to its story first, before and after a worker restart', async () => {
  test.setTimeout(180_000);
  const t0 = Date.now();
  const text = JSON.stringify(noisePack());
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/src/options/index.html`);
  const t1 = Date.now();
  const res = await options.evaluate((t) => chrome.runtime.sendMessage({ type: 'packs/import', text: t }), text);
  expect(res, JSON.stringify(res).slice(0, 500)).toMatchObject({ ok: true, status: 'imported', reports: N + RELATED_COUNT });
  const importMs = Date.now() - t1;

  // The Arabic demo page and its Arabic report.
  const ar = await openTab(h.context, h.url(DETAINEES.file));
  await waitForNewAnalysis(ar.tabId, 0);
  let popup = await openPopup(h.context, h.extensionId, ar.tabId);
  expectRelatedFirst(await popupRelated(popup), DETAINEES);
  await popup.close();
  await ar.page.close();

  const { page, tabId } = await openTab(h.context, h.url(MOSUL.file));
  await waitForNewAnalysis(tabId, 0);
  popup = await openPopup(h.context, h.extensionId, tabId);
  const before = await popupRelated(popup);
  expectRelatedFirst(before, MOSUL);
  await popup.close();
  const firstAnalysis = (await tabState(tabId))!;

  // Stop the worker; the reloaded page is analysed by a new worker, with the same result.
  const cdp = await h.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await (await serviceWorker(h.context)).evaluate(() => ((globalThis as any).__beforeStop = true));
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.reload();
  await waitForNewAnalysis(tabId, firstAnalysis.analysedAt ?? 0);
  expect(await (await serviceWorker(h.context)).evaluate(() => (globalThis as any).__beforeStop ?? false)).toBe(false);
  popup = await openPopup(h.context, h.extensionId, tabId);
  const afterReload = await popupRelated(popup);
  expectRelatedFirst(afterReload, MOSUL);
  expect(afterReload.map((x) => x.id)).toEqual(before.map((x) => x.id));
  await popup.close();

  // And asked directly from an extension page, right after another stop.
  await cdp.send('ServiceWorker.stopAllWorkers');
  const direct = await options.evaluate((p) => chrome.runtime.sendMessage({ type: 'match/related', page: p }), firstAnalysis.page!);
  expect(direct.ok, JSON.stringify(direct).slice(0, 300)).toBe(true);
  expect(direct.related.map((r: { reportId: string }) => r.reportId)).toEqual(before.map((x) => x.id));
  console.log(`scale test: pack of ${N + RELATED_COUNT} reports (${(text.length / 1e6).toFixed(1)} MB) built in ${t1 - t0} ms, imported in ${importMs} ms; related: ${before.map((x) => x.id).join(', ')}`);
});
