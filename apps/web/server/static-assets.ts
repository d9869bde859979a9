/**
 * The console's build output under `/_next/static/`, served from memory with the compressed
 * copies written at build time (`precompress.ts`).
 *
 * Why not Next's own handler: `next start` gzips every script and stylesheet again on every
 * request. A first visit to a topic asks for 16 files at once, and compressing them cost the
 * server about 50 ms of CPU, more than rendering the page itself, while the page's HTML was still
 * streaming. Every file here is named by its content hash and never changes, so it is compressed
 * once, at build time, at the strongest settings.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

export const STATIC_URL_PREFIX = '/_next/static/';

/** Compressed copies sit beside the original with these suffixes, best first. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
export type EncodingName = (typeof ENCODINGS)[number]['name'];

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/** Worth compressing: text formats. Images and fonts are compressed already. */
export function isCompressible(file: string): boolean {
  return /\.(m?js|css|json|map|txt|svg)$/.test(file);
}

/** Below this, a compressed copy saves less than its headers cost. */
export const MIN_COMPRESS_BYTES = 1024;

interface Asset {
  readonly file: string;
  readonly contentType: string;
  readonly encodings: ReadonlySet<EncodingName>;
  etag?: string;
  readonly bodies: Map<EncodingName | 'identity', Buffer>;
}

function walk(dir: string, base: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, base, out);
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/**
 * The files of a build's static folder (relative, with `/` separators), each with the compressed
 * copies found beside it. A missing folder has no files.
 */
export function scanStaticDir(staticDir: string): Map<string, Set<EncodingName>> {
  let files: string[];
  try {
    files = walk(staticDir, staticDir, []);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw err;
  }
  const present = new Set(files);
  const isCopy = (file: string) => ENCODINGS.some(({ suffix }) => file.endsWith(suffix) && present.has(file.slice(0, -suffix.length)));
  const assets = new Map<string, Set<EncodingName>>();
  for (const file of files) {
    if (isCopy(file)) continue;
    assets.set(file, new Set(ENCODINGS.filter(({ suffix }) => present.has(file + suffix)).map(({ name }) => name)));
  }
  return assets;
}

/**
 * The encoding to answer with, from an Accept-Encoding header: the best we have that the client
 * accepts (q > 0), else the original bytes.
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: ReadonlySet<EncodingName>): EncodingName | 'identity' {
  if (!acceptEncoding || available.size === 0) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(token.trim(), q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const wildcard = accepted.get('*');
  for (const { name } of ENCODINGS) {
    if (!available.has(name)) continue;
    const q = accepted.get(name) ?? wildcard ?? 0;
    if (q > 0) return name;
  }
  return 'identity';
}

export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * A request handler for `/_next/static/*`. It answers only files that exist in the build (the list
 * is read once: a build's static files never change while it is served) and returns false for
 * anything else, which the caller hands to Next (its 404 page, its other routes).
 */
export function createStaticHandler(staticDir: string): StaticHandler {
  const assets = new Map<string, Asset>();
  for (const [rel, encodings] of scanStaticDir(staticDir)) {
    assets.set(STATIC_URL_PREFIX + rel, {
      file: path.join(staticDir, ...rel.split('/')),
      contentType: CONTENT_TYPES[path.extname(rel).toLowerCase()] ?? 'application/octet-stream',
      encodings,
      bodies: new Map(),
    });
  }

  function body(asset: Asset, encoding: EncodingName | 'identity'): Buffer {
    let bytes = asset.bodies.get(encoding);
    if (!bytes) {
      const suffix = ENCODINGS.find((e) => e.name === encoding)?.suffix ?? '';
      bytes = readFileSync(asset.file + suffix);
      asset.bodies.set(encoding, bytes);
    }
    return bytes;
  }

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '';
    if (!url.startsWith(STATIC_URL_PREFIX)) return false;
    const query = url.indexOf('?');
    let pathname = query === -1 ? url : url.slice(0, query);
    try {
      pathname = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    const asset = assets.get(pathname);
    if (!asset) return false;

    const encoding = chooseEncoding(req.headers['accept-encoding'], asset.encodings);
    let etag: string;
    let bytes: Buffer;
    try {
      // Weak: the compressed and original bodies share it.
      etag = asset.etag ??= `W/"${createHash('sha1').update(body(asset, 'identity')).digest('base64url').slice(0, 22)}"`;
      bytes = body(asset, encoding);
    } catch {
      // Removed from disk after start: Next answers (its 404, or the file if it is back).
      return false;
    }
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('Content-Type', asset.contentType);
    res.setHeader('ETag', etag);
    if (asset.encodings.size > 0) res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', bytes.length);
    res.statusCode = 200;
    if (req.method === 'HEAD') res.end();
    else res.end(bytes);
    return true;
  };
}
