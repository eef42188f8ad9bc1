/**
 * A pack replacement interrupted mid-write leaves the old pack or the new, never a mix.
 * A Dexie DBCore middleware counts the requests (reads and writes) of a replacement and, at
 * every one of them in turn, interrupts it: by failing it, or by aborting the IndexedDB
 * transaction right after the request was issued (what a killed worker's transaction
 * undergoes); the store, read through a new connection, must then hold the old version
 * whole (pack row, reports, outlets, postings). Closing the connection mid-import (Dexie's
 * close, or fake-indexeddb's forced close, which lets running transactions finish) must
 * leave the old version or the new one whole, matching what the import reported.
 */
import type { DBCore, Middleware } from 'dexie';
import { forceCloseDatabase } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { importPack } from './import-pack';
import { freshStore, packState, testPack, type PackState } from './test-support';
import type { ProvenanceDB } from './db';

type Mode = 'throw' | 'abort' | 'close' | 'force-close';

interface Fault {
  /** Requests (reads and writes) seen since `count` was last reset. */
  count: number;
  /** Interrupt at this request (1-based); 0: never. */
  at: number;
  mode: Mode;
  /** Requests made, in order (`table.op`). */
  log: string[];
}

/** Requests counted as steps of an import: every write, and every read between them. */
const OPS = ['mutate', 'get', 'getMany', 'query', 'openCursor', 'count'] as const;

function faultMiddleware(f: Fault, db: () => ProvenanceDB): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'fault-injection',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        const wrapped = { ...t };
        for (const op of OPS) {
          const orig = (t[op] as (req: { trans: unknown }) => Promise<unknown>).bind(t);
          (wrapped as Record<string, unknown>)[op] = (req: { trans: unknown; type?: string }) => {
            f.count++;
            f.log.push(`${name}.${req.type ?? op}`);
            if (f.count !== f.at) return orig(req);
            if (f.mode === 'throw') return Promise.reject(new Error(`interrupted at step ${f.count} (${name}.${req.type ?? op})`));
            const pending = orig(req); // the request is issued, then the transaction dies
            if (f.mode === 'abort') (req.trans as IDBTransaction).abort();
            else if (f.mode === 'close') db().close();
            else forceCloseDatabase(db().backendDB() as unknown as Parameters<typeof forceCloseDatabase>[0]); // its typing asks for the class
            return pending;
          };
        }
        return wrapped;
      },
    }),
  };
}

const OLD = '1.0.0';
const NEW = '2.0.0';
// Different report and outlet counts, so that a mix of versions shows in the counts too.
const oldPack = () => testPack({ version: OLD, reports: 120, outlets: 3 });
const newPack = () => testPack({ version: NEW, reports: 90, outlets: 2 });

async function setup(fault: Fault) {
  const store = await freshStore();
  store.db.close();
  const db = store.reopen();
  db.use(faultMiddleware(fault, () => db));
  await db.open();
  await importPack(db, oldPack());
  return { ...store, db };
}

/** The pack as a new connection sees it (what a restarted worker would read). */
async function committedState(reopen: () => ProvenanceDB): Promise<PackState> {
  const db = reopen();
  await db.open();
  const state = await packState(db, 'test-pack');
  db.close();
  return state;
}

const expectedOld: PackState = {
  version: OLD, reportCount: 120, reports: 120, titleVersions: [OLD],
  outlets: ['test-pack-outlet0', 'test-pack-outlet1', 'test-pack-outlet2'], postingsAgree: true, ordinalsOk: true,
};
const expectedNew: PackState = {
  version: NEW, reportCount: 90, reports: 90, titleVersions: [NEW],
  outlets: ['test-pack-outlet0', 'test-pack-outlet1'], postingsAgree: true, ordinalsOk: true,
};

/** The requests of one uninterrupted replacement. */
async function stepsOfReplacement(): Promise<string[]> {
  const fault: Fault = { count: 0, at: 0, mode: 'throw', log: [] };
  const { db, reopen } = await setup(fault);
  fault.count = 0;
  fault.log = [];
  await importPack(db, newPack());
  db.close();
  expect(await committedState(reopen)).toEqual(expectedNew);
  return fault.log;
}

describe('pack replacement interrupted mid-write', () => {
  it('an uninterrupted replacement reads and writes reports, index segments, outlets, the pack row and the ordinal', async () => {
    const log = await stepsOfReplacement();
    for (const w of ['reports.put', 'segments.add', 'sources.put', 'packs.put', 'settings.put']) expect(log).toContain(w);
    // Some reads come after the first write: interrupting there must not leave a mix either.
    expect(log.slice(log.findIndex((x) => x === 'reports.put')).some((x) => !/\.(put|add|delete|deleteRange)$/.test(x))).toBe(true);
  });

  for (const mode of ['throw', 'abort', 'close', 'force-close'] as const) {
    const closing = mode === 'close' || mode === 'force-close';
    it(`${mode} at every step of the replacement: the ${closing ? 'old or the new' : 'old'} pack stays whole`, async () => {
      const steps = (await stepsOfReplacement()).length;
      expect(steps).toBeGreaterThanOrEqual(10);
      const outcomes: string[] = [];
      for (let at = 1; at <= steps; at++) {
        const fault: Fault = { count: 0, at: 0, mode, log: [] };
        const { db, reopen } = await setup(fault);
        fault.count = 0;
        fault.at = at;
        const outcome = await importPack(db, newPack()).then(() => 'new', () => 'old');
        if (!closing) expect(outcome, `interrupted at step ${at}`).toBe('old');
        expect(fault.count, `step ${at} was reached`).toBeGreaterThanOrEqual(at);
        db.close();
        const label = `${mode} at step ${at} (${fault.log[at - 1]})`;
        expect(await committedState(reopen), label).toEqual(outcome === 'new' ? expectedNew : expectedOld);
        outcomes.push(outcome);

        // The store is usable afterwards: the same replacement then goes through.
        const again = reopen();
        await again.open();
        await importPack(again, newPack());
        expect(await packState(again, 'test-pack')).toEqual(expectedNew);
        again.close();
      }
      if (closing) console.log(`${mode} at steps 1..${steps}: ${outcomes.join(', ')}`);
    });
  }
});
