import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Tiny static server for the built site (tests and quick previews): 127.0.0.1 only, no caching, no listing.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm', '.pdf': 'application/pdf', '.png': 'image/png', '.ico': 'image/x-icon',
};

async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  let rel: string;
  try { rel = decodeURIComponent(urlPath.split('?')[0]!); } catch { return null; }
  const file = path.join(root, rel);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  const st = await stat(file).catch(() => null);
  if (st?.isFile()) return file;
  if (st?.isDirectory()) {
    const index = path.join(file, 'index.html');
    return (await stat(index).catch(() => null))?.isFile() ? index : null;
  }
  return null;
}

export function serve(dir: string, port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const root = path.resolve(dir);
  const server: Server = createServer(async (req, res) => {
    const file = await resolveFile(root, req.url ?? '/');
    const notFound = file ? null : await resolveFile(root, '/404.html');
    const target = file ?? notFound;
    if (!target) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    res.writeHead(file ? 200 : 404, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    if (req.method === 'HEAD') { res.end(); return; }
    createReadStream(target).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      // A browser may still hold a connection mid-request (a fetch its page gave up on); close() alone
      // would wait for it forever, so closing also cuts every connection still open.
      const close = () => new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); });
      resolve({ url: `http://127.0.0.1:${p}`, close });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  const port = Number(process.env.PORT ?? 4321);
  const { url } = await serve(dir, port);
  console.log(`serving ${dir} at ${url}/`);
}
