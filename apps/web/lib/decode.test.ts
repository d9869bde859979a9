import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, defaultView, hexDump, valueBytes, valuePreview, valueText } from './decode.ts';

describe('value decoding', () => {
  it('round-trips bytes through base64, including large buffers', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });

  it('finds the bytes behind each encoding', () => {
    expect(valueBytes({ a: 1 }, 'json')).toEqual(new TextEncoder().encode('{"a":1}'));
    expect(valueBytes('héllo', 'string')).toEqual(new TextEncoder().encode('héllo'));
    expect(valueBytes('AAH/', 'base64')).toEqual(new Uint8Array([0, 1, 255]));
    expect(valueBytes(null, 'null')).toHaveLength(0);
  });

  it('shows text: pretty JSON, strings as is, binary as lossy UTF-8', () => {
    expect(valueText({ a: [1] }, 'json')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(valueText('plain', 'string')).toBe('plain');
    expect(valueText(bytesToBase64(new TextEncoder().encode('hi')), 'base64')).toBe('hi');
  });

  it('previews one line, cut with an ellipsis', () => {
    expect(valuePreview('a\n  b', 'string')).toBe('a b');
    expect(valuePreview('x'.repeat(300), 'string', 10)).toBe(`${'x'.repeat(9)}…`);
    expect(valuePreview(null, 'null')).toBe('null');
  });

  it('opens JSON as a tree, strings as text, bytes as hex', () => {
    expect(defaultView('json')).toBe('json');
    expect(defaultView('string')).toBe('text');
    expect(defaultView('base64')).toBe('hex');
  });

  it('dumps hex with offsets and printable ASCII', () => {
    const dump = hexDump(new TextEncoder().encode('Hello, Kafka!\x00\x01\x02\x03'));
    expect(dump).toBe('00000000  48 65 6c 6c 6f 2c 20 4b  61 66 6b 61 21 00 01 02  |Hello, Kafka!...|\n00000010  03                                                |.|');
    expect(hexDump(new Uint8Array(40), 16).split('\n')).toHaveLength(2);
    expect(hexDump(new Uint8Array(40), 16)).toMatch(/24 more bytes$/);
  });
});
