// The gateway runs as one esbuild bundle (dist/main.mjs), as the broker does. Under tsx every request
// also paid for its transform's runtime helpers (a defineProperty per closure created, for names):
// single-record POSTs ran about 15% slower. Workspace packages (the contract, TypeScript source) are
// bundled in; npm dependencies stay external and load from node_modules (kafkajs internals are
// required by path at run time, and @fastify/swagger-ui serves files from its own folder).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !name.startsWith('@brook/'));

await build({
  entryPoints: [new URL('../src/main.ts', import.meta.url).pathname],
  outfile: new URL('../dist/main.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
});
