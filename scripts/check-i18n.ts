#!/usr/bin/env -S npx tsx
/**
 * `npm run check:i18n`: fails when a key is missing in a locale (public/_locales), a plural
 * message lacks a form its language needs, placeholders differ between locales, a key is
 * unused, the core's English (src/core/i18n/en.ts) differs from _locales/en, or interface
 * text is hard-coded in JSX/TSX. Usage: npx tsx scripts/check-i18n.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkCatalogs, hardCodedJsx, unusedKeys, type Catalog } from './lib/i18n-check';
import { EN_CORE } from '../src/core/i18n/en';

const ROOT = path.resolve(import.meta.dirname, '..');
export const LOCALES = ['en', 'ar', 'fr'];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test(-d)?\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

export function loadCatalogs(root = ROOT): Record<string, Catalog> {
  return Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(readFileSync(path.join(root, 'public/_locales', l, 'messages.json'), 'utf8')) as Catalog]));
}

export function runChecks(root = ROOT): string[] {
  const catalogs = loadCatalogs(root);
  const problems = checkCatalogs(catalogs);
  const files = walk(path.join(root, 'src')).filter((f) => !f.endsWith(path.join('core', 'i18n', 'en.ts')));
  const sources = [...files.map((f) => readFileSync(f, 'utf8')), readFileSync(path.join(root, 'manifest.json'), 'utf8')];
  for (const k of unusedKeys(catalogs.en, sources)) problems.push(`en: key "${k}" is not used anywhere in src/ or the manifest`);
  for (const [k, e] of Object.entries(EN_CORE)) {
    if (JSON.stringify(catalogs.en[k]) !== JSON.stringify(e)) problems.push(`en: "${k}" differs from src/core/i18n/en.ts`);
  }
  for (const f of files.filter((x) => x.endsWith('.tsx'))) problems.push(...hardCodedJsx(path.relative(root, f), readFileSync(f, 'utf8')));
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = runChecks();
  const keys = Object.keys(loadCatalogs().en).length;
  if (problems.length) {
    console.error(`i18n check: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`i18n check: ${LOCALES.join(', ')} complete (${keys} English messages), no unused key, no hard-coded text in TSX.`);
}
