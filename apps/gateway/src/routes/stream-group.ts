import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { fromKafkaError, HttpError } from '../errors.ts';
import { encodeCursor } from '../kafka/cursor.ts';
import { toRecord } from '../kafka/fetcher.ts';
import type { WireMessage } from '../kafka/wire.ts';

interface GroupStream {
  topic: string;
  group: string;
  partition: number | undefined;
  filter: ((message: WireMessage, partition?: number) => boolean) | undefined;
  response: ServerResponse;
  fromBeginning: boolean;
}

/**
 * `?group=`: the one streaming mode that is not stateless. The client joins the consumer
 * group like any Kafka consumer (its share of partitions, rebalanced with other members)
 * and offsets are committed once the events were written to its socket.
 */
export function streamGroup(app: FastifyInstance, options: GroupStream): void {
  const { topic, group, response } = options;
  const consumer = app.kafka.kafka.consumer({ groupId: group, allowAutoTopicCreation: false, sessionTimeout: 30_000 });
  const release = app.streams.acquireExternal();
  let closed = false;
  const stop = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    release();
    response.end();
    await consumer.disconnect().catch(() => undefined);
  };
  response.on('close', () => void stop());
  const limit = app.config.limits.sseBufferBytes;

  const run = async (): Promise<void> => {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: options.fromBeginning });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: 1000,
      eachMessage: async ({ partition, message }) => {
        if (closed) throw new Error('stream closed');
        const wire = message as unknown as WireMessage;
        if (options.partition !== undefined && partition !== options.partition) return;
        if (options.filter && !options.filter(wire, partition)) return;
        const id = encodeCursor(topic, new Map([[partition, Number(message.offset) + 1]]));
        response.write(`id: ${id}\nevent: record\ndata: ${JSON.stringify(toRecord(topic, partition, wire))}\n\n`);
        app.metrics.inc('brook_gateway_sse_events_total');
        // Backpressure instead of a buffer: the consumer waits (and does not commit) until the client reads.
        while (!closed && response.writableLength > limit / 2) {
          await new Promise((resolve) => response.once('drain', resolve).once('close', resolve));
        }
      },
    });
  };
  run().catch((error: unknown) => {
    if (closed) return;
    const http = fromKafkaError(error) ?? new HttpError(500, 'GATEWAY_INTERNAL', 'group stream failed');
    response.write(`event: error\ndata: ${JSON.stringify(http.toProblem())}\n\n`);
    void stop();
  });
}
