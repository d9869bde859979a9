import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from './precompress';
import { chooseEncoding, createStaticHandler } from './static-assets';

const script = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ offset: i, value: `record ${i}` })))};\n`;
const styles = `.record-row { display: table-row; }\n`.repeat(60);
const tiny = 'x=1\n';
const font = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));

let dir: string;
let base: string;
let server: http.Server;

/** Raw bytes and headers, without fetch's automatic decompression. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(base + url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'brook-static-'));
  mkdirSync(path.join(dir, 'chunks'), { recursive: true });
  mkdirSync(path.join(dir, 'media'), { recursive: true });
  writeFileSync(path.join(dir, 'chunks', 'app.js'), script);
  writeFileSync(path.join(dir, 'chunks', 'tiny.js'), tiny);
  writeFileSync(path.join(dir, 'chunks', 'page.css'), styles);
  writeFileSync(path.join(dir, 'media', 'font.woff2'), font);
  writeFileSync(path.join(os.tmpdir(), 'brook-static-secret.txt'), 'secret');
  precompress(dir);
  const handle = createStaticHandler(dir);
  server = http.createServer((req, res) => {
    if (handle(req, res)) return;
    res.statusCode = 404;
    res.end('fallback');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.join(os.tmpdir(), 'brook-static-secret.txt'), { force: true });
});

describe('precompress', () => {
  it('leaves copies that are still newer than their originals alone', () => {
    expect(precompress(dir).written).toBe(0);
  });

  it('compresses text files of 1 KB or more, not small files or fonts', () => {
    const result = precompress(dir);
    expect(result.originalBytes).toBe(Buffer.byteLength(script) + Buffer.byteLength(styles));
    expect(result.compressedBytes).toBeLessThan(result.originalBytes / 4);
  });
});

describe('static handler', () => {
  it('answers Brotli to a browser that accepts it, with the original bytes inside', async () => {
    const res = await get('/_next/static/chunks/app.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('answers gzip when Brotli is not accepted, and the original bytes when nothing is', async () => {
    const gz = await get('/_next/static/chunks/page.css', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(gunzipSync(gz.body).toString()).toBe(styles);

    const refused = await get('/_next/static/chunks/page.css', { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
    expect(refused.headers['content-encoding']).toBe('gzip');

    const plain = await get('/_next/static/chunks/page.css');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(styles);
  });

  it('serves small files and already-compressed formats as they are', async () => {
    const small = await get('/_next/static/chunks/tiny.js', { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers.vary).toBeUndefined();
    expect(small.body.toString()).toBe(tiny);

    const woff = await get('/_next/static/media/font.woff2', { 'accept-encoding': 'br, gzip' });
    expect(woff.headers['content-type']).toBe('font/woff2');
    expect(woff.headers['content-encoding']).toBeUndefined();
    expect(woff.body.equals(font)).toBe(true);
  });

  it('answers 304 to a matching If-None-Match, and HEAD without a body', async () => {
    const first = await get('/_next/static/chunks/app.js');
    const etag = first.headers.etag ?? '';
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get('/_next/static/chunks/app.js', { 'if-none-match': etag, 'accept-encoding': 'br' });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    const head = await get('/_next/static/chunks/app.js', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(head.body.length).toBe(0);
  });

  it('hands everything it does not hold to the next handler', async () => {
    for (const url of [
      '/_next/static/chunks/missing.js',
      '/_next/static/chunks/app.js.br', // the copies are not files of the build
      '/_next/static/../brook-static-secret.txt',
      '/_next/static/%2e%2e/brook-static-secret.txt',
      '/_next/static/%E0%A4%A',
      '/topics',
    ]) {
      const res = await get(url);
      expect([url, res.status, res.body.toString()]).toEqual([url, 404, 'fallback']);
    }
    expect((await get('/_next/static/chunks/app.js', {}, 'POST')).body.toString()).toBe('fallback');
  });
});

describe('chooseEncoding', () => {
  const both = new Set(['br', 'gzip'] as const);
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['GZIP', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    ['identity', 'identity'],
    ['deflate', 'identity'],
  ])('%s → %s', (header, expected) => {
    expect(chooseEncoding(header, both)).toBe(expected);
  });

  it('never picks an encoding without a copy', () => {
    expect(chooseEncoding('br', new Set(['gzip'] as const))).toBe('identity');
  });
});
