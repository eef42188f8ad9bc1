/** Shared set-up for end-to-end tests: demo server + Chromium with the built extension. */
import path from 'node:path';
import { launchWithExtension, type Launched } from '../../scripts/lib/browser';
import { startStaticServer, type ExtraRoute, type StaticServer } from '../../scripts/lib/static-server';

export const DEMO_DIR = path.resolve('public/demo');

export interface Harness extends Launched {
  server: StaticServer;
  url(file: string): string;
  close(): Promise<void>;
}

export async function startHarness(opts: { userDataDir?: string; extra?: ExtraRoute; lang?: string } = {}): Promise<Harness> {
  const server = await startStaticServer({ '/': DEMO_DIR }, opts.extra);
  const launched = await launchWithExtension({ userDataDir: opts.userDataDir, lang: opts.lang });
  return {
    ...launched,
    server,
    url: (file) => `${server.origin}/${file}`,
    close: async () => {
      await launched.context.close();
      await server.close();
    },
  };
}

/** Report counts in the extension's IndexedDB, read inside the service worker. */
export async function storeCounts(h: Launched): Promise<{ reports: number; sources: number; packs: number }> {
  return h.worker.evaluate(async () => {
    const p = (globalThis as any).__provenance;
    await p.ensureSeeded();
    return { reports: await p.db.reports.count(), sources: await p.db.sources.count(), packs: await p.db.packs.count() };
  });
}
