/**
 * Helpers of the topic evaluation (scripts/eval.ts): input loaders (seeds, and the English/French labelled set
 * in ../shared/corpus/english/) and the three-way verdict (about / partly / none):
 * loading the shards, sorting every labelled item into a gold category from its note,
 * and the Markdown tables of the three-way confusion. No corpus text is written anywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DetectInput } from '../src/core/detect/index';

export interface EnglishArticle {
  id: string;
  title: string;
  text: string;
  url: string;
  date: string;
  outlet: string;
  lang: string;
}

/** Gold category of a labelled item, from its label and note. */
export type GoldKind =
  | 'on: headline'
  | 'on: judged about'
  | 'on: other'
  | 'off: judged passing'
  | 'off: hard negative'
  | 'off: not named'
  | 'borderline'
  | 'mention: judged on'
  | 'mention: judged off'
  | 'mention: unjudged';

export const GOLD_KINDS: GoldKind[] = [
  'on: headline',
  'on: judged about',
  'on: other',
  'mention: judged on',
  'borderline',
  'mention: judged off',
  'off: judged passing',
  'off: hard negative',
  'off: not named',
  'mention: unjudged',
];

export function goldKind(label: string, note: string, judged: 'on' | 'off' | null): GoldKind {
  if (label === 'mention') return judged === 'on' ? 'mention: judged on' : judged === 'off' ? 'mention: judged off' : 'mention: unjudged';
  if (/borderline/i.test(note)) return 'borderline';
  if (label === 'on') {
    if (/^headline names/i.test(note)) return 'on: headline';
    if (/judged by reading/i.test(note)) return 'on: judged about';
    return 'on: other';
  }
  if (/hard negative/i.test(note)) return 'off: hard negative';
  if (/judged by reading/i.test(note)) return 'off: judged passing';
  return 'off: not named';
}

/** Items judged by reading (the set's judged notes and the project's judged Arabic mentions). */
export function isJudged(kind: GoldKind): boolean {
  return kind === 'on: judged about' || kind === 'off: judged passing' || kind === 'mention: judged on' || kind === 'mention: judged off';
}

const shardCache = new Map<string, EnglishArticle[]>();

/** The article at `english/FILE.jsonl#N` (N = 0-based line). */
export function englishArticle(corpus: string, path: string): EnglishArticle {
  const [file, n] = path.split('#');
  let lines = shardCache.get(file);
  if (!lines) {
    lines = readFileSync(join(corpus, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as EnglishArticle);
    shardCache.set(file, lines);
  }
  const a = lines[Number(n)];
  if (!a) throw new Error(`no article #${n} in ${file}`);
  return a;
}

/** Label rows of english/labels.jsonl (empty when the folder is absent). */
export function englishLabels<T>(corpus: string): T[] {
  const file = join(corpus, 'english', 'labels.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** Deterministic half (A/B) of an item, from its path: for checking that rules generalise. */
export function half(path: string): 'A' | 'B' {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619);
  return (h >>> 0) % 2 === 0 ? 'A' : 'B';
}

export type Level = 'about' | 'partly' | 'none';
export const LEVELS: Level[] = ['about', 'partly', 'none'];

/** Three-way confusion: gold category × predicted level. */
export function confusionTable(title: string, rows: { kind: GoldKind; level: Level }[]): string {
  const counts = new Map<GoldKind, Record<Level, number>>();
  for (const r of rows) {
    let c = counts.get(r.kind);
    if (!c) counts.set(r.kind, (c = { about: 0, partly: 0, none: 0 }));
    c[r.level]++;
  }
  let s = `\n### ${title}\n\n| gold | about | partly | none | total |\n| --- | ---: | ---: | ---: | ---: |\n`;
  for (const k of GOLD_KINDS) {
    const c = counts.get(k);
    if (!c) continue;
    s += `| ${k} | ${c.about} | ${c.partly} | ${c.none} | ${c.about + c.partly + c.none} |\n`;
  }
  return s;
}

export function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** Seeds are plain text; the first line is the headline when it looks like one. */
export function seedInput(text: string): DetectInput {
  const lines = text.replace(/\r/g, '').split('\n');
  const first = (lines[0] ?? '').trim();
  const headline = first.length > 0 && first.length <= 150 && !/[.!?]["”’]?$/.test(first);
  return headline
    ? { title: first, text: lines.slice(1).join('\n').trim(), lang: 'en' }
    : { title: '', text: text.trim(), lang: 'en' };
}

