/**
 * A generated ~10 MB news-style HTML page for the worst-case content-script run: a
 * headline and opening that name ISIS (so the page passes the quick check and gets the
 * full analysis), then many paragraphs of made-up English prose with the occasional
 * mention. Deterministic (seeded), written for this project.
 */

/** Small seeded PRNG (mulberry32), so generated benchmark text is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['The council', 'A local official', 'The regional governor', 'Residents of the old quarter', 'The ministry', 'An aid worker', 'The committee', 'Several witnesses', 'A spokesman for the army', 'Shopkeepers near the bridge'];
const VERBS = ['said on Tuesday that', 'told reporters that', 'argued in a statement that', 'confirmed late on Sunday that', 'warned that', 'insisted that', 'noted in a briefing that'];
const CLAUSES = [
  'the road to the northern villages would reopen within a week',
  'water deliveries had been delayed by the fighting',
  'families were returning to districts cleared in the spring',
  'the schools in the eastern suburbs needed new roofs',
  'the market would stay closed until the checkpoints were moved',
  'a new police unit had been trained over the winter',
  'the reconstruction budget was far smaller than promised',
  'electricity had been restored to most of the hospital',
  'talks with tribal leaders were expected to continue',
  'the prices of flour and fuel had doubled since March',
];
const TAILS = ['', ' according to people familiar with the matter', ' despite repeated objections', ' after weeks of delay', ' though no date was given'];
const MENTIONS = [
  'Officials blamed ISIS fighters for mining the fields outside the town.',
  'The area was held by the Islamic State group until two years ago.',
  'Former ISIS members are being tried in a court in the provincial capital.',
];

function sentence(r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(CLAUSES)}${pick(TAILS)}.`;
}

export function generateHugePage(targetBytes = 10 * 1024 * 1024, seed = 20160429): string {
  const r = rng(seed);
  const head =
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<title>After ISIS: a long record of rebuilding in the river towns (generated benchmark page)</title>' +
    '<meta property="og:type" content="article"><meta name="description" content="A very long generated report on reconstruction in towns once held by ISIS.">' +
    '<meta property="article:published_time" content="2016-04-29T09:00:00Z"></head><body>' +
    '<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header><main><article>' +
    '<h1>After ISIS: a long record of rebuilding in the river towns</h1>' +
    '<p class="byline">By a benchmark generator</p>' +
    `<p>${MENTIONS[0]} ${sentence(r)} ${sentence(r)} ${sentence(r)}</p>`;
  const parts: string[] = [head];
  let size = head.length;
  let n = 0;
  const tail = '</article></main><footer><p>Generated page for the Provenance content-script benchmark.</p></footer></body></html>';
  while (size + tail.length < targetBytes) {
    let p: string;
    if (n % 40 === 39) p = `<h2>Part ${(n + 1) / 40}: ${sentence(r).slice(0, -1)}</h2>`;
    else {
      const k = 3 + Math.floor(r() * 4);
      const ss: string[] = [];
      for (let i = 0; i < k; i++) ss.push(sentence(r));
      if (n % 997 === 500) ss.push(MENTIONS[1 + (n % 2)]);
      p = `<p>${ss.join(' ')}</p>`;
    }
    parts.push(p, '\n');
    size += p.length + 1;
    n++;
  }
  parts.push(tail);
  return parts.join('');
}
