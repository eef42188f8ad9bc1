import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../lib/cli';


describe('provenance analyze --jsonl', () => {
  it('one object per input file in input order; errors are per file and make the exit non-zero', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'prov-cli-'));
    mkdirSync(path.join(dir, 'pages', 'nested'), { recursive: true });
    copyFileSync('public/demo/mosul-it-experts.html', path.join(dir, 'pages', 'b.html'));
    copyFileSync('public/demo/isis-goddess.html', path.join(dir, 'pages', 'nested', 'a.htm'));
    writeFileSync(path.join(dir, 'pages', 'notes.txt'), 'not picked up: not .html');
    copyFileSync('public/demo/detainees-transfer-ar.html', path.join(dir, 'ar.html'));
    writeFileSync(path.join(dir, 'binary.html'), Buffer.from([0, 1, 2, 3, 0, 255]));
    const args = ['analyze', '--jsonl', 'ar.html', 'missing.html', 'pages', 'binary.html', 'nasdaq.html'];
    copyFileSync('public/demo/nasdaq-repost.html', path.join(dir, 'nasdaq.html'));
    const { code, stdout } = await cli(args, dir);
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.file)).toEqual(['ar.html', 'missing.html', path.join('pages', 'b.html'), path.join('pages', 'nested', 'a.htm'), 'binary.html', 'nasdaq.html']);
    expect(code).not.toBe(0);
    const [ar, missing, b, goddess, binary, nasdaq] = rows;
    expect(ar).toMatchObject({ onTopic: true, lang: 'ar' });
    expect(missing.error).toMatch(/no such file/);
    expect(binary.error).toMatch(/not an HTML document/);
    expect(b).toMatchObject({ onTopic: true, lang: 'en', siteName: 'Kurdistan 24', canonicalUrl: expect.stringContaining('kurdistan24.net') });
    expect(goddess.onTopic).toBe(false);
    for (const key of ['file', 'onTopic', 'score', 'lang', 'title', 'byline', 'siteName', 'published', 'canonicalUrl', 'evidence']) {
      expect(b).toHaveProperty(key);
    }
    expect(b.score).toBeGreaterThan(goddess.score);
    expect(Array.isArray(b.evidence) && b.evidence.length).toBeTruthy();
    // Headline-less page: a usable title derived from its first sentence.
    expect(nasdaq.title.length).toBeGreaterThan(20);
    expect(nasdaq.titleDerived).toBe(true);
  }, 60_000);

  it('exit 0 when every file is analysed; usage error without inputs', async () => {
    const ok = await cli(['analyze', '--jsonl', path.resolve('public/demo/passing-mention.html')], process.cwd());
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).onTopic).toBe(false);
    const none = await cli(['analyze'], process.cwd());
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no input/);
  }, 60_000);
});

describe('provenance explain', () => {
  const NASDAQ = path.resolve('public/demo/nasdaq-repost.html');
  const URL_127 = 'http://127.0.0.1:4173/nasdaq-repost.html';

  it('prints verdict, outlet, provenance chain, related reports with reasons and claims; --json has the same content', async () => {
    const text = await cli(['explain', NASDAQ, '--url', URL_127]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Verdict: About /m);
    expect(text.stdout).toMatch(/^Outlet: Nasdaq\.com \(from its declared site name\)$/m);
    expect(text.stdout).toContain('  - Republishes The Wall Street Journal (report in your library)');
    expect(text.stdout).toMatch(/^Related coverage \(\d+\):$/m);
    expect(text.stdout).toMatch(/^Claims and figures \(\d+, \d+ compared with stored reports\):$/m);
    const json = await cli(['explain', '--json', NASDAQ, '--url', URL_127]);
    expect(json.code).toBe(0);
    const rec = JSON.parse(json.stdout);
    expect(rec).toMatchObject({ url: URL_127, host: '127.0.0.1', verdict: { onTopic: true }, outlet: { id: 'nasdaq', matchedBy: 'site-name' } });
    expect(rec.related[0].reportId).toMatch(/wsj/);
    expect(rec.related.length).toBeGreaterThan(0);
    // Every related report and every reason of the JSON appears in the text, in order.
    let at = 0;
    for (const r of rec.related) {
      for (const line of [r.title, ...r.reasons]) {
        const i = text.stdout.indexOf(line, at);
        expect(i, line).toBeGreaterThan(-1);
        at = i + line.length;
      }
    }
    // The default pack is the bundled one: naming it gives the same answer.
    const explicit = await cli(['explain', '--json', NASDAQ, '--url', URL_127, '--pack', path.resolve('src/packs/default/pack.json')]);
    expect(JSON.parse(explicit.stdout)).toEqual(rec);
  }, 60_000);

  it('takes several packs: reports of the second pack are related too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'prov-explain-'));
    const { readFileSync } = await import('node:fs');
    const base = JSON.parse(readFileSync('src/packs/default/pack.json', 'utf8'));
    // A second pack holding a copy of one default report, by an outlet of its own.
    const wsj = base.reports.find((r: { id: string }) => /wsj/.test(r.id));
    const outlet = { ...base.sources.find((s: { id: string }) => s.id === wsj.sourceId), id: 'extra-outlet', name: 'Extra Outlet', aliases: [], domains: ['extra-outlet.example'] };
    const copy = { ...wsj, id: 'extra-wsj-copy', sourceId: 'extra-outlet', url: 'https://extra-outlet.example/copy', relays: wsj.relays.map((r: object) => ({ ...r, sourceId: null })) };
    const extra = { ...base, id: 'extra', name: 'Extra pack', sources: [outlet], reports: [copy] };
    writeFileSync(path.join(dir, 'extra.json'), JSON.stringify(extra));
    const one = JSON.parse((await cli(['explain', '--json', NASDAQ, '--url', URL_127])).stdout);
    const two = await cli(['explain', '--json', NASDAQ, '--url', URL_127, '--pack', path.resolve('src/packs/default/pack.json'), '--pack', path.join(dir, 'extra.json')]);
    expect(two.code).toBe(0);
    const ids = JSON.parse(two.stdout).related.map((r: { reportId: string }) => r.reportId);
    expect(ids).toContain('extra-wsj-copy');
    expect(ids).toEqual(expect.arrayContaining(one.related.map((r: { reportId: string }) => r.reportId)));
    expect(JSON.parse(two.stdout).related.find((r: { reportId: string }) => r.reportId === 'extra-wsj-copy').outlet).toBe('Extra Outlet');
  }, 60_000);

  it('off-topic page: verdict only, nothing related; usage and pack errors', async () => {
    const off = await cli(['explain', '--json', path.resolve('public/demo/isis-goddess.html')]);
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout)).toMatchObject({ verdict: { onTopic: false }, related: [], provenance: [], claims: [] });
    expect((await cli(['explain'])).code).toBe(2);
    const badUrl = await cli(['explain', NASDAQ, '--url', 'ftp://x']);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/--url must be an http\(s\) address/);
    const dir = mkdtempSync(path.join(tmpdir(), 'prov-explain-'));
    writeFileSync(path.join(dir, 'bad.json'), '{"format": "provenance-pack/1"}');
    const bad = await cli(['explain', NASDAQ, '--pack', path.join(dir, 'bad.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not a valid pack/);
    const missing = await cli(['explain', path.join(dir, 'nope.html')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
  }, 60_000);
});
