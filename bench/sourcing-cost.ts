/**
 * Cost of the sourcing profile and claims on a long article, in Node:
 *
 *   npm run bench:sourcing        (= npx tsx bench/sourcing-cost.ts [--runs N] [--no-write])
 *
 * Builds a 5,000-word English article (and, for comparison, a 5,000-word Arabic one) from
 * sentences written for this benchmark — a realistic mix of named and anonymous sources,
 * outlets, documents and figures — then times `extractAttributions` + `sourcingProfile` +
 * `extractClaims` (the work `analyzeSourcing` does per page) over ≥ 50 runs after warm-up.
 * Prints median / p95 and writes the "## Sourcing and claims cost (npm run bench:sourcing)"
 * section of bench/RESULTS.md (other sections are kept). Target: median < 30 ms.
 */
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractClaims } from '../src/core/claims';
import { extractAttributions, outletsFromSources, sourcingProfile } from '../src/core/sourcing';
import defaultPack from '../src/packs/default/pack.json';
import { writeResultsSection } from './lib/results-md';
import { fmt, median, percentile } from './lib/stats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'RESULTS.md');
const HEADING = '## Sourcing and claims cost (npm run bench:sourcing)';
const args = process.argv.slice(2);
const RUNS = Math.max(50, Number(args[args.indexOf('--runs') + 1]) || 100);
const WARMUP = 10;
const TARGET_MS = 30;

const outlets = outletsFromSources(defaultPack.sources);

// ---------------------------------------------------------------- the articles (our own sentences)

const PEOPLE = ['Salim Hadi', 'Nawar al-Jubouri', 'Karim Abdelaziz', 'Leila Haddad', 'Omar Farouk al-Tai', 'Abu Yasir al-Ansari'];
const ROLES = ['a council member in Tal Afar', 'the head of the Anbar relief committee', 'a researcher at a Baghdad think tank', 'a former police colonel'];
const OUTLETS = ['Reuters', 'The Associated Press', 'Rudaw', 'Al Jazeera', 'the Iraqi newspaper Al-Mada', 'Shafaq News'];
const PLACES = ['Mosul', 'Raqqa', 'Fallujah', 'Kirkuk', 'Hawija', 'Sinjar', 'Deir ez-Zor', 'Tikrit'];
const NOUNS = ['families', 'fighters', 'detainees', 'civilians', 'trucks', 'checkpoints', 'schools', 'wells'];

function englishParagraph(i: number): string {
  const p = PEOPLE[i % PEOPLE.length];
  const last = p.split(' ').pop()!.replace(/^al-/, '');
  const o = OUTLETS[i % OUTLETS.length];
  const pl = PLACES[i % PLACES.length];
  const pl2 = PLACES[(i + 3) % PLACES.length];
  const n = NOUNS[i % NOUNS.length];
  const k = 40 + ((i * 37) % 900);
  const sentences = [
    `Speaking to ${o} on ${['Monday', 'Tuesday', 'Friday'][i % 3]}, ${ROLES[i % ROLES.length]} ${p} said that about ${k.toLocaleString('en-US')} ${n} had left ${pl} since the spring.`,
    `${last} added that the roads to ${pl2} were still closed at night and that convoys moved only with an escort.`,
    `"We counted them one by one at the gate," he said. "Nobody in the camp believes the official numbers."`,
    `Local sources told the outlet that at least ${3 + (i % 9)} wells were damaged in the latest strikes on the outskirts of ${pl}.`,
    `A security official, speaking on condition of anonymity, said dozens of suspects were detained in raids across the province last week.`,
    `The ministry said in a statement that more than ${200 + i * 11} displaced people would be allowed to return before the end of the year.`,
    `According to a report by ${OUTLETS[(i + 2) % OUTLETS.length]}, hundreds of families in ${pl2} still had no running water in ${2015 + (i % 4)}.`,
    `Residents reached by phone described long queues at the bakeries and prices that had doubled in a month.`,
    `The local council has repaired ${5 + (i % 20)} schools and two clinics since the area was retaken, and the work continues.`,
    `The governor was told by his advisers to wait for the budget before promising anything new to the returning families.`,
  ];
  return sentences.join(' ');
}

const AR_PEOPLE = ['سليم هادي', 'نوار الجبوري', 'كريم عبد العزيز', 'ليلى حداد'];
const AR_OUTLETS = ['لوكالة رويترز', 'لقناة الجزيرة', 'لشبكة روداو', 'لوكالة شفق نيوز'];
const AR_PLACES = ['الموصل', 'الرقة', 'الفلوجة', 'كركوك', 'تكريت', 'سنجار'];

