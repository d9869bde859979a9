import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT_FILE, DEFAULT_SPEC_DIR, generate } from './generate-protocol.ts';
import { parseVersions, stripComments } from './protocol-generator.ts';

const haveSpecs = existsSync(DEFAULT_SPEC_DIR);

describe('generate-protocol', () => {
  it.skipIf(!haveSpecs)('regenerating from the specs changes nothing in the committed messages.ts', () => {
    expect(generate(DEFAULT_SPEC_DIR) === readFileSync(DEFAULT_OUT_FILE, 'utf8')).toBe(true);
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
