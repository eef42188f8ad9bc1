/**
 * `npm run bench:size`: gzipped size of what each extension context loads, read from
 * the built dist/ (content script with its chunks, popup page, options page, worker).
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeResultsSection } from './lib/results-md';

const DIST = path.resolve('dist');

function gz(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/**
 * Files a JS module loads (following relative imports in the bundle). With `lazy` false,
 * dynamic `import()`s are not followed (what loads up front); with true, they are.
 */
function closure(entry: string, seen = new Set<string>(), lazy = false): Set<string> {
  if (seen.has(entry) || !existsSync(entry)) return seen;
  seen.add(entry);
  const src = readFileSync(entry, 'utf8');
  const re = /(?:import|export)\s*(?:[^'"`(]*?from\s*)?["'](\.{1,2}\/[^"']+|\/[^"']+)["']|import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)|chrome\.runtime\.getURL\(["']([^"']+)["']\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    if (m[2] && !lazy) continue;
    const spec = m[1] ?? m[2] ?? m[3];
    const target = spec.startsWith('/') ? path.join(DIST, spec) : spec.startsWith('.') ? path.resolve(path.dirname(entry), spec) : path.join(DIST, spec);
    if (target.endsWith('.js')) closure(target, seen, lazy);
  }
  return seen;
}

function htmlScripts(htmlFile: string): string[] {
  const html = readFileSync(htmlFile, 'utf8');
  return [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => path.join(DIST, m[1].startsWith('/') ? m[1] : path.join(path.dirname(path.relative(DIST, htmlFile)), m[1])));
}

export function measure(): Record<string, { files: number; raw: number; gzip: number }> {
  if (!existsSync(path.join(DIST, 'manifest.json'))) throw new Error('dist/ not built: run "npm run build" first');
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
  const sum = (files: Set<string>) => {
    let raw = 0;
    let gzip = 0;
    for (const f of files) {
      raw += readFileSync(f).length;
      gzip += gz(f);
    }
    return { files: files.size, raw, gzip };
  };
  const content = new Set<string>();
  const contentAll = new Set<string>();
  for (const cs of manifest.content_scripts ?? []) {
    for (const js of cs.js) {
      closure(path.join(DIST, js), content);
      closure(path.join(DIST, js), contentAll, true);
    }
  }
  const worker = closure(path.join(DIST, manifest.background.service_worker));
  const popup = new Set<string>();
  for (const s of htmlScripts(path.join(DIST, manifest.action.default_popup))) closure(s, popup);
  const options = new Set<string>();
  for (const s of htmlScripts(path.join(DIST, manifest.options_page))) closure(s, options);
  return { 'content script, loaded on every page': sum(content), 'content script, with the analyser loaded on candidate pages': sum(contentAll), popup: sum(popup), options: sum(options), 'service worker': sum(worker) };
}

if (process.argv[1]?.endsWith('bundle-size.ts')) {
  const r = measure();
  let table = '| bundle | files | raw KB | gzip KB |\n|---|---:|---:|---:|\n';
  for (const [k, v] of Object.entries(r)) table += `| ${k} | ${v.files} | ${(v.raw / 1024).toFixed(1)} | ${(v.gzip / 1024).toFixed(1)} |\n`;
  console.log(table);
  const body = `Measured ${new Date().toISOString().slice(0, 10)} from \`dist/\` (production build, gzip level 9), Node ${process.version}.
The content script loads a small entry (first pass, message schema, polyfill); the analyser chunk
(Readability, extraction, full detector) is imported only on pages the first pass lets through.
The worker bundle includes the default report pack (JSON).

${table}`;
  writeResultsSection(path.resolve('bench/RESULTS.md'), '## Bundle sizes (npm run bench:size)', body);
}
