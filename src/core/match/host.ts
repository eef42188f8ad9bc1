/**
 * Hosts and outlets: the one place that turns a page address into a host name and a host
 * into the outlet profile that publishes there. Used by the worker, the store, the
 * sourcing analysis, the library, exports and the CLI, so they all agree.
 */

/**
 * The host of an address, lower-cased and without a leading "www." ("https://WWW.Example.com/x"
 * → "example.com"); null when there is no address, it does not parse or it has no host.
 */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return normalizeHost(new URL(url).hostname) || null;
  } catch {
    return null;
  }
}

/** A host or domain as profiles store it: lower-case, no "www.", no trailing dot, no port. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '').replace(/^www\./, '');
}

/** Host name → candidate domains to look up, most specific first (the host and its parents, not the bare TLD). */
export function domainCandidates(host: string): string[] {
  const parts = normalizeHost(host).split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length - 1; i++) out.push(parts.slice(i).join('.'));
  return out;
}

/**
 * The outlet publishing at `host`: the profile listing the host itself, else its closest
 * parent domain ("edition.cnn.com" → the profile listing "cnn.com"). Among profiles listing
 * the same domain, the first in `outlets` wins.
 */
export function outletForHost<T extends { domains?: readonly string[] }>(outlets: readonly T[], host: string | null | undefined): T | null {
  if (!host) return null;
  // The domain table is built once per outlet list (the same list serves page after page).
  let resolve = resolvers.get(outlets) as ((h: string | null | undefined) => T | null) | undefined;
  if (!resolve) {
    resolve = outletResolver(outlets);
    resolvers.set(outlets, resolve);
  }
  return resolve(host);
}

/** Resolvers per outlet list; a list that is dropped takes its resolver with it. */
const resolvers = new WeakMap<readonly object[], (host: string | null | undefined) => unknown>();

/** `outletForHost` for many hosts: the domain table is built once. */
export function outletResolver<T extends { domains?: readonly string[] }>(outlets: readonly T[]): (host: string | null | undefined) => T | null {
  const byDomain = new Map<string, T>();
  for (const o of outlets) {
    for (const d of o.domains ?? []) {
      const k = normalizeHost(d);
      if (!byDomain.has(k)) byDomain.set(k, o);
    }
  }
  return (host) => {
    if (!host) return null;
    for (const d of domainCandidates(host)) {
      const o = byDomain.get(d);
      if (o) return o;
    }
    return null;
  };
}
