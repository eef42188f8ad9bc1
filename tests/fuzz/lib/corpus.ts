/**
 * Real pages for mutation fuzzing, read at run time from the shared folder beside the
 * repository (../shared, or $PROVENANCE_SHARED): the corpus' whole HTML pages, the seed
 * reports wrapped in a page built here, and some Arabic articles of the SaudiNewsNet
 * corpus wrapped the same way. Nothing of them is stored in the repository.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SHARED_DIR = path.resolve(process.env.PROVENANCE_SHARED ?? path.join(HERE, '../../../../shared'));
export const HAS_CORPUS = existsSync(path.join(SHARED_DIR, 'corpus')) || existsSync(path.join(SHARED_DIR, 'seeds'));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A plain page around a text (first line as headline), built at run time. */
export function wrapText(text: string, opts: { lang: string; dir?: string; site?: string }): string {
  const lines = text.replace(/\r/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
  const h1 = lines.shift() ?? '';
  return `<!doctype html><html lang="${opts.lang}"${opts.dir ? ` dir="${opts.dir}"` : ''}><head><meta charset="utf-8"><title>${esc(h1)}</title>${
    opts.site ? `<meta property="og:site_name" content="${esc(opts.site)}">` : ''
  }</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article><h1>${esc(h1)}</h1>\n${lines
    .map((l) => `<p>${esc(l)}</p>`)
    .join('\n')}</article><aside><h2>Most read</h2><ul><li><a href="/x">Another story</a></li></ul></aside></main><footer>Footer</footer></body></html>`;
}

export interface Corpus {
  /** Whole pages (HTML). */
  pages: string[];
  /** Plain article texts (seeds, Arabic articles). */
  texts: string[];
  /** Where they came from (counts), for the report. */
  origin: string;
}

let cached: Corpus | null = null;

function listHtml(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      const src = path.join(p, 'source.html');
      if (existsSync(src)) out.push(src);
    } else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

/**
 * Load the corpus once. `limit` caps the number of HTML pages (the short test run takes a
 * spread of them). Returns empty lists when the shared folder is absent.
 */
export function loadCorpus(opts: { arabicArticles?: number } = {}): Corpus {
  if (cached) return cached;
  const pages: string[] = [];
  const texts: string[] = [];
  const counts: string[] = [];
  const corpus = path.join(SHARED_DIR, 'corpus');
  for (const sub of ['readability', 'extraction-benchmark']) {
    const files = listHtml(path.join(corpus, sub));
    for (const f of files) pages.push(readFileSync(f, 'utf8'));
    if (files.length) counts.push(`${files.length} ${sub} pages`);
  }
  const seedsDir = path.join(SHARED_DIR, 'seeds');
  if (existsSync(seedsDir)) {
    const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
    for (const f of seeds) {
      const t = readFileSync(path.join(seedsDir, f), 'utf8');
      texts.push(t);
      pages.push(wrapText(t, { lang: 'en', site: 'Seed' }));
    }
    if (seeds.length) counts.push(`${seeds.length} seeds`);
  }
  const zipDir = path.join(corpus, 'saudinewsnet');
  const want = opts.arabicArticles ?? 40;
  if (existsSync(zipDir) && want > 0) {
    const zip = readdirSync(zipDir).filter((f) => f.endsWith('.zip')).sort()[0];
    if (zip) {
      try {
        const files = unzipSync(readFileSync(path.join(zipDir, zip)));
        const name = Object.keys(files).sort().find((n) => n.endsWith('.json'));
        const arr = name ? (JSON.parse(strFromU8(files[name])) as Array<{ title?: string; content?: string; source?: string }>) : [];
        let n = 0;
        for (const a of arr) {
          if (n >= want) break;
          if (typeof a.content !== 'string' || a.content.length < 200) continue;
          const t = `${a.title ?? ''}\n${a.content}`;
          texts.push(t);
          pages.push(wrapText(t, { lang: 'ar', dir: 'rtl', site: a.source }));
          n++;
        }
        if (n) counts.push(`${n} Arabic articles`);
      } catch {
        /* unreadable zip: skip */
      }
    }
  }
  cached = { pages, texts, origin: counts.join(', ') || 'none (no shared folder)' };
  return cached;
}
