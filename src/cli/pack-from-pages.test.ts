/**
 * `provenance pack build --from-pages` (acceptance 5 of issue 14): a folder of demo pages
 * becomes a pack that validates, imports into the store (fake-indexeddb), and makes those
 * pages each other's related coverage (each page and an abridged copy of it on another
 * site: "Same story: … an abridged copy of …"); an outlet CSV with a bad row is refused with the
 * row number and nothing is written.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePackText } from '../core/packs/validate';
import { importPack } from '../store/import-pack';
import { freshStore } from '../store/test-support';
import { lookupPage } from '../background/lookup';
import { pageReportFromHtml } from '../../bench/lib/page-report';
import { cli, REPO } from '../../tests/lib/cli';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'prov-pages-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const DEMO = path.join(REPO, 'public/demo');
const PAGES = ['mosul-it-experts.html', 'propaganda-defectors.html', 'social-media-app.html', 'unknown-outlet.html', 'detainees-transfer-ar.html', 'isis-goddess.html'];

const CSV = `domain,name,type,country,language,owner,notes
harborstreetgazette.test,Harbor Street Gazette,newspaper,US,en,"Gazette Media, Ltd.","Fictional outlet of a demo page; notes may hold commas, ""quotes"" and
line breaks"
levantledger.test,The Levant Ledger,news-site,LB,en;ar,,
`;

/** An abridged copy of a demo page on another site: the last half of its plain paragraphs dropped, the address changed. */
function abridgedCopy(html: string): { html: string; url: string } {
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)![1];
  const host = new URL(canonical).host;
  const paras = [...html.matchAll(/<p>[\s\S]*?<\/p>/g)];
  const keep = Math.ceil(paras.length * 0.5);
  let out = html;
  for (const m of paras.slice(keep)) out = out.replace(m[0], '');
  out = out.split(host).join('wire-copy.test');
  return { html: out, url: canonical.replace(host, 'wire-copy.test') };
}

describe('pack build --from-pages', () => {
  it('gives a valid pack that imports and makes the pages each other\'s related coverage', async () => {
    const dir = tmp();
    const pages: { file: string; url: string; partner: string }[] = [];
    for (const f of PAGES) {
      const html = readFileSync(path.join(DEMO, f), 'utf8');
      const copy = abridgedCopy(html);
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)![1];
      writeFileSync(path.join(dir, f), html);
      writeFileSync(path.join(dir, `copy-${f}`), copy.html);
      pages.push({ file: f, url: canonical, partner: copy.url }, { file: `copy-${f}`, url: copy.url, partner: canonical });
    }
    const csv = path.join(tmp(), 'outlets.csv');
    writeFileSync(csv, CSV);
    const out = path.join(tmp(), 'pages.json');
    const r = await cli(['pack', 'build', '--from-pages', dir, '--outlets', csv, '-o', out, '--workers', '2']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const parsed = parsePackText(readFileSync(out, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const pack = parsed.pack;
    expect(pack.reports).toHaveLength(pages.length);
    // Citation metadata, topic verdict, sourcing, claims, fingerprint; no text.
    for (const rep of pack.reports) {
      expect(rep.fingerprint?.minhash).toHaveLength(64);
      expect(rep.text).toBeUndefined();
      expect(rep.tags.some((t) => t === 'topic:on' || t === 'topic:off')).toBe(true);
    }
    expect(new Set(pack.reports.filter((x) => x.tags.includes('topic:off')).map((x) => x.title))).toEqual(new Set([expect.stringMatching(/goddess/i)]));
    const gazette = pack.sources.find((s) => s.id === 'harborstreetgazette-test');
    expect(gazette).toMatchObject({ name: 'Harbor Street Gazette', type: 'newspaper', country: 'US', ownership: 'Gazette Media, Ltd.' });
    expect(gazette?.notes).toContain('"quotes" and\nline breaks');
    expect(pack.reports.find((x) => x.sourceId === 'harborstreetgazette-test')?.claims?.length).toBeGreaterThan(0);
    const idOf = new Map(pack.reports.map((x) => [x.url, x.id]));

    const { db } = await freshStore();
    await importPack(db, pack);
    let onTopic = 0;
    let abridged = 0;
    for (const p of pages) {
      // Opened from another address: found by content, not by URL.
      const page = pageReportFromHtml(readFileSync(path.join(dir, p.file), 'utf8'), `http://127.0.0.1/demo/${p.file}`);
      if (!page.verdict.onTopic) continue;
      onTopic++;
      const state = await lookupPage(db, page);
      const partner = state.related.find((x) => x.reportId === idOf.get(p.partner));
      // Related as the same story; most say which side is the abridged copy (the estimate from 64 MinHash
      // slots can call a half-length copy of a short page a plain copy: same-story.test.ts covers the wording).
      expect(partner?.reasons[0], p.file).toMatch(/^Same story/);
      if (/abridged copy of this/.test(partner?.reasons[0] ?? '')) abridged++;
      expect(state.related.find((x) => x.reportId === idOf.get(p.url))?.reasons[0], p.file).toMatch(/^Same story/);
    }
    expect(onTopic).toBe(pages.length - 2);
    expect(abridged).toBeGreaterThanOrEqual(onTopic - 2);
    db.close();
  }, 180_000);

  it('refuses an outlet CSV with a bad row, naming the row, and writes nothing', async () => {
    const dir = tmp();
    copyFileSync(path.join(DEMO, 'mosul-it-experts.html'), path.join(dir, 'a.html'));
    const csv = path.join(tmp(), 'outlets.csv');
    writeFileSync(csv, `${CSV}example.org,Example,tabloid,US,en,,\nbad host!,X,wire,US,en,,\n`);
    const out = path.join(tmp(), 'pages.json');
    const r = await cli(['pack', 'build', '--from-pages', dir, '--outlets', csv, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/row 4 \(line 5\): type: must be one of .*got "tabloid"/);
    expect(r.stdout).toMatch(/row 5 \(line 6\): domain: not a host name/);
    expect(r.stderr).toMatch(/2 bad rows; nothing written/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(path.dirname(out))).toEqual([]); // no temp file left either
  }, 60_000);
});
