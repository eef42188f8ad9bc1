/** The demo pages served from 127.0.0.1 for the Firefox tests (the same server the Chromium tests use). */
import path from 'node:path';
import { startStaticServer, type ExtraRoute, type StaticServer } from '../../scripts/lib/static-server';

export type { StaticServer };
export const DEMO_DIR = path.resolve('public/demo');

export function startDemoServer(extra?: ExtraRoute): Promise<StaticServer> {
  return startStaticServer({ '/': DEMO_DIR }, extra);
}
