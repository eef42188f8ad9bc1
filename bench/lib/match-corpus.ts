/**
 * Report packs for the matching benchmark and evaluation, generated at run time from the
 * SaudiNewsNet corpus in <shared>/corpus/saudinewsnet (never copied into the repo; the
 * generated packs live in a temp dir or in bench/_cache, which git ignores).
 *
 * One report per article: id `snn-<date>-<n>`, the article's outlet (one outlet profile per
 * SaudiNewsNet newspaper, host taken from its URLs), title, URL, date, lang "ar", a summary
 * made of the first ~300 characters of the text, places and organisations found in the text
 * by a small gazetteer (below), and the text's fingerprint (`buildPack`, includeText false:
 * the packs carry fingerprints, not text).
 *
 * Beyond the corpus (100k), reports are synthesised deterministically: see `EXPANSION`.
 * The cached benchmark packs built from all this: match-bench-packs.ts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { buildPack, type PackSourceReport } from '../../src/core/packs';
import type { SourceProfile } from '../../src/core/packs';
import { entityKey } from '../../src/core/match/features';
import { rng } from './huge-page';

export type Label = 'on' | 'off' | 'mention';

export interface CorpusArticle {
  /** Path in labels.jsonl: "saudinewsnet/2015-07-21.zip#12". */
  key: string;
  /** Report id. */
  id: string;
  /** SaudiNewsNet outlet code ("aawsat", "okaz", …). */
  source: string;
  url: string;
  /** YYYY-MM-DD */
  date: string;
  title: string;
  content: string;
  label: Label | null;
  /** For `mention` items judged in tests/labels/mention-judged.jsonl: the judgement. */
  judged: 'on' | 'off' | null;
}

/** How reports beyond the corpus are made (printed by the benchmark, copied into RESULTS). */
export const EXPANSION =
  'Reports beyond the corpus are synthesised with a seeded mulberry32 generator: synthetic report i takes article A and a different article B ' +
  '(both drawn uniformly from the store\'s pool of corpus articles), keeps A\'s title, and its text is the first half of A\'s paragraphs followed ' +
  'by the second half of B\'s; it is dated A\'s date plus 1–90 days, attributed to one of the other 13 outlets, and gets a unique id ' +
  '(`snn-x-<i>`) and URL (`https://<outlet host>/bench/<id>`). Summary, entities and fingerprint are computed from that text like any other report.';

export function sharedDir(repoRoot: string): string {
  return path.resolve(process.env.PROVENANCE_SHARED ?? path.join(repoRoot, '..', 'shared'));
}

export function corpusDir(shared: string): string {
  return path.join(shared, 'corpus', 'saudinewsnet');
}

