/**
 * Running the fixture trials: each highlight re-anchored on each variant of its page,
 * judged on the words placed (same clean text, or spans overlapping ≥ 80 %), and summed up
 * in a FixtureReport.
 */
import { anchor, anchorWithRetry, buildTextModel, isWithin, rawToText, textSpanToRaw, type AnchorResult, type HighlightSelectors } from '../../../src/core/anchoring';
import { HIGHLIGHTS, type HighlightSpec } from '../../fixtures/anchoring/highlights';
import { PLACEMENT_VARIANTS, type FixtureReport, type Trial, type Variant, type VariantSummary } from './report';
import { describeSpec, fresh, type Setup } from './setup';
import { addInlineMarkup, adsAndComments, currentSpan, editAround, editInside, insertBefore, reindent, splitAndMerge } from './edits';

const now = () => performance.now();

function judge(st: Setup, res: AnchorResult): Pick<Trial, 'ok' | 'expected' | 'got' | 'iou' | 'status' | 'score'> {
  const model = buildTextModel(st.root);
  const { s: es, e: ee } = currentSpan(model, st);
  const expected = model.text.slice(es, ee).trim();
  if (res.status === 'orphan') return { ok: false, expected, got: `(orphan: ${res.reason})`, status: 'orphan' };
  const as = rawToText(model, res.start);
  const ae = rawToText(model, res.end);
  const got = model.text.slice(as, ae).trim();
  const inter = Math.max(0, Math.min(ae, ee) - Math.max(as, es));
  const union = Math.max(ae, ee) - Math.min(as, es);
  const iou = union > 0 ? inter / union : 0;
  return { ok: got === expected || iou >= 0.8, expected, got, iou: Math.round(iou * 100) / 100, status: res.status, score: res.score };
}

async function runTrial(spec: HighlightSpec, sel: HighlightSelectors, variant: Variant): Promise<Trial> {
  const st = fresh(spec);
  const base = { id: spec.id, variant };
  let skipped: string | null = null;
  switch (variant) {
    case 'unchanged':
      break;
    case 'inserted-before':
      insertBefore(st);
      break;
    case 'edited-inside':
      skipped = editInside(st, spec);
      break;
    case 'edited-around':
      skipped = editAround(st, spec);
      break;
    case 'ads-comments':
      adsAndComments(st, spec, true);
      break;
    case 'markup':
      reindent(st);
      addInlineMarkup(st, true);
      splitAndMerge(st);
      break;
    case 'combined':
      insertBefore(st);
      editInside(st, spec, 1);
      adsAndComments(st, spec, false);
      reindent(st);
      addInlineMarkup(st, false);
      break;
    case 'late-content':
      return lateContent(st, spec, sel);
    case 'removed':
      return removed(st, spec, sel);
  }
  if (skipped) return { ...base, ok: false, skipped, status: 'n/a', ms: 0 };
  const t0 = now();
  const res = anchor(st.root, sel);
  const ms = now() - t0;
  return { ...base, ...judge(st, res), ms };
}

async function lateContent(st: Setup, spec: HighlightSpec, sel: HighlightSelectors): Promise<Trial> {
  const { doc } = st;
  const article = doc.querySelector('article')!;
  const held = Array.from(article.childNodes).filter((c) => !(c.nodeType === 1 && ((c as Element).localName === 'h1' || (c as Element).getAttribute('class') === 'byline')));
  for (const c of held) article.removeChild(c);
  const first = anchor(st.root, sel);
  let notify: (() => void) | null = null;
  const t0 = now();
  const pending = anchorWithRetry(st.root, sel, {
    timeoutMs: 1000,
    minIntervalMs: 0,
    observe: (cb) => {
      notify = cb;
      return () => {
        notify = null;
      };
    },
  });
  await new Promise((r) => setTimeout(r, 5));
  for (const c of held) article.appendChild(c);
  (notify as (() => void) | null)?.();
  const res = await pending;
  const ms = now() - t0;
  const j = judge(st, res);
  const inHeader = !held.some((c) => isWithin(st.start.node, c));
  const failedFirst = first.status === 'orphan';
  // Must fail on the initial DOM (unless the quote is in the part that was there from the start).
  return { id: spec.id, variant: 'late-content', ...j, ok: j.ok && (failedFirst || inHeader), failedFirst, ms };
}

async function removed(st: Setup, spec: HighlightSpec, sel: HighlightSelectors): Promise<Trial> {
  let model = buildTextModel(st.root);
  const { s, e } = currentSpan(model, st);
  const text = model.text;
  let a = s;
  while (a > 0 && !(/[.!?؟]/.test(text[a - 1]) && text[a] === ' ')) a--;
  let b = e;
  while (b < text.length && !/[.!?؟]/.test(text[b - 1] ?? '')) b++;
  const raw = textSpanToRaw(model, a, b);
  st.ed.deleteRaw(model, raw.start, raw.end);
  model = buildTextModel(st.root);
  if (model.text.includes(spec.quote)) return { id: spec.id, variant: 'removed', ok: false, skipped: 'quote still occurs elsewhere', status: 'n/a', ms: 0 };
  const t0 = now();
  const res = anchor(st.root, sel, { model });
  const ms = now() - t0;
  const got = res.status === 'orphan' ? `(orphan: ${res.reason})` : model.text.slice(rawToText(model, res.start), rawToText(model, res.end));
  return { id: spec.id, variant: 'removed', ok: res.status === 'orphan', status: res.status, score: res.status === 'orphan' ? undefined : res.score, expected: '(orphan)', got, ms };
}

/**
 * Run every highlight × variant and summarise. `filter` restricts to some highlight ids
 * (for debugging).
 */
export async function runAnchoringFixtures(opts: { ids?: string[]; variants?: Variant[] } = {}): Promise<FixtureReport> {
  const specs = opts.ids ? HIGHLIGHTS.filter((h) => opts.ids!.includes(h.id)) : HIGHLIGHTS;
  const variants: Variant[] = opts.variants ?? [...PLACEMENT_VARIANTS, 'removed'];
  const trials: Trial[] = [];
  for (const spec of specs) {
    const sel = describeSpec(spec);
    for (const v of variants) trials.push(await runTrial(spec, sel, v));
  }
  const byVariant = {} as Record<Variant, VariantSummary>;
  for (const v of variants) byVariant[v] = { trials: 0, ok: 0, skipped: 0, failures: [] };
  const statusCounts: Record<string, number> = {};
  for (const t of trials) {
    const s = byVariant[t.variant];
    if (t.skipped) {
      s.skipped++;
      continue;
    }
    s.trials++;
    if (t.ok) s.ok++;
    else s.failures.push(t.id);
    statusCounts[t.status] = (statusCounts[t.status] ?? 0) + 1;
  }
  let placementTrials = 0;
  let placementOk = 0;
  for (const v of variants) {
    if (v === 'removed') continue;
    placementTrials += byVariant[v].trials;
    placementOk += byVariant[v].ok;
  }
  const orphan = byVariant.removed ?? { trials: 0, ok: 0 };
  const wrongPlacements = trials.filter((t) => !t.skipped && !t.ok && t.status !== 'orphan' && t.status !== 'n/a').length;
  return {
    highlights: specs.length,
    placementTrials,
    placementOk,
    successRate: placementTrials ? placementOk / placementTrials : 0,
    wrongPlacements,
    byVariant,
    orphanTrials: orphan.trials,
    orphanCorrect: orphan.ok,
    statusCounts,
    trials,
  };
}
