import { describe, expect, it } from 'vitest';
import type { KafkaRecord } from '@brook/contract';
import { buildProduceBody, EMPTY_PRODUCE_FORM, formFromRecord, jsonError } from './produce-form.ts';

describe('produce form', () => {
  it('builds one JSON record with key, headers and partition', () => {
    const result = buildProduceBody({
      ...EMPTY_PRODUCE_FORM,
      key: 'user-1',
      value: '{"total": 12}',
      headers: [{ key: 'trace', value: 'abc' }, { key: ' ', value: 'ignored' }],
      partition: 2,
    });
    expect(result).toEqual({
      ok: true,
      count: 1,
      body: { key: 'user-1', value: { total: 12 }, valueEncoding: 'json', headers: [{ key: 'trace', value: 'abc' }], partition: 2 },
    });
  });

  it('sends text as a string and leaves the key out when empty', () => {
    expect(buildProduceBody({ ...EMPTY_PRODUCE_FORM, format: 'text', value: 'hello' })).toEqual({
      ok: true,
      count: 1,
      body: { value: 'hello', valueEncoding: 'string' },
    });
  });

  it('makes one record per non-empty line', () => {
    const result = buildProduceBody({ ...EMPTY_PRODUCE_FORM, perLine: true, value: '{"a":1}\n\n{"a":2}\n' });
    expect(result).toMatchObject({ ok: true, count: 2, body: { records: [{ value: { a: 1 } }, { value: { a: 2 } }] } });
  });

  it('says where the JSON is broken', () => {
    expect(buildProduceBody({ ...EMPTY_PRODUCE_FORM, value: '{"a": }' })).toMatchObject({ ok: false, error: expect.stringMatching(/^Not valid JSON: .*line 1, column 7/) });
    expect(buildProduceBody({ ...EMPTY_PRODUCE_FORM, perLine: true, value: '1\n{x}' })).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 2:/) });
    expect(jsonError('{\n  "a": 1,\n  oops\n}')).toMatch(/line 3, column 3/);
    expect(jsonError('[1, 2]')).toBeNull();
  });

  it('refuses an empty per-line batch', () => {
    expect(buildProduceBody({ ...EMPTY_PRODUCE_FORM, perLine: true, value: '\n \n' })).toMatchObject({ ok: false });
  });

  it('fills the form back from a record', () => {
    const record: KafkaRecord = {
      topic: 't', partition: 1, offset: 5, timestamp: 0, key: 'k', keyEncoding: 'string', value: { a: 1 }, valueEncoding: 'json',
      headers: [{ key: 'h', value: 'v', encoding: 'string' }, { key: 'bin', value: 'AAE=', encoding: 'base64' }], sizeBytes: 10,
    };
    expect(formFromRecord(record)).toEqual({ key: 'k', value: '{\n  "a": 1\n}', format: 'json', perLine: false, headers: [{ key: 'h', value: 'v' }], partition: 1 });
  });
});
