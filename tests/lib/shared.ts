/** Locating ../shared (seeds, corpora) at run time; tests that need it skip when it is absent. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SHARED = path.resolve(process.env.PROVENANCE_SHARED ?? path.resolve(__dirname, '../../../shared'));
export const HAS_SHARED = existsSync(path.join(SHARED, 'seeds'));

export function seedFiles(): string[] {
  return HAS_SHARED ? readdirSync(path.join(SHARED, 'seeds')).filter((f) => f.endsWith('.txt')).sort() : [];
}

export function readSeed(name: string): string {
  return readFileSync(path.join(SHARED, 'seeds', name), 'utf8');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Wrap a plain-text seed in a news-like page built at test time (nothing of the seed is
 * stored in the repo): site header and nav, the text as paragraphs, a sidebar and a
 * comment form. With `headline: false` the first line stays a paragraph (no <h1>).
 */
export function seedPage(text: string, opts: { headline: boolean; siteName?: string }): string {
  const lines = text.replace(/\r/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
  const h1 = opts.headline ? lines.shift() ?? '' : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(h1 || opts.siteName || 'News')}</title>
${opts.siteName ? `<meta property="og:site_name" content="${esc(opts.siteName)}">` : ''}</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/isis">ISIS latest</a> <a href="/sport">Sport</a></nav></header>
<main><article>${h1 ? `<h1>${esc(h1)}</h1>` : ''}
${lines.map((l) => `<p>${esc(l)}</p>`).join('\n')}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Markets close higher</a></li><li><a href="/b">Weather warning for the weekend</a></li></ul></aside>
<form class="comment-form"><h3>Leave a comment</h3><textarea></textarea><p>seven + two =</p><button>Post comment</button></form>
</main><footer>© Example</footer></body></html>`;
}
