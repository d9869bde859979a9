// After `next build`: bundles the console's production server (server/main.ts → dist/server.mjs,
// with `next` left to node_modules) and writes the precompressed copies of the static files it serves.
import { build } from 'esbuild';

const here = (file) => new URL(file, import.meta.url).pathname;

await build({
  entryPoints: { server: here('../server/main.ts'), precompress: here('../server/precompress.ts') },
  outdir: here('../dist'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['next'],
  logLevel: 'warning',
});

const { precompress } = await import(here('../dist/precompress.mjs'));
const started = performance.now();
const result = precompress(here('../.next/static'));
const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
console.log(
  `precompressed .next/static: ${kb(result.originalBytes)} → ${kb(result.compressedBytes)}, ${result.written} copies written in ${Math.round(performance.now() - started)} ms`,
);
