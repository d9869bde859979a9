import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors.ts';
import { decodeBase64, decodeData, decodeHeaders, encodeData, encodeHeaders } from './codec.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

describe('values in', () => {
  it('writes strings as text, other JSON as JSON text, base64 as bytes', () => {
    expect(encodeData('hello', undefined, '/v')?.toString()).toBe('hello');
    expect(encodeData({ a: 1 }, undefined, '/v')?.toString()).toBe('{"a":1}');
    expect(encodeData(42, undefined, '/v')?.toString()).toBe('42');
    expect(encodeData('hello', 'json', '/v')?.toString()).toBe('"hello"');
    expect(encodeData('AAH/', 'base64', '/v')).toEqual(Buffer.from([0, 1, 255]));
    expect(encodeData('AAH_', 'base64', '/v')).toEqual(Buffer.from([0, 1, 255]));
    expect(encodeData(null, undefined, '/v')).toBeNull();
    expect(encodeData(undefined, undefined, '/v')).toBeNull();
    expect(encodeData(null, 'json', '/v')?.toString()).toBe('null');
  });

  it('refuses malformed base64 and wrong types with the path', () => {
    for (const bad of ['ab=c', 'a===', 'ab cd', '@@@@', 'A']) {
      expect(() => decodeBase64(bad, '/body/value'), bad).toThrow(HttpError);
    }
    const error = (() => {
      try {
        encodeData(1, 'base64', '/body/records/2/value');
      } catch (e) {
        return e as HttpError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('GATEWAY_VALIDATION_FAILED');
    expect(error?.message).toContain('/body/records/2/value');
  });

  it('keeps duplicate and binary headers in order', () => {
    const headers = encodeHeaders([
      { key: 'a', value: '1' },
      { key: 'a', value: '2' },
      { key: 'b', value: '/w==', encoding: 'base64' },
      { key: 'c', value: null },
    ], '/h');
    expect(headers).toEqual({ a: [Buffer.from('1'), Buffer.from('2')], b: Buffer.from([255]), c: null });
    expect(decodeHeaders(headers)).toEqual([
      { key: 'a', value: '1', encoding: 'string' },
      { key: 'a', value: '2', encoding: 'string' },
      { key: 'b', value: '/w==', encoding: 'base64' },
      { key: 'c', value: null, encoding: 'null' },
    ]);
  });
});

describe('values out', () => {
  it('decodes JSON, then text, then base64, saying which', () => {
    expect(decodeData(Buffer.from('{"a":[1,2]}'))).toEqual({ data: { a: [1, 2] }, encoding: 'json' });
    expect(decodeData(Buffer.from('12'))).toEqual({ data: 12, encoding: 'json' });
    expect(decodeData(Buffer.from('true'))).toEqual({ data: true, encoding: 'json' });
    expect(decodeData(Buffer.from('hello world'))).toEqual({ data: 'hello world', encoding: 'string' });
    expect(decodeData(Buffer.from('{not json'))).toEqual({ data: '{not json', encoding: 'string' });
    expect(decodeData(Buffer.from('héllo\n'))).toEqual({ data: 'héllo\n', encoding: 'string' });
    expect(decodeData(Buffer.from([0xff, 0xfe]))).toEqual({ data: '//4=', encoding: 'base64' });
    expect(decodeData(Buffer.from([0, 1]))).toEqual({ data: 'AAE=', encoding: 'base64' });
    expect(decodeData(null)).toEqual({ data: null, encoding: 'null' });
    expect(decodeData(Buffer.alloc(0))).toEqual({ data: '', encoding: 'string' });
  });

  it('keeps integers beyond 2^53 as text instead of losing digits', () => {
    expect(decodeData(Buffer.from('9007199254740993'))).toEqual({ data: '9007199254740993', encoding: 'string' });
  });
});

describe('cursors', () => {
  it('round-trips and refuses tampering, other topics and negative offsets', () => {
    const cursor = encodeCursor('t', new Map([[1, 5], [0, 7]]));
    expect(decodeCursor(cursor, 't').offsets).toEqual(new Map([[0, 7], [1, 5]]));
    expect(() => decodeCursor(cursor, 'u')).toThrow(/topic "t"/);
    const negative = Buffer.from(JSON.stringify({ v: 1, t: 't', o: [[0, -1]] })).toString('base64url');
    expect(() => decodeCursor(negative, 't')).toThrow(/non-negative/);
    expect(() => decodeCursor('!!', 't')).toThrow(HttpError);
    expect(() => decodeCursor(Buffer.from('[1]').toString('base64url'), 't')).toThrow(/not a cursor/);
  });
});
