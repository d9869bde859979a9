import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT_FILE, DEFAULT_SPEC_DIR } from './generate-protocol.ts';
import { parseVersions, stripComments } from './protocol-generator.ts';

const haveSpecs = existsSync(DEFAULT_SPEC_DIR);

describe('generate-protocol', () => {
  it.skipIf(!haveSpecs)('regenerating from the specs (CLI, into a temp file) changes nothing in the committed messages.ts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brook-gen-'));
    try {
      const out = join(dir, 'messages.ts');
      const script = fileURLToPath(new URL('./generate-protocol.ts', import.meta.url));
      await promisify(execFile)(process.execPath, ['--import', 'tsx', script, DEFAULT_SPEC_DIR, out]);
      expect((await readFile(out, 'utf8')) === readFileSync(DEFAULT_OUT_FILE, 'utf8'), 'messages.ts is stale: run npm run generate -w @brook/broker').toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  if (!haveSpecs) it.skip(`kafka message specs not found at ${DEFAULT_SPEC_DIR}: regeneration check skipped`, () => {});

  it('strips // comments but not // inside strings', () => {
    expect(JSON.parse(stripComments('{ // c\n "a": "http://x" // d\n}'))).toEqual({ a: 'http://x' });
  });

  it('parses version ranges', () => {
    expect(parseVersions('3+', 'x')).toEqual([3, 0x7fff]);
    expect(parseVersions('0-12', 'x')).toEqual([0, 12]);
    expect(parseVersions('4', 'x')).toEqual([4, 4]);
    expect(parseVersions('none', 'x')).toBeNull();
    expect(() => parseVersions('1..2', 'x')).toThrow(/bad version range/);
  });
});
