/** Packs built at test time (our own synthetic text), and a store dump for before/after comparisons. */
import type { Worker } from '@playwright/test';
import type { Pack } from '../../src/core/packs';

const WORDS = (
  'council river bridge market school budget harvest festival library museum railway harbour ' +
  'airport clinic orchestra stadium garden factory bakery theatre ferry tunnel canal village'
).split(' ');

function sentence(i: number, n = 14): string {
  const w: string[] = [];
  let x = i * 2654435761;
  for (let k = 0; k < n; k++) {
    x = (x ^ (x >>> 13)) * 1274126177;
    w.push(WORDS[Math.abs(x) % WORDS.length]);
  }
  return w.join(' ');
}

export function testPack(opts: { id?: string; version?: string; reports?: number; extra?: Record<string, unknown> } = {}): Pack {
  const id = opts.id ?? 'desk-pack';
  const n = opts.reports ?? 3;
  return {
    format: 'provenance-pack/1',
    id,
    name: `Desk pack ${opts.version ?? '1.0.0'}`,
    version: opts.version ?? '1.0.0',
    publisher: 'Test desk',
    updated: '2026-11-01T10:00:00Z',
    ...opts.extra,
    sources: [
      { id: `${id}-gazette`, name: 'Harbour Gazette', domains: ['harbour-gazette.test'], type: 'newspaper', country: 'GB', languages: ['en'], notes: 'Weekly paper of a port town.' },
    ],
    reports: Array.from({ length: n }, (_, i) => ({
      id: `${id}-r${i}`,
      title: `Report ${i}: ${sentence(i, 6)}`,
      sourceId: `${id}-gazette`,
      lang: 'en',
      summary: sentence(i + 1000, 30),
      tags: ['local'],
      published: '2026-10-01',
    })),
  };
}

/** Every table of the extension's store, sorted, as one JSON string. */
export async function dumpStore(worker: Worker): Promise<string> {
  return worker.evaluate(async () => {
    const db = (globalThis as any).__provenance.db;
    const out: Record<string, unknown> = {};
    for (const t of db.tables) {
      const rows = await t.toArray();
      out[t.name] = rows.map((r: unknown) => JSON.stringify(r)).sort();
    }
    return JSON.stringify(out);
  });
}
