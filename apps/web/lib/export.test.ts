import { describe, expect, it } from 'vitest';
import type { KafkaRecord } from '@brook/contract';
import { csvField, exportFileName, recordsToCsv, recordsToJson } from './export.ts';

const record = (over: Partial<KafkaRecord>): KafkaRecord => ({
  topic: 'orders',
  partition: 0,
  offset: 7,
  timestamp: Date.UTC(2026, 0, 2, 3, 4, 5),
  key: 'k1',
  keyEncoding: 'string',
  value: { id: 1, note: 'a, "b"' },
  valueEncoding: 'json',
  headers: [{ key: 'trace', value: 'abc', encoding: 'string' }],
  sizeBytes: 40,
  ...over,
});

describe('export', () => {
  it('quotes CSV fields only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes one CSV row per record with compact JSON values', () => {
    const csv = recordsToCsv([record({}), record({ offset: 8, key: null, keyEncoding: 'null', value: null, valueEncoding: 'null', headers: [] })]);
    expect(csv.split('\r\n')).toEqual([
      'topic,partition,offset,timestamp,key,value,headers',
      'orders,0,7,2026-01-02T03:04:05.000Z,k1,"{""id"":1,""note"":""a, \\""b\\""""}","{""trace"":""abc""}"',
      'orders,0,8,2026-01-02T03:04:05.000Z,,,',
      '',
    ]);
  });

  it('writes JSON that parses back to the same records', () => {
    const records = [record({})];
    expect(JSON.parse(recordsToJson(records))).toEqual(records);
  });

  it('names files after the topic and time', () => {
    expect(exportFileName('orders', 'csv', new Date(Date.UTC(2026, 10, 25, 14, 3, 7)))).toBe('orders-2026-11-25T14-03-07.csv');
  });
});
