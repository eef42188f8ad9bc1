/**
 * A tiny static file server on 127.0.0.1 for the demo pages, tests and benchmarks.
 * Serves files under `root` only (no path traversal), with a fixed set of MIME types.
 * Extra routes can be added for tests (e.g. pages built at run time).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8',
};

export type ExtraRoute = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface StaticServer {
  server: Server;
  origin: string;
  /** Requests seen, for privacy assertions. */
  log: string[];
  close(): Promise<void>;
}

export async function startStaticServer(roots: Record<string, string>, extra?: ExtraRoute, port = 0): Promise<StaticServer> {
  const log: string[] = [];
  const server = createServer(async (req, res) => {
    log.push(`${req.method} ${req.url}`);
    try {
      if (extra && (await extra(req, res))) return;
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const prefix = Object.keys(roots).sort((a, b) => b.length - a.length).find((p) => url.pathname.startsWith(p));
      if (!prefix) return notFound(res);
      const root = path.resolve(roots[prefix]);
      let rel = decodeURIComponent(url.pathname.slice(prefix.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(root, '.' + path.sep + rel);
      if (!file.startsWith(root + path.sep) && file !== root) return notFound(res);
      const st = await stat(file).catch(() => null);
      if (!st || !st.isFile()) return notFound(res);
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: p } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${p}`,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}
