/** Property under which `parseHtml` remembers the URL a document was loaded from (linkedom has no `document.URL`). */
export const DOC_URL_KEY = '__provenanceUrl';

/** The http(s) URL of a document, when it knows one (live `document.URL`, or one set by `parseHtml`). */
export function documentUrl(doc: Document): string | null {
  try {
    const attached = (doc as unknown as Record<string, unknown>)[DOC_URL_KEY];
    const u = typeof attached === 'string' ? attached : typeof doc.URL === 'string' ? doc.URL : null;
    if (u && /^https?:\/\//i.test(u)) return u;
  } catch {
    /* ignore */
  }
  return null;
}
