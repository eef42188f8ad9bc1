import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLAIM_QUALIFIERS as QUALIFIERS, OUTLET_TYPES as SOURCE_TYPES, PACK_FORMAT, RELAY_KINDS, type Pack } from '../../core/model';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const packPath = join(here, 'pack.json');
const demoDir = join(repoRoot, 'public', 'demo');
const sharedDir = process.env.PROVENANCE_SHARED
  ? resolve(process.env.PROVENANCE_SHARED)
  : resolve(repoRoot, '..', 'shared');
const seedsDir = join(sharedDir, 'seeds');
const haveSeeds = existsSync(seedsDir) && readdirSync(seedsDir).some((f) => f.endsWith('.txt'));

const raw = readFileSync(packPath, 'utf8');
const pack = JSON.parse(raw) as Pack;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ARABIC = /[\u0600-\u06FF]/;

function isValidDate(s: string): boolean {
  return (ISO_DATE.test(s) || ISO_DATE_TIME.test(s)) && !Number.isNaN(Date.parse(s));
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Lower-case, unify quotes and collapse white space: the form in which copying is checked. */
function squash(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .replace(/[\u201C\u201D\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const WINDOW = 60;

function windows(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + WINDOW <= text.length; i++) out.add(text.slice(i, i + WINDOW));
  return out;
}

/** Returns the first 60-character window of `seed` that also occurs in one of `texts`, or null. */
function firstSharedWindow(seed: string, texts: string[]): string | null {
  const ours = new Set<string>();
  for (const t of texts) for (const w of windows(squash(t))) ours.add(w);
  const s = squash(seed);
  for (let i = 0; i + WINDOW <= s.length; i++) {
    const w = s.slice(i, i + WINDOW);
    if (ours.has(w)) return w;
  }
  return null;
}

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) allStrings(v, out);
  return out;
}

/** Visible text of a demo page, roughly: tags removed, entities for quotes decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&rsquo;|&lsquo;/g, "'")
    .replace(/&ldquo;|&rdquo;/g, '"');
}

describe('default pack: header', () => {
  it('declares the pack format and identity', () => {
    expect(pack.format).toBe(PACK_FORMAT);
    expect(pack.id).toBe('default');
    expect(pack.name).toBe('Provenance starter pack');
    expect(pack.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pack.publisher).toBe('Provenance');
    expect(isValidDate(pack.updated)).toBe(true);
  });
});

describe('default pack: sources', () => {
  it('has unique kebab-case ids', () => {
    const ids = pack.sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(KEBAB);
  });

  it('has well-formed fields', () => {
    for (const s of pack.sources) {
      expect(s.name.trim(), s.id).not.toBe('');
      expect(SOURCE_TYPES, s.id).toContain(s.type);
      expect(s.country.trim(), s.id).not.toBe('');
      expect(s.languages.length, s.id).toBeGreaterThan(0);
      for (const l of s.languages) expect(l, s.id).toMatch(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/);
      expect(s.notes.trim().length, s.id).toBeGreaterThan(20);
      if (s.founded !== undefined) {
        expect(Number.isInteger(s.founded), s.id).toBe(true);
        expect(s.founded, s.id).toBeGreaterThan(1700);
        expect(s.founded, s.id).toBeLessThanOrEqual(new Date().getUTCFullYear());
      }
      for (const link of s.links ?? []) expect(isHttpUrl(link), `${s.id}: ${link}`).toBe(true);
    }
  });

  it('lists bare, lower-case host names, each claimed by one outlet only', () => {
    const owner = new Map<string, string>();
    for (const s of pack.sources) {
      for (const d of s.domains) {
        expect(d, s.id).toMatch(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/);
        expect(owner.get(d), `${d} claimed by ${owner.get(d)} and ${s.id}`).toBeUndefined();
        owner.set(d, s.id);
      }
    }
  });

  it('does not give two outlets the same alias', () => {
    const owner = new Map<string, string>();
    for (const s of pack.sources) {
      for (const a of s.aliases ?? []) {
        const key = squash(a);
        expect(owner.get(key), `alias "${a}" on ${owner.get(key)} and ${s.id}`).toBeUndefined();
        owner.set(key, s.id);
      }
    }
  });

  it('profiles the outlets that publish or are relayed in the seed reports', () => {
    const ids = new Set(pack.sources.map((s) => s.id));
    for (const id of ['ara-news', 'washington-post', 'wsj', 'nasdaq', 'ria-novosti', 'mennews', 'iranwire', 'al-jazeera']) {
      expect(ids.has(id), id).toBe(true);
    }
  });
});

describe('default pack: reports', () => {
  const sourceIds = new Set(pack.sources.map((s) => s.id));
  const reportIds = new Set(pack.reports.map((r) => r.id));

  it('has unique kebab-case report ids', () => {
    expect(reportIds.size).toBe(pack.reports.length);
    for (const id of reportIds) expect(id).toMatch(KEBAB);
  });

  it('points every report, relay and link at something that exists', () => {
    for (const r of pack.reports) {
      expect(sourceIds.has(r.sourceId), `${r.id} -> ${r.sourceId}`).toBe(true);
      for (const rel of r.relays ?? []) {
        if (rel.sourceId !== null) expect(sourceIds.has(rel.sourceId), `${r.id} relay ${rel.sourceId}`).toBe(true);
        expect(RELAY_KINDS).toContain(rel.how);
        expect(rel.sourceId, `${r.id} relays its own outlet`).not.toBe(r.sourceId);
      }
      for (const l of r.links ?? []) {
        expect(reportIds.has(l.reportId), `${r.id} link ${l.reportId}`).toBe(true);
        expect(l.reportId).not.toBe(r.id);
      }
    }
  });

  it('uses ISO dates and http(s) URLs', () => {
    for (const r of pack.reports) {
      if (r.published !== undefined) expect(isValidDate(r.published), `${r.id}: ${r.published}`).toBe(true);
      for (const u of [r.url, r.canonicalUrl, ...(r.copies ?? [])]) {
        if (u !== undefined) expect(isHttpUrl(u), `${r.id}: ${u}`).toBe(true);
      }
      for (const c of r.claims ?? []) {
        if (c.date !== undefined) {
          expect(c.date, `${r.id}: ${c.subject}`).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
        }
      }
    }
  });

  it('has the annotations the popup and matcher rely on', () => {
    for (const r of pack.reports) {
      expect(r.title.trim(), r.id).not.toBe('');
      expect(r.lang, r.id).toMatch(/^[a-z]{2}$/);
      const sentences = r.summary.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '');
      expect(sentences.length, r.id).toBeGreaterThanOrEqual(2);
      expect(sentences.length, r.id).toBeLessThanOrEqual(4);
      expect(r.tags.length, r.id).toBeGreaterThan(0);
      for (const t of r.tags) expect(t, r.id).toMatch(KEBAB);
      for (const c of r.claims ?? []) {
        expect(c.subject.trim(), r.id).not.toBe('');
        expect(c.text.trim(), r.id).not.toBe('');
        if (c.qualifier !== undefined) expect(QUALIFIERS, r.id).toContain(c.qualifier);
        if (c.quantity !== undefined) expect(Number.isFinite(c.quantity), r.id).toBe(true);
      }
      // Keywords must let Arabic and Latin-script pages find the report.
      const kw = r.keywords ?? [];
      expect(kw.some((k) => ARABIC.test(k)), `${r.id}: Arabic keywords`).toBe(true);
      expect(kw.some((k) => /[a-z]/i.test(k)), `${r.id}: Latin keywords`).toBe(true);
      expect(new Set(kw).size, `${r.id}: duplicate keywords`).toBe(kw.length);
    }
  });

  it('marks a descriptive title whenever the title is not the page headline', () => {
    const nasdaq = pack.reports.find((r) => r.sourceId === 'nasdaq');
    expect(nasdaq?.titleIsDescriptive).toBe(true);
  });
});

describe.skipIf(!haveSeeds)('default pack and demo pages: no text copied from the seeds', () => {
  const seeds = haveSeeds
    ? readdirSync(seedsDir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => ({ name: f, text: readFileSync(join(seedsDir, f), 'utf8') }))
    : [];

  it('finds a copied window when there is one (self-check)', () => {
    const seed = seeds[0]!.text;
    const mid = Math.floor(seed.length / 2);
    const planted = `Intro. ${seed.slice(mid, mid + 80).toUpperCase()} outro.`;
    expect(firstSharedWindow(seed, [planted])).not.toBeNull();
  });

  it('pack.json shares no 60-character run with any seed', () => {
    const texts = [...allStrings(pack), raw];
    for (const s of seeds) expect(firstSharedWindow(s.text, texts), s.name).toBeNull();
  });

  it('demo pages share no 60-character run with any seed', () => {
    if (!existsSync(demoDir)) return;
    const pages = readdirSync(demoDir)
      .filter((f) => /\.(html|md|css)$/.test(f))
      .map((f) => {
        const t = readFileSync(join(demoDir, f), 'utf8');
        return f.endsWith('.html') ? [t, htmlText(t)] : [t];
      })
      .flat();
    for (const s of seeds) expect(firstSharedWindow(s.text, pages), s.name).toBeNull();
  });
});

describe.skipIf(!existsSync(demoDir))('demo pages', () => {
  const files = existsSync(demoDir) ? readdirSync(demoDir).filter((f) => f.endsWith('.html')) : [];

  it('has the pages the end-to-end tests use', () => {
    for (const f of [
      'index.html', 'mosul-it-experts.html', 'propaganda-defectors.html', 'detainees-transfer-ar.html',
      'mosul-resistance-fr.html', 'social-media-app.html', 'passing-mention.html', 'isis-goddess.html',
      'unknown-outlet.html', 'wire-copy-ar.html', 'amaq-claim.html',
    ]) {
      expect(files, f).toContain(f);
    }
  });

  it('stays small and makes no external requests', () => {
    for (const f of files) {
      const path = join(demoDir, f);
      expect(statSync(path).size, f).toBeLessThan(40 * 1024);
      const html = readFileSync(path, 'utf8');
      // No remote scripts, styles, images, frames or fonts: only relative URLs in src/href of loaded resources.
      const loads = [...html.matchAll(/<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc=["']([^"']+)["']/gi)]
        .map((m) => m[1]!)
        .concat([...html.matchAll(/<link\b[^>]*\brel=["'](?:stylesheet|icon|preload|prefetch|preconnect|dns-prefetch)["'][^>]*>/gi)]
          .map((m) => /href=["']([^"']+)["']/i.exec(m[0])?.[1] ?? ''))
        .concat([...html.matchAll(/url\(\s*["']?([^"')]+)/gi)].map((m) => m[1]!))
        .concat([...html.matchAll(/@import\s+["']([^"']+)/gi)].map((m) => m[1]!));
      for (const u of loads) expect(/^(?:[a-z]+:)?\/\//i.test(u) && !u.startsWith('data:'), `${f}: ${u}`).toBe(false);
    }
  });
});
