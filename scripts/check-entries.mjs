#!/usr/bin/env node
/**
 * Lists imports that reach into a src/core/<folder>/ from outside it without going through
 * the folder's public entry (its index.ts, or one of the extra entries named below). Test
 * files (*.test.ts) are not checked. Prints the deep imports per folder; with --strict
 * FOLDER[,FOLDER…] it exits 1 when one of those folders is reached into.
 *
 * Usage: node scripts/check-entries.mjs [--strict model,packs,export,anchoring]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const core = join(root, 'src', 'core');
/** Entries besides index.ts: separate on purpose (Node-only, or kept out of the content script's bundle). */
const EXTRA_ENTRIES = {
  extract: ['parse-html.ts', 'quick-input.ts'],
};
const strictArg = process.argv.indexOf('--strict');
const strict = new Set(strictArg > 0 ? process.argv[strictArg + 1].split(',') : []);

const folders = readdirSync(core).filter((f) => statSync(join(core, f)).isDirectory());

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (!['node_modules', 'dist'].includes(e.name) && !e.name.startsWith('.')) yield* walk(join(dir, e.name));
    } else if (/\.(ts|tsx|mjs)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) yield join(dir, e.name);
  }
}

const deep = new Map(); // folder -> [ "importer -> target" ]
for (const top of ['src', 'scripts', 'bench', 'tests']) {
  for (const file of walk(join(root, top))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
      const target = resolve(dirname(file), m[1]);
      const rel = relative(core, target);
      if (rel.startsWith('..')) continue;
      const [folder, ...rest] = rel.split('/');
      if (!folders.includes(folder) || rest.length === 0) continue;
      if (relative(join(core, folder), file).startsWith('..') === false) continue; // inside the folder
      const name = rest.join('/');
      if (name === 'index' || name === 'index.ts') continue;
      if ((EXTRA_ENTRIES[folder] ?? []).some((e) => name === e || name + '.ts' === e)) continue;
      if (!deep.has(folder)) deep.set(folder, []);
      deep.get(folder).push(`${relative(root, file)} -> src/core/${rel}`);
    }
  }
}

let failed = false;
for (const f of folders.sort()) {
  const list = deep.get(f) ?? [];
  const hasIndex = readdirSync(join(core, f)).includes('index.ts');
  console.log(`${f}${hasIndex ? '' : ' (no index.ts)'}: ${list.length} deep import(s)${strict.has(f) && list.length ? '  <- strict' : ''}`);
  for (const l of list) console.log(`  ${l}`);
  if (strict.has(f) && list.length) failed = true;
}
process.exit(failed ? 1 : 0);
