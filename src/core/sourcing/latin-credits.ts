/**
 * Lines of an English (or French) article that credit where the story comes from, as the
 * sourcing grammar reads them: credit lines ("Originally published on X", "Source: X") and
 * datelines ("BAGHDAD (Reuters) -", "Middle East News Network: …"). Split from latin.ts.
 */
import { creditLine as creditLead } from './credit-line';
import type { ExtractorState } from './extractor-state';
import { HAS_ARABIC } from './grammar';
import { outletAtStart, words } from './outlets';
import type { Sentence } from './sentences';
import { tokenize, type Tok } from './tokens';

/** Words of a body that publishes data, not news ("Source: U.S. Census Bureau", "Source: World Bank"). */
const DATA_BODY = /\b(?:office|authority|bureau|department|ministry|census|commission|council|board|institute|university|bank|fund|administration|statistics|survey|data|police)\b/i;

/** "Originally published on X", "Source: X", "This article first appeared on X". */
export function creditLine(x: ExtractorState, s: Sentence): boolean {
  const m = creditLead(s.text);
  if (!m) return false;
  const rest = m.rest;
  const restToks = tokenize(rest, 0, 40);
  const ws = words(restToks);
  let o = outletAtStart(x.idx, ws, 0, false);
  if (!o) {
    // An unknown outlet credited by name: short and capitalised (or a domain).
    const name = rest.split(/[,;(]|\s[-–—]\s/)[0].replace(/[.\s]+$/, '').trim();
    // ("Source: County transit office" under a chart credits its data, not a news outlet.)
    if (name && name.split(/\s+/).length <= 5 && (/^\p{Lu}/u.test(name) || /^[a-z0-9-]+\.[a-z.]{2,}$/i.test(name)) && !DATA_BODY.test(name)) o = { name, sourceId: null, next: 0, first: 0 };
  }
  if (!o) return false;
  const d = x.emit({ k: 'outlet', name: o.name, sourceId: o.sourceId }, m.lead, s.start, HAS_ARABIC.test(s.text) ? 'ar' : 'en');
  if (d) d.republished = true;
  return true;
}

/** "BAGHDAD (Reuters) -" and "Middle East News Network: …" at the start of a paragraph. */
export function dateline(x: ExtractorState, s: Sentence, toks: Tok[]): void {
  if (s.inPara !== 0) return;
  const m = /^(?:[\p{Lu}][\p{Lu}\p{L} .,'’/-]{0,40}\s*)?\(([^()]{2,40})\)\s*[-–—:]/u.exec(s.text);
  // "BAGHDAD (Reuters) –" is wire copy, a credit of the whole story (see wire.ts), not a
  // statement by the agency about the first sentence: no item.
  if (m) return;
  const c = /^([^:.!?]{2,60}):\s+\S/.exec(s.text);
  if (c) {
    let end = 0;
    while (end < toks.length && toks[end].raw !== ':') end++;
    const o = outletAtStart(x.idx, words(toks, 0, end), 0, true);
    if (o) x.emit({ k: 'outlet', name: o.name, sourceId: o.sourceId }, 'dateline', s.start, 'en');
  }
}
