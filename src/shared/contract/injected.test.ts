/** The parts the worker may inject: by name only, each to its own built file, from content scripts only. */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { INJECTED_PARTS, INJECTED_SOURCES, injectedFile, builtContentName } from './injected';
import { checkSender, parseWorkerMessage } from './schemas';

describe('page/inject', () => {
  it('names each part by a fixed entry module, built to content/<source path>.js', () => {
    expect([...INJECTED_PARTS].sort()).toEqual(Object.keys(INJECTED_SOURCES).sort());
    expect(injectedFile('analyser')).toBe('content/src-content-analyser.js');
    expect(injectedFile('tools')).toBe('content/src-content-page-tools.js');
    expect(builtContentName('src/content/index.ts')).toBe('content/src-content-index.js');
    for (const p of INJECTED_PARTS) expect(existsSync(path.resolve(INJECTED_SOURCES[p])), p).toBe(true);
  });

  it('accepts a known part name and nothing else (no path, no extra part)', () => {
    expect(parseWorkerMessage({ type: 'page/inject', part: 'analyser' })).toMatchObject({ ok: true, value: { method: 'page/inject', args: { part: 'analyser' } } });
    for (const part of ['../popup/index.html', 'content/src-content-analyser.js', 'ANALYSER', '', 1, null]) {
      expect(parseWorkerMessage({ type: 'page/inject', part }).ok, String(part)).toBe(false);
    }
  });

  it('is answered for content scripts in a tab top frame only', () => {
    const ext = { id: 'me', url: 'chrome-extension://me/src/popup/index.html' };
    expect(checkSender('page/inject', { id: 'me', tab: { id: 3 }, frameId: 0, url: 'https://example.org/' }, 'me', 'chrome-extension://me/')).toBeNull();
    expect(checkSender('page/inject', { id: 'me', tab: { id: 3 }, frameId: 2, url: 'https://example.org/' }, 'me', 'chrome-extension://me/')).toMatch(/top frame/);
    expect(checkSender('page/inject', ext, 'me', 'chrome-extension://me/')).toMatch(/tab/);
    expect(checkSender('page/inject', { id: 'other', tab: { id: 3 }, frameId: 0 }, 'me', 'chrome-extension://me/')).toMatch(/not this extension/);
  });

  it('the built manifest loads only the boot scripts on every page; the injected parts are built but not listed', () => {
    const manifestFile = path.resolve('dist/manifest.json');
    if (!existsSync(manifestFile)) return; // not built: vite.config.ts is checked by the e2e tests
    const m = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const listed: string[] = m.content_scripts.flatMap((c: { js: string[] }) => c.js);
    for (const p of INJECTED_PARTS) {
      expect(listed).not.toContain(injectedFile(p));
      expect(existsSync(path.resolve('dist', injectedFile(p))), p).toBe(true);
    }
    expect(m.permissions).toContain('scripting');
  });
});
