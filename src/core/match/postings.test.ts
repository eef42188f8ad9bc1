import { describe, expect, it } from 'vitest';
import { bandCandidates, bandKeys, buildShards, keyHash, keyHashOf, readPostings, shardOfHash, replacePackSegments, reportKeyHashes, reportKeys, rowShards, scoreCandidates, shardDocs, shardOf } from './postings';
import { minhashText } from '../packs/fingerprint';

const doc = (n: number, terms: Record<string, number>, ents: string[] = []) => ({ n, keys: reportKeys({ terms, entityKeys: ents }) });

describe('sharded postings', () => {
  it('round-trips documents through shards and reads postings per key', () => {
    const docs = [doc(1, { mosul: 2, media: 1 }, ['nineveh']), doc(2, { mosul: 1.5, raqqa: 3 }), doc(7, { media: 4 })];
    const shards = buildShards('p', docs);
    expect(shards.every((s) => s.packId === 'p' && s.offsets[s.kh.length] === s.ns.length)).toBe(true);
    expect(shards.every((s) => s.kh.every((h, i) => shardOfHash(h) === s.shard && (i === 0 || s.kh[i - 1] < h)))).toBe(true);
    const back = shardDocs(shards);
    expect([...back.keys()].sort()).toEqual([1, 2, 7]);
    expect(new Map(back.get(1))).toEqual(new Map(docs[0].keys.map(([k, w]) => [keyHash(k), w])));
    const post = readPostings(shards, ['t:mosul', 't:absent', 'e:nineveh']);
    expect([...post.get('t:mosul')![0].ns]).toEqual([1, 2]);
    expect(post.has('t:absent')).toBe(false);
    expect([...post.get('e:nineveh')![0].ns]).toEqual([1]);
    expect(shardOf('t:mosul')).toBe(shardOf('t:mosul'));
  });

  it('ranks by rare shared terms, not common ones', () => {
    const docs = [];
    for (let n = 1; n <= 50; n++) docs.push(doc(n, { common: 2, [`filler${n}`]: 1 }));
    docs.push(doc(99, { common: 1, zarari: 2, nineveh: 2 }));
    const shards = buildShards('p', docs);
    const q = new Map([['t:common', 3], ['t:zarari', 1], ['t:nineveh', 1]]);
    const top = scoreCandidates(q, readPostings(shards, q.keys()), 51, 5);
    expect(top[0].n).toBe(99);
  });

  it('finds near-copies through MinHash bands and not unrelated texts', () => {
    const story = 'The media office of the group in Nineveh moved its technicians into the desert after the offensive began, a local official said on Tuesday. ' +
      'Engineers who had run the internet cafes of the city were taken along with their equipment, according to residents who fled the western districts. ';
    const other = 'A court in the capital sentenced three men for smuggling fuel across the border, and officials promised more inspections at the crossings next month. ' +
      'Traders said prices of diesel rose sharply in the markets of the southern provinces over the past weeks. ';
    const a = minhashText(story.repeat(3));
    const copy = minhashText('Read more: ' + story.repeat(3) + ' Share this article. Comments are closed.');
    const b = minhashText(other.repeat(3));
    const shards = buildShards('p', [{ n: 1, keys: reportKeys({ terms: {}, entityKeys: [] }, a) }, { n: 2, keys: reportKeys({ terms: {}, entityKeys: [] }, b) }]);
    const post = readPostings(shards, bandKeys(copy));
    expect(bandCandidates(copy, post, 2)).toEqual([1]);
  });
});

describe('scoreCandidates at scale', () => {
  it('returns the same top k as a full sort, and skips keys most reports carry', () => {
    let x = 7;
    const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const docs = [];
    for (let n = 1; n <= 3000; n++) {
      const terms: Record<string, number> = { everywhere: 1 + rnd() };
      for (let j = 0; j < 8; j++) terms[`w${Math.floor(rnd() * 400)}`] = 1 + rnd() * 4;
      docs.push(doc(n, terms));
    }
    const shards = buildShards('p', docs);
    const q = new Map<string, number>([['t:everywhere', 5], ...Array.from({ length: 30 }, (_, i): [string, number] => [`t:w${i * 7}`, 1 + (i % 3)])]);
    const post = readPostings(shards, q.keys());
    const top = scoreCandidates(q, post, 3000, 25);
    expect(top).toHaveLength(25);
    for (let i = 1; i < top.length; i++) expect(top[i - 1].score).toBeGreaterThanOrEqual(top[i].score);
    // Naive reference without the common key: same ordinals.
    const q2 = new Map([...q].filter(([k]) => k !== 't:everywhere'));
    const ref = scoreCandidates(q2, readPostings(shards, q2.keys()), 3000, 3000);
    expect(top.map((t) => t.n)).toEqual(ref.slice(0, 25).map((t) => t.n));
  });
});

describe('shard rows hold every pack', () => {
  it('replaces one pack segment and keeps the others; empty rows are reported', () => {
    const a = buildShards('a', [doc(1, { mosul: 2 }), doc(2, { raqqa: 1 })]);
    let rows = replacePackSegments([], 'a', a).put;
    const b = buildShards('b', [doc(3, { mosul: 1 })]);
    const merged = new Map(rows.map((r) => [r.shard, r]));
    for (const r of replacePackSegments(rows, 'b', b).put) merged.set(r.shard, r);
    rows = [...merged.values()];
    expect([...readPostings(rowShards(rows), ['t:mosul']).get('t:mosul')!.flatMap((p) => [...p.ns])].sort()).toEqual([1, 3]);
    // Pack a removed: the raqqa shard becomes empty unless it shares with b; mosul keeps b's posting.
    const { put, empty } = replacePackSegments(rows, 'a', []);
    const after = new Map(rows.map((r) => [r.shard, r]));
    for (const r of put) after.set(r.shard, r);
    for (const s of empty) after.delete(s);
    expect([...readPostings(rowShards([...after.values()]), ['t:mosul']).get('t:mosul')!.flatMap((p) => [...p.ns])]).toEqual([3]);
    expect(readPostings(rowShards([...after.values()]), ['t:raqqa']).has('t:raqqa')).toBe(false);
    if (shardOf('t:raqqa') !== shardOf('t:mosul')) expect(empty).toContain(shardOf('t:raqqa'));
  });
});

describe('keys hashed without building them', () => {
  it('keyHashOf(prefix, key) is keyHash(prefix + key), and reportKeyHashes hashes reportKeys', () => {
    for (const k of ['', 'a', 'mosul', 'الموصل', 'état islamique', 'x'.repeat(300), '\u{1F600}ok']) {
      for (const p of ['', 't:', 'e:', 'b:3:']) expect(keyHashOf(p, k)).toBe(keyHash(p + k));
    }
    const f = { terms: { mosul: 2.5, 'الموصل': 1.25, '2017': 1, iraq: 0.01 }, entityKeys: ['islamic state', 'mosul'] };
    const minhash = Array.from({ length: 64 }, (_, i) => (i * 2654435761) >>> 0);
    expect(reportKeyHashes(f, minhash)).toEqual(reportKeys(f, minhash).map(([k, w]) => [keyHash(k), w]));
    expect(reportKeyHashes(f, minhash)).toHaveLength(4 + 2 + 32);
  });
});
