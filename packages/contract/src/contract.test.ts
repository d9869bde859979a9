import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import Value from 'typebox/value';
import { buildPath, buildQuery } from './client.ts';
import { isValidTopicName } from './common.ts';
import { ProduceBody, ReadMessagesQuery } from './messages.ts';
import { createSseParser, type ParsedSseEvent } from './sse-parser.ts';
import { CreateTopicBody } from './topics.ts';

describe('topic names', () => {
  it('accepts Kafka legal names and refuses the rest', () => {
    for (const ok of ['orders', 'a', 'a.b_c-D9', 'x'.repeat(249), '...']) expect(isValidTopicName(ok), ok).toBe(true);
    for (const bad of ['', '.', '..', 'has space', 'slash/y', 'ü', 'x'.repeat(250)]) expect(isValidTopicName(bad), bad).toBe(false);
    expect(Value.Check(CreateTopicBody, { name: 'bad name' })).toBe(false);
    expect(Value.Check(CreateTopicBody, { name: 'good', partitions: 3 })).toBe(true);
    expect(Value.Check(CreateTopicBody, { name: 'good', partitions: 0 })).toBe(false);
    expect(Value.Check(CreateTopicBody, { name: 'good', extra: 1 })).toBe(false);
  });
});

describe('produce body', () => {
  it('is one record or a batch, never a mix of both', () => {
    expect(Value.Check(ProduceBody, { value: { a: 1 } })).toBe(true);
    expect(Value.Check(ProduceBody, { records: [{ value: 'x' }, { key: 'k', value: null, partition: 0 }] })).toBe(true);
    expect(Value.Check(ProduceBody, { records: [] })).toBe(false);
    expect(Value.Check(ProduceBody, { records: [{ value: 'x' }], value: 'y' })).toBe(false);
    expect(Value.Check(ProduceBody, { value: 'x', partition: -1 })).toBe(false);
    expect(Value.Check(ProduceBody, { value: 'x', headers: [{ key: 'h', value: 'AAE=', encoding: 'base64' }] })).toBe(true);
    expect(Value.Check(ProduceBody, { value: 'x', headers: { h: 'v' } })).toBe(true);
    expect(Value.Check(ProduceBody, { value: 'x', headers: { h: 1 } })).toBe(false);
  });

  it('reads from earliest, latest or a timestamp only', () => {
    expect(Value.Check(ReadMessagesQuery, { from: 'earliest' })).toBe(true);
    expect(Value.Check(ReadMessagesQuery, { from: '1700000000000' })).toBe(true);
    expect(Value.Check(ReadMessagesQuery, { from: 'yesterday' })).toBe(false);
    expect(Value.Check(ReadMessagesQuery, { offset: -1 })).toBe(false);
  });
});

describe('client URLs', () => {
  it('encodes path parameters and skips absent query values', () => {
    expect(buildPath('/topics/:name/messages', { name: 'a.b' })).toBe('/topics/a.b/messages');
    expect(buildPath('/consumer-groups/:id', { id: 'g/1 x' })).toBe('/consumer-groups/g%2F1%20x');
    expect(() => buildPath('/topics/:name')).toThrow(/name/);
    expect(buildQuery({ page: 2, search: 'a b', internal: false, sort: undefined })).toBe('?page=2&search=a+b&internal=false');
    expect(buildQuery({})).toBe('');
  });
});

describe('SSE parser', () => {
  const stream = ': keepalive\n\nid: c1\nevent: record\ndata: {"a":1}\n\r\nevent: error\ndata: line1\ndata: line2\n\n';

  it('gives the same events whether fed whole or one character at a time', () => {
    const whole: ParsedSseEvent[] = [];
    createSseParser((e) => whole.push(e))(stream);
    const bytewise: ParsedSseEvent[] = [];
    const feed = createSseParser((e) => bytewise.push(e));
    for (const c of stream) feed(c);
    expect(whole).toEqual([
      { event: 'record', data: '{"a":1}', id: 'c1' },
      { event: 'error', data: 'line1\nline2', id: 'c1' },
    ]);
    expect(bytewise).toEqual(whole);
  });
});

describe('browser entry', () => {
  it('bundles the client without TypeBox', async () => {
    const result = await build({
      entryPoints: [new URL('./browser.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'browser',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((file) => file.endsWith('client.ts'))).toBe(true);
    expect(inputs.filter((file) => file.includes('typebox') || /\/(routes|common|messages|topics)\.ts$/.test(file))).toEqual([]);
  });
});
