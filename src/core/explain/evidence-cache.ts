/**
 * The page's evidence (sourcing, claims, relays, fingerprint) worked out once per page and
 * reused: the worker explains the same page more than once (when its analysis arrives, again
 * after "Save page to library", and for a related-coverage query about it), and the sourcing
 * analysis is the largest part of each. An entry serves a page whose analysed fields (text,
 * language, site name, addresses) are the same, against the very same outlets array (the
 * worker keeps one array per store generation and outlet edit, so any change of the outlets
 * is a miss); a page whose text changed is worked out again.
 */
import { pageEvidence, type PageEvidence } from './explain';
import type { ExplainPage, OutletProfile } from './types';

type Key = Pick<ExplainPage, 'text' | 'lang' | 'siteName' | 'url' | 'canonicalUrl'>;

interface Entry {
  key: Key;
  outlets: readonly OutletProfile[];
  evidence: PageEvidence;
}

const sameKey = (a: Key, b: Key) =>
  a.url === b.url && a.canonicalUrl === b.canonicalUrl && a.lang === b.lang && a.siteName === b.siteName && a.text === b.text;

export class EvidenceCache {
  private entries: Entry[] = [];
  /** Evidence worked out (not taken from the cache), for tests and timings. */
  computed = 0;

  constructor(
    private readonly max = 8,
    private readonly compute: typeof pageEvidence = pageEvidence,
  ) {}

  /**
   * The page's evidence against these outlets; `claims: false` accepts an entry with or
   * without claims, otherwise an entry without them is worked out again with them.
   */
  get(page: ExplainPage, outlets: readonly OutletProfile[], opts: { claims?: boolean } = {}): PageEvidence {
    const wantClaims = opts.claims !== false;
    const i = this.entries.findIndex((e) => e.outlets === outlets && sameKey(e.key, page) && (e.evidence.withClaims || !wantClaims));
    if (i >= 0) {
      const [hit] = this.entries.splice(i, 1);
      this.entries.push(hit); // most recently used last
      return hit.evidence;
    }
    const evidence = this.compute(page, outlets, { claims: wantClaims });
    this.computed++;
    const key: Key = { text: page.text, lang: page.lang, siteName: page.siteName, url: page.url, canonicalUrl: page.canonicalUrl };
    // One entry per page and outlets: a fuller one replaces one without claims.
    this.entries = this.entries.filter((e) => !(e.outlets === outlets && sameKey(e.key, key)));
    this.entries.push({ key, outlets, evidence });
    // Entries for another outlets array can never be hit again once the array is replaced.
    this.entries = this.entries.filter((e) => e.outlets === outlets).slice(-this.max);
    return evidence;
  }

  clear(): void {
    this.entries = [];
  }
}
