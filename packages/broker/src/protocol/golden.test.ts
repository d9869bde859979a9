// Golden bytes: written by hand from the specs, or captured from kafkajs 2.2.4 (see
// server/kafkajs-golden.test.ts, which re-captures them live and checks they still match).
import { describe, expect, it } from 'vitest';
import { decode, encodeToBuffer } from './codec.ts';
import { schemas } from './generated/messages.ts';
import { KAFKAJS_API_VERSIONS_V2, KAFKAJS_METADATA_V6 } from './golden.fixtures.ts';
import { Reader } from './reader.ts';


describe('golden bytes', () => {
  it('decodes the ApiVersions v2 request kafkajs sends first', () => {
    const reader = new Reader(Buffer.from(KAFKAJS_API_VERSIONS_V2, 'hex'));
    expect(decode(schemas.RequestHeader, 1, reader)).toEqual({ requestApiKey: 18, requestApiVersion: 2, correlationId: 0, clientId: 'golden' });
    expect(decode(schemas.ApiVersionsRequest, 2, reader)).toEqual({ clientSoftwareName: '', clientSoftwareVersion: '' });
    expect(reader.remaining()).toBe(0);
  });

  it('decodes a kafkajs Metadata v6 request', () => {
    const reader = new Reader(Buffer.from(KAFKAJS_METADATA_V6, 'hex'));
    expect(decode(schemas.RequestHeader, 1, reader)).toMatchObject({ requestApiKey: 3, requestApiVersion: 6, correlationId: 1 });
    expect(decode(schemas.MetadataRequest, 6, reader)).toMatchObject({ topics: [{ name: 'golden-topic' }], allowAutoTopicCreation: false });
    expect(reader.remaining()).toBe(0);
  });

  it('encodes ApiVersionsResponse v3 as the spec lays it out (compact array, tagged-field sections)', () => {
    const bytes = encodeToBuffer(schemas.ApiVersionsResponse, 3, { errorCode: 0, apiKeys: [{ apiKey: 18, minVersion: 0, maxVersion: 3 }], throttleTimeMs: 0 });
    // errorCode | apiKeys: count+1, key, min, max, no tags | throttle | no tags
    expect(bytes.toString('hex')).toBe('0000' + '02' + '0012' + '0000' + '0003' + '00' + '00000000' + '00');
  });

  it('encodes ApiVersionsResponse v0 as the spec lays it out (int32 count, no tags)', () => {
    const bytes = encodeToBuffer(schemas.ApiVersionsResponse, 0, { errorCode: 35, apiKeys: [{ apiKey: 18, minVersion: 0, maxVersion: 3 }] });
    expect(bytes.toString('hex')).toBe('0023' + '00000001' + '0012' + '0000' + '0003');
  });

  it('writes a tagged field only when it differs from its default', () => {
    const base = { errorCode: 0, apiKeys: [], throttleTimeMs: 0 };
    expect(encodeToBuffer(schemas.ApiVersionsResponse, 3, { ...base, finalizedFeaturesEpoch: -1n }).toString('hex')).toBe('0000' + '01' + '00000000' + '00');
    // tag 1 (FinalizedFeaturesEpoch), 8 bytes, value 5
    expect(encodeToBuffer(schemas.ApiVersionsResponse, 3, { ...base, finalizedFeaturesEpoch: 5n }).toString('hex')).toBe(
      '0000' + '01' + '00000000' + '01' + '01' + '08' + '0000000000000005',
    );
  });

  it('reads a flexible request header: classic nullable client id, then tagged fields', () => {
    const reader = new Reader(Buffer.from('00120003' + '0000002a' + 'ffff' + '00', 'hex'));
    expect(decode(schemas.RequestHeader, 2, reader)).toEqual({ requestApiKey: 18, requestApiVersion: 3, correlationId: 42, clientId: null });
    expect(reader.remaining()).toBe(0);
  });
});
