/**
 * The page's own outlet among the stored profiles, and the outlet view the popup shows.
 */
import { entityKey, sourceNames } from '../match/features';
import { hostOf, outletForHost } from '../match/host';
import type { ExplainPage, OutletProfile, SourceMatch, SourceView } from './types';

/** Outlets the user added themselves live under this pseudo-pack id (the store's USER_PACK); pack updates never touch them. */
export const USER_PACK_ID = 'user';

/**
 * The page's outlet: by its host, else by its canonical URL's host, else by its declared
 * site name (pages on mirrors, AMP caches or custom domains). `matchedBy` says which: only
 * 'host' is established by the page's address; the others are the page's own claim.
 */
export function outletMatchForPage<T extends OutletProfile>(
  outlets: readonly T[],
  page: Pick<ExplainPage, 'url' | 'canonicalUrl' | 'siteName'>,
): { source: T; matchedBy: SourceMatch } | null {
  const byHost = outletForHost(outlets, hostOf(page.url));
  if (byHost) return { source: byHost, matchedBy: 'host' };
  const byCanonical = outletForHost(outlets, hostOf(page.canonicalUrl));
  if (byCanonical) return { source: byCanonical, matchedBy: 'canonical' };
  if (!page.siteName) return null;
  const want = entityKey(page.siteName);
  if (want.length < 2) return null;
  const named = outlets.find((s) => sourceNames(s).some((n) => entityKey(n) === want));
  return named ? { source: named, matchedBy: 'site-name' } : null;
}

export function toSourceView(s: OutletProfile, packName: string, matchedBy?: SourceMatch): SourceView {
  return {
    ...(matchedBy && matchedBy !== 'host' ? { matchedBy } : {}),
    id: s.id, name: s.name, type: s.type, country: s.country, languages: s.languages,
    ownership: s.ownership, founded: s.founded, notes: s.notes, userNotes: s.userNotes ?? '',
    links: s.links, origin: s.packId === USER_PACK_ID ? 'your notes' : packName,
  };
}
