/**
 * The inputs of `provenance analyze` and `pack build --from-pages`: files and folders
 * (walked in sorted order for .html/.htm/.xhtml), or JSON Lines of {url, html} or
 * {title, text} (a .jsonl file, or standard input given as "-"), in input order.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { AnalyzeItem } from './record';

const HTML_EXT = /\.(html?|xhtml)$/i;
const JSONL_EXT = /\.(jsonl|ndjson)$/i;

/** Files under a folder (recursively, sorted by name), or the path itself; errors become items. */
async function expandPath(input: string): Promise<AnalyzeItem[]> {
  const st = await stat(input).catch((e: NodeJS.ErrnoException) => e);
  if (st instanceof Error) return [{ kind: 'error', label: input, error: st.code === 'ENOENT' ? 'no such file or directory' : st.message }];
  if (!st.isDirectory()) return [{ kind: 'file', label: input, file: input }];
  const out: AnalyzeItem[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && HTML_EXT.test(e.name)) out.push({ kind: 'file', label: p, file: p });
    }
  };
  await walk(input);
  return out;
}

/** One JSON Lines record as an item: {url, html} or {title, text} (url optional); anything else is an error item. */
export function lineItem(line: string, label: string): AnalyzeItem {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return { kind: 'error', label, error: 'not a JSON object' };
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return { kind: 'error', label, error: 'not a JSON object' };
  const r = o as Record<string, unknown>;
  const url = typeof r.url === 'string' ? r.url : undefined;
  const name = url ?? label;
  if (typeof r.html === 'string') return { kind: 'html', label: name, html: r.html, url };
  if (typeof r.text === 'string') return { kind: 'text', label: name, title: typeof r.title === 'string' ? r.title : '', text: r.text, url };
  return { kind: 'error', label: name, error: 'expected {url, html} or {title, text}' };
}

async function* jsonLines(stream: Readable, name: string): AsyncGenerator<AnalyzeItem> {
  let n = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    n++;
    if (!line.trim()) continue;
    yield lineItem(line, `${name}:${n}`);
  }
}

/** Items in input order, lazily (standard input is read as it arrives). */
export async function* inputItems(inputs: string[], stdin: Readable = process.stdin): AsyncGenerator<AnalyzeItem> {
  for (const input of inputs) {
    if (input === '-') yield* jsonLines(stdin, '-');
    else if (JSONL_EXT.test(input)) {
      const st = await stat(input).catch(() => null);
      if (!st?.isFile()) yield { kind: 'error', label: input, error: 'no such file' };
      else yield* jsonLines(createReadStream(input), input);
    } else yield* await expandPath(input);
  }
}

/** The number of items when it can be known up front (no standard input, no JSON Lines), for the progress bar. */
export async function countItems(inputs: string[]): Promise<{ items: AnalyzeItem[] | null }> {
  if (inputs.some((i) => i === '-' || JSONL_EXT.test(i))) return { items: null };
  const items: AnalyzeItem[] = [];
  for (const i of inputs) items.push(...(await expandPath(i)));
  return { items };
}
