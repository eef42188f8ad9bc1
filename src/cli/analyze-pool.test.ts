/**
 * `provenance analyze` at corpus scale, run as users run it (bin/provenance.mjs, worker
 * threads loading TypeScript through tsx): results in input order whatever worker finishes
 * first, failures reported per input without stopping (exit 1), JSON Lines on standard input.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli, REPO } from '../../tests/lib/cli';

const dir = mkdtempSync(path.join(tmpdir(), 'prov-analyze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DEMO = ['mosul-it-experts.html', 'isis-goddess.html', 'detainees-transfer-ar.html', 'passing-mention.html', 'social-media-app.html'];

describe('analyze on worker threads', () => {
  it('keeps input order, reports a bad file and a missing one, and exits 1', async () => {
    DEMO.forEach((f, i) => writeFileSync(path.join(dir, `${i}-${f}`), readFileSync(path.join(REPO, 'public/demo', f))));
    writeFileSync(path.join(dir, '2b-binary.html'), Buffer.from([0, 1, 2, 3]));
    const r = await cli(['analyze', '--jsonl', '--workers', '2', dir, path.join(dir, 'missing.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(''); // no progress bar when standard error is not a terminal
    const recs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((x) => path.basename(x.file))).toEqual(['0-mosul-it-experts.html', '1-isis-goddess.html', '2-detainees-transfer-ar.html', '2b-binary.html', '3-passing-mention.html', '4-social-media-app.html', 'missing.html']);
    expect(recs.map((x) => x.error ?? x.onTopic)).toEqual([true, false, true, 'not an HTML document', false, true, 'no such file or directory']);
    // The same records as the inline run (no threads).
    const inline = await cli(['analyze', '--jsonl', '--workers', '0', dir, path.join(dir, 'missing.html')]);
    expect(inline.stdout).toBe(r.stdout);
  }, 120_000);

  it('keeps input order when tasks travel in batches (more inputs than a worker holds)', async () => {
    const many = path.join(dir, 'many');
    mkdirSync(many);
    // 30 inputs (several messages of tasks per worker), a bad one among them.
    for (let i = 0; i < 30; i++) {
      const name = `${String(i).padStart(2, '0')}.html`;
      if (i === 17) writeFileSync(path.join(many, name), Buffer.from([0, 1, 2]));
      else writeFileSync(path.join(many, name), readFileSync(path.join(REPO, 'public/demo', DEMO[i % DEMO.length])));
    }
    const r = await cli(['analyze', '--jsonl', '--workers', '2', many]);
    expect(r.code).toBe(1);
    const recs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((x) => path.basename(x.file))).toEqual(Array.from({ length: 30 }, (_, i) => `${String(i).padStart(2, '0')}.html`));
    expect(recs[17].error).toBe('not an HTML document');
    expect(recs.filter((x) => x.error)).toHaveLength(1);
    const inline = await cli(['analyze', '--jsonl', '--workers', '0', many]);
    expect(inline.stdout).toBe(r.stdout);
  }, 120_000);

  it('reads JSON Lines of {url, html} and {title, text} on standard input', async () => {
    const html = readFileSync(path.join(REPO, 'public/demo/mosul-it-experts.html'), 'utf8');
    const input = [
      JSON.stringify({ url: 'https://copy.example/mosul', html }),
      JSON.stringify({ title: 'Garden show opens', text: 'Roses and tulips filled the hall on Saturday.\nVisitors queued for an hour.' }),
      '{"neither": 1}',
    ].join('\n');
    const out = await new Promise<{ code: number; stdout: string }>((resolve) => {
      const child = execFile(process.execPath, [BIN, 'analyze', '--jsonl', '--workers', '2', '-'], { cwd: REPO }, (err, stdout) => resolve({ code: err ? (err as { code: number }).code : 0, stdout }));
      child.stdin!.end(input);
    });
    expect(out.code).toBe(1);
    const recs = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(recs).toHaveLength(3);
    expect(recs[0]).toMatchObject({ file: 'https://copy.example/mosul', url: 'https://copy.example/mosul', onTopic: true });
    expect(recs[1]).toMatchObject({ file: '-:2', onTopic: false });
    expect(recs[1].wordCount).toBeGreaterThan(10);
    expect(recs[2]).toEqual({ file: '-:3', error: 'expected {url, html} or {title, text}' });
  }, 120_000);

  it('refuses a bad --workers value', async () => {
    const r = await cli(['analyze', '--workers', 'many', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers needs a whole number/);
  });
});
