/**
 * Sourcing profile and claims of an article's text in one call, as the CLI and the
 * worker both need them. The page's own outlet is never counted as a relay.
 */
import { extractClaims } from '../claims';
import type { Analysis, ExtractedArticle } from '../model';
import { extractAttributions } from './attributions';
import { selfOutlet } from './outlets';
import { sourcingProfile } from './profile';
import type { OutletName } from './outlet-name';

export type SourcingInput = Pick<ExtractedArticle, 'text' | 'lang' | 'siteName' | 'canonicalUrl' | 'url'> & { byline?: string | null };

/**
 * `claims: false` leaves the claims out (an empty list): for a caller that needs only the
 * sourcing profile (who is quoted, which outlets are relayed), e.g. a related-coverage query.
 */
export function analyzeSourcing(article: SourcingInput, outlets: OutletName[] = [], opts: { claims?: boolean } = {}): Pick<Analysis, 'sourcing' | 'claims'> {
  const self = selfOutlet(outlets, article.siteName, article.canonicalUrl ?? article.url) ?? article.siteName;
  const items = extractAttributions(article.text, { lang: article.lang, outlets, self });
  const sourcing = sourcingProfile(items, { text: article.text, byline: article.byline });
  const claims = opts.claims === false ? [] : extractClaims(article.text, { lang: article.lang, outlets, self, attributions: items });
  return { sourcing, claims };
}
