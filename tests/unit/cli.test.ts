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
    expect(b).toMatchObject({ onTopic: true, lang: 'en', siteName: 'Tigris Observer' });
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
