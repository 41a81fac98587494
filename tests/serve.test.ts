// The test server must close even while a browser still holds a connection in the middle of a request:
// CI once hung 10 minutes in an e2e hook waiting for such a connection to end.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../scripts/serve.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nianbao-serve-'));
  writeFileSync(path.join(dir, 'index.html'), '<p>首页</p>');
  writeFileSync(path.join(dir, 'big.bin'), Buffer.alloc(64 << 20, 1));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const opened = (port: string) => new Promise<Socket>((ok, fail) => {
  const s = connect(Number(port), '127.0.0.1', () => ok(s));
  s.once('error', fail);
});
const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p.then(() => 'closed'), new Promise<string>((ok) => setTimeout(() => ok('still open'), ms))]);

describe('serve', () => {
  it('serves a folder index', async () => {
    const { url, close } = await serve(dir);
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<p>首页</p>');
    await close();
  });

  it('closes while a client has sent half a request', async () => {
    const { url, close } = await serve(dir);
    const s = await opened(new URL(url).port);
    s.write('GET /index.html HTTP/1.1\r\nHost: x\r\n');
    await new Promise((r) => setTimeout(r, 100));
    expect(await within(close(), 3000)).toBe('closed');
    s.destroy();
  });

  it('closes while a client has stopped reading a response', async () => {
    const { url, close } = await serve(dir);
    const s = await opened(new URL(url).port);
    let got = 0;
    s.on('data', (b: Buffer) => { got += b.length; s.pause(); });
    s.write('GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((r) => setTimeout(r, 300));
    expect(got).toBeGreaterThan(0);
    expect(await within(close(), 3000)).toBe('closed');
    s.destroy();
  });
});
