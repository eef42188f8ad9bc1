/**
 * The pages the content-script benchmark opens, read at run time from the shared corpus
 * (never copied into the repo) and from the repo's demo pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Label = 'on' | 'off' | 'mention';

export interface PageSpec {
  /** Short id for reports: "readability/bbc-1", "extraction-benchmark/0a1b2c3d…", "demo/index". */
  id: string;
  group: 'readability' | 'extraction-benchmark' | 'demo';
  /** Path on the static server. */
  urlPath: string;
  /** Is the page an article (corpus metadata: readerable, extraction benchmark = articles, demo README verdict)? */
  article: boolean;
  /** Corpus label, when there is one. */
  label: Label | null;
}

/** Server roots for the page groups. */
export function corpusRoots(shared: string, repoRoot: string): Record<string, string> {
  return {
    '/readability/': path.join(shared, 'corpus/readability'),
    '/extraction-benchmark/': path.join(shared, 'corpus/extraction-benchmark'),
    '/demo/': path.join(repoRoot, 'public/demo'),
  };
}

function readLabels(shared: string): Map<string, Label> {
  const file = path.join(shared, 'corpus/labels.jsonl');
  const out = new Map<string, Label>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line) as { path?: string; label?: string };
      if (o.path && (o.label === 'on' || o.label === 'off' || o.label === 'mention')) out.set(o.path, o.label);
    } catch {
      /* skip a bad line */
    }
  }
  return out;
}

/** Demo page verdicts from the table in public/demo/README.md ("on", "off", "not an article"). */
function demoVerdicts(repoRoot: string): Map<string, string> {
  const out = new Map<string, string>();
  const file = path.join(repoRoot, 'public/demo/README.md');
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\|\s*`([^`]+\.html)`\s*\|.*\|\s*([^|]+?)\s*\|\s*$/.exec(line);
    if (m) out.set(m[1], m[2].toLowerCase());
  }
  return out;
}

export function listPages(shared: string, repoRoot: string): PageSpec[] {
  const labels = readLabels(shared);
  const pages: PageSpec[] = [];
  const rdDir = path.join(shared, 'corpus/readability');
  for (const name of existsSync(rdDir) ? readdirSync(rdDir).sort() : []) {
    const src = path.join(rdDir, name, 'source.html');
    if (!existsSync(src)) continue;
    let readerable = true;
    try {
      const meta = JSON.parse(readFileSync(path.join(rdDir, name, 'expected-metadata.json'), 'utf8')) as { readerable?: boolean };
      readerable = meta.readerable !== false;
    } catch {
      /* no metadata: count it as an article */
    }
    pages.push({
      id: `readability/${name}`, group: 'readability', urlPath: `/readability/${encodeURIComponent(name)}/source.html`,
      article: readerable, label: labels.get(`readability/${name}/source.html`) ?? null,
    });
  }
  const ebDir = path.join(shared, 'corpus/extraction-benchmark');
  for (const name of existsSync(ebDir) ? readdirSync(ebDir).filter((f) => f.endsWith('.html')).sort() : []) {
    pages.push({
      id: `extraction-benchmark/${name.slice(0, 12)}`, group: 'extraction-benchmark', urlPath: `/extraction-benchmark/${name}`,
      article: true, label: labels.get(`extraction-benchmark/${name}`) ?? null,
    });
  }
  const verdicts = demoVerdicts(repoRoot);
  const demoDir = path.join(repoRoot, 'public/demo');
  for (const name of existsSync(demoDir) ? readdirSync(demoDir).filter((f) => f.endsWith('.html')).sort() : []) {
    const v = verdicts.get(name) ?? '';
    pages.push({
      id: `demo/${name.replace(/\.html$/, '')}`, group: 'demo', urlPath: `/demo/${name}`,
      article: !/not an article/.test(v), label: v === 'on' ? 'on' : v === 'off' ? 'off' : null,
    });
  }
  return pages;
}