/** Throw a clear error when the corpus is not there. */
export function requireCorpus(shared: string): void {
  const dir = corpusDir(shared);
  if (!existsSync(dir) || !readdirSync(dir).some((f) => f.endsWith('.zip'))) {
    throw new Error(
      `The SaudiNewsNet corpus was not found in ${dir}.\n` +
        'This needs the shared folder beside the repository (../shared) or its path in PROVENANCE_SHARED.',
    );
  }
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** Every usable article of the corpus (a title and at least 200 characters of text), in corpus order. */
export function loadCorpus(shared: string, repoRoot: string): CorpusArticle[] {
  requireCorpus(shared);
  const labels = new Map<string, Label>();
  const labelFile = path.join(shared, 'corpus', 'labels.jsonl');
  if (existsSync(labelFile)) {
    for (const line of readFileSync(labelFile, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { path: string; label: Label };
      if (o.path.startsWith('saudinewsnet/')) labels.set(o.path, o.label);
    }
  }
  const judged = new Map<string, 'on' | 'off'>();
  const judgedFile = path.join(repoRoot, 'tests', 'labels', 'mention-judged.jsonl');
  if (existsSync(judgedFile)) {
    for (const line of readFileSync(judgedFile, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { path: string; judged: 'on' | 'off' };
      judged.set(o.path, o.judged);
    }
  }
  const out: CorpusArticle[] = [];
  const dir = corpusDir(shared);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.zip')).sort()) {
    const files = unzipSync(new Uint8Array(readFileSync(path.join(dir, file))));
    const name = Object.keys(files).find((k) => k.endsWith('.json'));
    if (!name) continue;
    const arr = JSON.parse(strFromU8(files[name])) as { source?: string; url?: string; date_extracted?: string; title?: string; content?: string }[];
    const fileDate = file.replace(/\.zip$/, '');
    arr.forEach((a, n) => {
      const title = decodeEntities(String(a.title ?? '')).replace(/\s+/g, ' ').trim();
      const content = decodeEntities(String(a.content ?? '')).replace(/\r/g, '').trim();
      if (!title || content.length < 200 || !a.source) return;
      let url = String(a.url ?? '');
      try {
        url = new URL(url).toString();
      } catch {
        return;
      }
      const key = `saudinewsnet/${file}#${n}`;
      const date = /^\d{4}-\d{2}-\d{2}/.exec(String(a.date_extracted ?? ''))?.[0] ?? fileDate;
      out.push({
        key, id: `snn-${fileDate}-${n}`, source: a.source, url, date, title: title.slice(0, 500), content,
        label: labels.get(key) ?? null, judged: judged.get(key) ?? null,
      });
    });
  }
  return out;
}

/** Gold topic of an article for the evaluation: on/off labels, judged mentions; null for unjudged mentions. */
export function topicOf(a: Pick<CorpusArticle, 'label' | 'judged'>): 'on' | 'off' | null {
  if (a.label === 'on' || a.label === 'off') return a.label;
  return a.judged;
}

// ---------------------------------------------------------------- outlets

/** The SaudiNewsNet newspapers (names are public facts). Hosts come from the articles' URLs. */
const OUTLET_NAMES: Record<string, [string, string]> = {
  aawsat: ['Asharq Al-Awsat', 'الشرق الأوسط'],
  aleqtisadiya: ['Al Eqtisadiya', 'الاقتصادية'],
  aljazirah: ['Al Jazirah', 'الجزيرة'],
  almadina: ['Al Madina', 'المدينة'],
  alriyadh: ['Al Riyadh', 'الرياض'],
  arreyadi: ['Arriyadi', 'الرياضي'],
  alwatan: ['Al Watan', 'الوطن'],
  alweeam: ['Al Weeam', 'الوئام'],
  alyaum: ['Al Yaum', 'اليوم'],
  okaz: ['Okaz', 'عكاظ'],
  sabq: ['Sabq', 'سبق'],
  '3alyoum': ['Rai Al Youm', 'رأي اليوم'],
  was: ['Saudi Press Agency', 'واس'],
  arriyadiyah: ['Arriyadiyah', 'الرياضية'],
};

/** Most common host of each outlet's URLs. */
export function outletHosts(articles: CorpusArticle[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const a of articles) {
    const host = new URL(a.url).hostname.replace(/^www\./, '').toLowerCase();
    const m = counts.get(a.source) ?? new Map<string, number>();
    m.set(host, (m.get(host) ?? 0) + 1);
    counts.set(a.source, m);
  }
  const out = new Map<string, string>();
  for (const [src, m] of counts) out.set(src, [...m.entries()].sort((x, y) => y[1] - x[1])[0][0]);
  return out;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';

export function outletId(prefix: string, source: string): string {
  return `${prefix}-${slug(source)}`;
}

/** One outlet profile per newspaper, ids `<prefix>-<code>` (ids are global in the store, so each pack gets its own prefix). */
export function outletProfiles(prefix: string, hosts: Map<string, string>): SourceProfile[] {
  return [...hosts.entries()].sort().map(([src, host]) => {
    const [name, nameAr] = OUTLET_NAMES[src] ?? [src, src];
    return {
      id: outletId(prefix, src), name, aliases: [nameAr], domains: [host], type: 'newspaper', country: 'SA', languages: ['ar'],
      notes: 'Saudi newspaper (SaudiNewsNet corpus, July–August 2015); profile generated for the matching benchmark.',
    };
  });
}

// ---------------------------------------------------------------- entities

/**
 * A small gazetteer (written for this project): places and organisations that recur in
 * Gulf news of 2015. An article gets the names whose normalised form occurs in its text
 * (also after the clitics و ب ل ف ك and the article ال), so matching can give
 * "same people, places or groups" reasons.
 */
const PLACES = [
  'السعودية', 'الرياض', 'جدة', 'مكة', 'المدينة المنورة', 'الدمام', 'القطيف', 'الأحساء', 'نجران', 'جازان', 'عسير', 'أبها', 'تبوك', 'القصيم',
  'اليمن', 'صنعاء', 'عدن', 'تعز', 'مأرب', 'الحديدة', 'حضرموت', 'العراق', 'بغداد', 'الموصل', 'الأنبار', 'الرمادي', 'الفلوجة', 'تكريت', 'كركوك',
  'أربيل', 'سوريا', 'دمشق', 'حلب', 'الرقة', 'دير الزور', 'حمص', 'إدلب', 'تدمر', 'كوباني', 'لبنان', 'بيروت', 'الأردن', 'عمان', 'مصر', 'القاهرة',
  'سيناء', 'ليبيا', 'طرابلس', 'سرت', 'بنغازي', 'تونس', 'سوسة', 'الجزائر', 'المغرب', 'الكويت', 'البحرين', 'قطر', 'الدوحة', 'الإمارات', 'دبي',
  'أبوظبي', 'تركيا', 'أنقرة', 'إسطنبول', 'إيران', 'طهران', 'أفغانستان', 'باكستان', 'روسيا', 'موسكو', 'الولايات المتحدة', 'واشنطن', 'فرنسا',
  'باريس', 'بريطانيا', 'لندن', 'ألمانيا', 'فلسطين', 'غزة', 'القدس', 'إسرائيل', 'نيجيريا', 'الصومال',
];
const ORGANISATIONS = [
  'داعش', 'تنظيم الدولة', 'الدولة الإسلامية', 'القاعدة', 'جبهة النصرة', 'الحوثيين', 'حزب الله', 'الحشد الشعبي', 'طالبان', 'بوكو حرام',
  'الأمم المتحدة', 'مجلس الأمن', 'جامعة الدول العربية', 'مجلس التعاون', 'التحالف', 'حلف الناتو', 'الاتحاد الأوروبي', 'البيت الأبيض',
  'وزارة الداخلية', 'وزارة الخارجية', 'وزارة الصحة', 'وزارة التعليم', 'هيئة الأمر بالمعروف', 'أرامكو', 'أوبك', 'الهلال', 'النصر', 'الاتحاد', 'الأهلي',
  'الفيفا', 'الإخوان المسلمين', 'حماس',
];
const GAZETTEER = [
  ...PLACES.map((n) => ({ name: n, kind: 'places' as const })),
  ...ORGANISATIONS.map((n) => ({ name: n, kind: 'organisations' as const })),
].map((e) => {
  const key = entityKey(e.name);
  const bare = key.replace(/^ال/, '');
  const forms = [key, ...['و', 'ب', 'ل', 'ف', 'ك'].flatMap((c) => [c + key, c + 'ال' + bare])];
  if (key.startsWith('ال')) forms.push('لل' + bare);
  return { ...e, forms };
});

export function gazetteerEntities(text: string): { places: string[]; organisations: string[] } {
  // Word 1- to 3-grams of the normalised text; an entity matches when one of its forms is one of them.
  const words = entityKey(text).split(' ');
  const grams = new Set<string>(words);
  for (let i = 0; i + 1 < words.length; i++) {
    grams.add(words[i] + ' ' + words[i + 1]);
    if (i + 2 < words.length) grams.add(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
  }
  const out = { places: [] as string[], organisations: [] as string[] };
  for (const e of GAZETTEER) if (e.forms.some((f) => grams.has(f))) out[e.kind].push(e.name);
  return out;
}

// ---------------------------------------------------------------- records

export function summaryOf(text: string, max = 300): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max);
  return t.slice(0, cut > max * 0.6 ? cut : max) + '…';
}

export function paragraphs(text: string): string[] {
  return text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
}

/** A report entry for `buildPack` (the text only feeds the fingerprint). */
export function reportEntry(a: Pick<CorpusArticle, 'id' | 'title' | 'url' | 'date' | 'content'>, sourceId: string): PackSourceReport {
  const ents = gazetteerEntities(a.title + '\n' + a.content);
  const entities: Record<string, string[]> = {};
  if (ents.places.length) entities.places = ents.places;
  if (ents.organisations.length) entities.organisations = ents.organisations;
  const json = {
    id: a.id, title: a.title, sourceId, url: a.url, published: a.date, lang: 'ar', summary: summaryOf(a.content), tags: [],
    ...(Object.keys(entities).length ? { entities } : {}),
  };
  return { file: `reports/${a.id}.json`, json, text: a.content };
}

/** Deterministic Fisher–Yates shuffle. */
export function shuffled<T>(xs: readonly T[], r: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Synthetic report i (see EXPANSION). */
export function synthesise(i: number, pool: CorpusArticle[], outlets: string[], hosts: Map<string, string>, r: () => number): CorpusArticle {
  const a = pool[Math.floor(r() * pool.length)];
  let b = pool[Math.floor(r() * pool.length)];
  if (b === a) b = pool[(pool.indexOf(a) + 1) % pool.length];
  const pa = paragraphs(a.content);
  const pb = paragraphs(b.content);
  const text = [...pa.slice(0, Math.ceil(pa.length / 2)), ...pb.slice(Math.floor(pb.length / 2))].join('\n\n');
  const others = outlets.filter((o) => o !== a.source);
  const source = others[Math.floor(r() * others.length)];
  const id = `snn-x-${i}`;
  return {
    key: `synthetic#${i}`, id, source, url: `https://${hosts.get(source)}/bench/${id}`, date: addDays(a.date, 1 + Math.floor(r() * 90)),
    title: a.title, content: text, label: a.label, judged: a.judged,
  };
}

export interface PackHeader {
  id: string;
  name: string;
  version?: string;
  description?: string;
}

/** Build one pack (compact JSON) from articles; throws with the first problems when it does not validate. */
export function buildCorpusPack(header: PackHeader, sources: SourceProfile[], entries: PackSourceReport[]): { json: string; bytes: number } {
  const r = buildPack(
    {
      header: {
        format: 'provenance-pack/1', id: header.id, name: header.name, version: header.version ?? '1.0.0', publisher: 'Provenance benchmarks',
        updated: '2026-01-01', description: header.description ?? 'Generated at run time from the SaudiNewsNet corpus for the matching benchmark; not for distribution.',
      },
      sources, topics: [], reports: entries,
    },
    { includeText: false, compact: true },
  );
  if (!r.ok) throw new Error(`pack ${header.id} does not validate: ${r.problems.slice(0, 5).map((p) => `${p.file ?? ''} ${p.path}: ${p.message}`).join('; ')}`);
  return { json: r.json, bytes: r.bytes };
}
