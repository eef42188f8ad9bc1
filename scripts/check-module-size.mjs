#!/usr/bin/env node
/**
 * Fails when a hand-written source module is over the size limit (400 lines): every .ts,
 * .tsx and .mjs file under src/, scripts/, bench/ and tests/. Generated modules
 * (`*.generated.ts`) and JSON data are not checked. Paths listed in
 * scripts/module-size-allowlist.txt (one per line, `#` comments) are reported but do not
 * fail the check: a temporary list for modules another branch is splitting; keep it empty.
 *
 * Usage: node scripts/check-module-size.mjs [--max N]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const maxArg = process.argv.indexOf('--max');
const MAX_LINES = maxArg > 0 ? Number(process.argv[maxArg + 1]) : 400;
const DIRS = ['src', 'scripts', 'bench', 'tests'];
const SOURCE = /\.(?:ts|tsx|mjs)$/;
const GENERATED = /\.generated\.ts$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'test-results', 'playwright-report']);

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) yield* walk(join(dir, e.name));
    } else if (e.isFile() && SOURCE.test(e.name) && !GENERATED.test(e.name)) {
      yield join(dir, e.name);
    }
  }
}

/** Lines as `wc -l` counts them would undercount a last line without newline; count that too. */
function lineCount(text) {
  if (text.length === 0) return 0;
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}

function readAllowlist() {
  const file = join(root, 'scripts', 'module-size-allowlist.txt');
  if (!existsSync(file)) return new Set();
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter(Boolean),
  );
}

const allow = readAllowlist();
const over = [];
for (const d of DIRS) {
  const abs = join(root, d);
  if (!existsSync(abs)) continue;
  for (const f of walk(abs)) {
    const lines = lineCount(readFileSync(f, 'utf8'));
    if (lines > MAX_LINES) over.push({ path: relative(root, f).split('\\').join('/'), lines });
  }
}
over.sort((a, b) => b.lines - a.lines);

const failing = over.filter((o) => !allow.has(o.path));
const allowed = over.filter((o) => allow.has(o.path));
const stale = [...allow].filter((p) => !over.some((o) => o.path === p));

for (const o of allowed) console.log(`allowed for now (module-size-allowlist.txt): ${o.path} ${o.lines} lines`);
for (const p of stale) console.log(`note: ${p} is in module-size-allowlist.txt but is not over ${MAX_LINES} lines; remove it from the list`);
if (failing.length) {
  console.error(`Modules over ${MAX_LINES} lines (split them by responsibility):`);
  for (const o of failing) console.error(`  ${o.path}  ${o.lines} lines`);
  process.exit(1);
}
console.log(`check-module-size: no hand-written module over ${MAX_LINES} lines${allowed.length ? ` (${allowed.length} allowlisted)` : ''}`);
