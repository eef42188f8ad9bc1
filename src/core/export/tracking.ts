/**
 * Citation addresses without tracking parameters. A saved page's address often carries
 * campaign and click identifiers (`?utm_source=…&fbclid=…`) that say how the reader
 * arrived, not what the page is; citations use the page's canonical address when it has
 * one, with these parameters removed.
 *
 * Removed: every `utm_*` parameter (Google Analytics campaign tags) and the click and
 * mail identifiers listed in TRACKING_PARAMS (Facebook, Google Ads, Microsoft Ads,
 * Mailchimp, Instagram, Yandex, X/Twitter, TikTok, LinkedIn, HubSpot, Marketo, Adobe,
 * Google Analytics linker). Compared without case. Other parameters stay in their order.
 */

export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', 'yclid',
  'twclid', 'ttclid', 'li_fat_id', '_hsenc', '_hsmi', 'mkt_tok', 's_cid', '_ga', '_gl', 'ocid', 'cmpid',
]);

/** True for a tracking parameter's name. */
export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING_PARAMS.has(n);
}

/** The address without tracking parameters (and without an empty `?`); other text unchanged. Non-URLs as given. */
export function stripTracking(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (!u.search) return url;
  const pairs = u.search.slice(1).split('&');
  const kept = pairs
    .filter((pair) => {
      if (!pair) return true;
      const name = pair.split('=')[0];
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // keep the raw name
      }
      return !isTrackingParam(decoded);
    });
  if (kept.length === pairs.length) return url; // nothing to remove: the address as given
  const rest = kept.filter(Boolean);
  u.search = rest.length ? `?${rest.join('&')}` : '';
  return u.href;
}

/** The address a citation should use: the canonical one when it is http(s), else the page's; tracking removed. */
export function citationUrl(url: string, canonicalUrl?: string): string {
  const base = canonicalUrl && /^https?:\/\//i.test(canonicalUrl) ? canonicalUrl : url;
  return stripTracking(base);
}
