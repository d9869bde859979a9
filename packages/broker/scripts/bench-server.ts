// Request-path benchmark over a real socket: one connection pipelining small requests (ApiVersions v0
// and Metadata v1 for one topic), measuring round trips per second through splitter, dispatch,
// handler, encode and ordered write. Run: node --import tsx scripts/bench-server.ts
import { encodeToBuffer } from '../src/protocol/codec.ts';
import { ApiKey, schemas } from '../src/protocol/generated/messages.ts';
import { RawClient, startTestBroker } from '../src/server/testing.ts';

const PIPELINE = 32;
const TOTAL = 100_000;

async function bench(label: string, send: (c: RawClient, id: number) => void): Promise<void> {
  const broker = await startTestBroker();
  await broker.store.createTopic('bench', 4);
  const c = new RawClient(broker.port);
  await c.ready;
  const start = process.hrtime.bigint();
  // Bursts of PIPELINE requests, then all their responses: how clients pipeline in practice.
  for (let sent = 0; sent < TOTAL; ) {
    const burst = Math.min(PIPELINE, TOTAL - sent);
    for (let i = 0; i < burst; i++) send(c, sent++);
    for (let i = 0; i < burst; i++) if (!(await c.next())) throw new Error('closed');
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label}: ${Math.round(TOTAL / seconds).toLocaleString('en')} requests/s (pipeline ${PIPELINE}, ${TOTAL} requests, one connection)`);
  c.end();
  await broker.destroy();
}

const metadataBody = encodeToBuffer(schemas.MetadataRequest, 1, { topics: [{ name: 'bench' }] });
await bench('ApiVersions v0', (c, id) => c.request(ApiKey.ApiVersions, 0, id, Buffer.alloc(0)));
await bench('Metadata v1 (1 topic, 4 partitions)', (c, id) => c.request(ApiKey.Metadata, 1, id, metadataBody));
