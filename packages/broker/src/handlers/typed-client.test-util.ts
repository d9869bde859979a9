// A typed Kafka client over RawClient and the generated codec, for byte-exact handler tests at any version.
import { decode, encodeToBuffer } from '../protocol/codec.ts';
import { isFlexible } from '../protocol/compile.ts';
import { ApiKey, schemas, type ApiMessages, type ApiName } from '../protocol/generated/messages.ts';
import { Reader } from '../protocol/reader.ts';
import { RawClient } from '../server/testing.ts';

export class TypedClient {
  private correlationId = 1;
  readonly raw: RawClient;

  constructor(port: number) {
    this.raw = new RawClient(port);
  }

  /** Sends without reading a response (Produce acks=0). */
  send<N extends ApiName>(name: N, version: number, request: ApiMessages[N]['request']): number {
    const id = this.correlationId++;
    const spec = schemas[`${name}Request` as keyof typeof schemas];
    // Flexible versions use request header v2 (tagged fields after the client id).
    this.raw.request(ApiKey[name], version, id, encodeToBuffer(spec, version, request as object), isFlexible(spec, version));
    return id;
  }

  async read<N extends ApiName>(name: N, version: number): Promise<{ correlationId: number; body: ApiMessages[N]['response'] }> {
    const frame = await this.raw.next();
    if (!frame) throw new Error('connection closed');
    const spec = schemas[`${name}Response` as keyof typeof schemas];
    // Response header v1 (flexible, except ApiVersions) carries an empty tagged-fields section after the correlation id.
    const bodyAt = isFlexible(spec, version) && name !== 'ApiVersions' ? 5 : 4;
    return { correlationId: frame.readInt32BE(0), body: decode<ApiMessages[N]['response']>(spec, version, new Reader(frame, bodyAt)) };
  }

  async call<N extends ApiName>(name: N, version: number, request: ApiMessages[N]['request']): Promise<ApiMessages[N]['response']> {
    const id = this.send(name, version, request);
    const res = await this.read(name, version);
    if (res.correlationId !== id) throw new Error(`correlation id ${res.correlationId}, expected ${id}`);
    return res.body;
  }

  end(): void {
    this.raw.end();
  }
}