function arabicParagraph(i: number): string {
  const p = AR_PEOPLE[i % AR_PEOPLE.length];
  const last = p.split(' ').pop()!;
  const pl = AR_PLACES[i % AR_PLACES.length];
  const k = 40 + ((i * 37) % 900);
  return [
    `وقال عضو مجلس المحافظة ${p} ${AR_OUTLETS[i % AR_OUTLETS.length]} إن نحو ${k} عائلة غادرت ${pl} منذ الربيع الماضي.`,
    `وأضاف ${last} أن الطرق المؤدية إلى المدينة ما زالت مغلقة ليلا وأن القوافل لا تتحرك إلا بحماية أمنية.`,
    `وأفادت مصادر محلية بأن ما لا يقل عن ${3 + (i % 9)} آبار تضررت في الغارات الأخيرة على أطراف ${pl}.`,
    `وقال ضابط في الشرطة رفض الكشف عن اسمه إن عشرات المشتبه بهم اعتقلوا في مداهمات خلال الأسبوع الماضي.`,
    `وذكرت الوزارة في بيان أن أكثر من ${200 + i * 11} نازح سيسمح لهم بالعودة قبل نهاية العام.`,
    `وبحسب ما أوردته وكالة الأنباء العراقية، فإن مئات العائلات ما زالت من دون مياه صالحة للشرب.`,
    `وأعاد المجلس المحلي تأهيل ${5 + (i % 20)} مدرسة وعيادتين منذ استعادة المنطقة، ولا يزال العمل مستمرا.`,
  ].join(' ');
}

function build(paragraph: (i: number) => string, words: number): string {
  const paras: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = paragraph(i);
    paras.push(p);
    count += p.split(/\s+/).length;
  }
  return paras.join('\n\n');
}

// ---------------------------------------------------------------- timing

function analyse(text: string) {
  const items = extractAttributions(text, { outlets });
  const profile = sourcingProfile(items, { text });
  const claims = extractClaims(text, { outlets, attributions: items });
  return { items, profile, claims };
}

function time(text: string): { times: number[]; result: ReturnType<typeof analyse> } {
  let result = analyse(text);
  for (let i = 0; i < WARMUP; i++) result = analyse(text);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = analyse(text);
    times.push(performance.now() - t0);
  }
  return { times, result };
}

const cases = [
  { name: 'English, 5,000 words', text: build(englishParagraph, 5000) },
  { name: 'Arabic, 5,000 words', text: build(arabicParagraph, 5000) },
];

const rows: string[] = [];
let englishMedian = NaN;
for (const c of cases) {
  const { times, result } = time(c.text);
  const words = c.text.split(/\s+/).length;
  const med = median(times);
  if (c.name.startsWith('English')) englishMedian = med;
  const counts = result.profile.counts;
  console.log(
    `${c.name}: ${words} words, ${c.text.length} chars — median ${fmt(med)} ms, p95 ${fmt(percentile(times, 95))} ms, min ${fmt(Math.min(...times))} ms ` +
      `(${result.items.length} attributions: ${counts['named-person']} named, ${counts.anonymous} anonymous, ${counts.outlet} outlets, ${counts.document} documents, ${counts.unattributed} unattributed; ${result.claims.length} claims)`,
  );
  rows.push(
    `| ${c.name} | ${words.toLocaleString('en-US')} | ${RUNS} | ${fmt(med)} | ${fmt(percentile(times, 95))} | ${fmt(Math.min(...times))} | ${result.items.length} | ${result.claims.length} |`,
  );
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const body = [
  `Generated by \`npm run bench:sourcing\` (\`bench/sourcing-cost.ts\`) on ${new Date().toISOString().slice(0, 10)}.`,
  `Machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}, ${os.platform()} ${os.release()}.`,
  '',
  `One run = \`extractAttributions\` + \`sourcingProfile\` + \`extractClaims\` (attributions reused) on the article's plain text, as \`analyzeSourcing\` does for a page; ${WARMUP} warm-up runs, then ${RUNS} timed runs. The articles are built from sentences written for the benchmark (named people with roles and outlets, anonymous sources, documents, figures with qualifiers). Target: median under ${TARGET_MS} ms for the English article — **${englishMedian < TARGET_MS ? 'met' : 'NOT met'}**.`,
  '',
  '| article | words | runs | median (ms) | p95 (ms) | min (ms) | attributions | claims |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
].join('\n');

if (!args.includes('--no-write')) {
  writeResultsSection(OUT, HEADING, body);
  console.log(`\nWrote "${HEADING}" in ${OUT}`);
}
if (!(englishMedian < TARGET_MS)) {
  console.error(`Median ${fmt(englishMedian)} ms is over the ${TARGET_MS} ms target.`);
  process.exitCode = 1;
}
