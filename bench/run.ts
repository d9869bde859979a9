// `npm run bench`: every benchmark of the project in one run, printed as one table next to this
// machine's ceilings measured in the same run. `npm run bench -- broker` runs only modules whose name matches.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BenchModule, BenchRow } from './types.ts';

const modules = ['ceilings', 'broker-produce', 'broker-latency', 'broker-groups', 'broker-sasl', 'gateway', 'console'];

async function main(): Promise<void> {
  const filter = process.argv[2];
  // Benchmarks measure what users run: the bundled broker and gateway and the production console build.
  execFileSync(path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'turbo'), ['run', 'build', '--filter=@brook/broker', '--filter=@brook/gateway', '--filter=@brook/web', '--output-logs=errors-only'], { stdio: 'inherit' });
  const rows: BenchRow[] = [];
  for (const name of modules) {
    if (filter && !name.includes(filter) && name !== 'ceilings') continue;
    const file = path.join(import.meta.dirname, `${name}.ts`);
    if (!existsSync(file)) continue;
    process.stderr.write(`bench: running ${name}…\n`);
    try {
      const mod = (await import(file)) as BenchModule;
      rows.push(...(await mod.run()));
    } catch (err) {
      rows.push({ name: `${name}: FAILED`, value: Number.NaN, unit: '', note: err instanceof Error ? err.message : String(err) });
    }
  }
  const format = (v: number): string => (Number.isNaN(v) ? '—' : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2));
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${'benchmark'.padEnd(width)}  ${'value'.padStart(14)}  unit        note`);
  console.log('-'.repeat(width + 50));
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${format(r.value).padStart(14)}  ${r.unit.padEnd(10)}  ${r.note ?? ''}`);
}

await main();
