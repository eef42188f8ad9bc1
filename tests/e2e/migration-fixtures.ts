/**
 * What the browser migration tests (migrations.spec.ts, migrations-v4.spec.ts) share: the
 * default pack as shipped, the page matched before and after each migration, and legacy
 * rows turned into plain values for the worker.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const defaultPack = () => JSON.parse(readFileSync(path.resolve('src/packs/default/pack.json'), 'utf8'));

/** The page whose related reports are compared before and after each migration (passed into the worker). */
export const MATCH_PAGE = {
  stage: 'full', url: 'http://127.0.0.1/x.html', title: 'Mosul media office technicians taken to the desert', titleDerived: false,
  siteName: null, byline: null, published: null, lang: 'en', dir: 'ltr', canonicalUrl: null, section: null, isArticle: true, wordCount: 40,
  text: 'Islamic State took internet technicians and media workers from Mosul into the desert, the head of the Nineveh media center said. Detainees in Syria and propaganda defectors were also mentioned.',
  verdict: { topicId: 'isis', topicLabel: 'ISIS', score: 0.9, onTopic: true, reason: 'test', evidence: [], lang: 'en' },
};
/** Legacy rows as plain JSON-able values (typed arrays as arrays; the worker converts them back). */
export const plainRows = (rows: object[]) => JSON.parse(JSON.stringify(rows, (_k, v) => (ArrayBuffer.isView(v) ? { __typed: v.constructor.name, a: Array.from(v as Uint8Array) } : v)));
