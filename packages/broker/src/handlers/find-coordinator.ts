// FindCoordinator (key 10), versions 0-4 — FindCoordinatorRequest.json / FindCoordinatorResponse.json.
// This single broker coordinates every group. Like Kafka, the first group lookup creates __consumer_offsets.
// Transaction coordinators (key type 1) do not exist here yet: INVALID_REQUEST says so instead of a retry loop.
// v4 (KIP-699) batches keys: `coordinatorKeys` in, one `coordinators` entry per key out, each with its own error.
import { ErrorCode, KafkaError, toErrorCode } from '../errors.ts';
import type { RequestContext } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';

const KEY_TYPE_GROUP = 0;

interface Coordinator {
  errorCode: number;
  errorMessage: string | null;
  nodeId: number;
  host: string;
  port: number;
}

async function lookup(keyType: number, ctx: RequestContext): Promise<Coordinator> {
  const { advertised, config, coordinator } = ctx.broker;
  try {
    if (keyType !== KEY_TYPE_GROUP) throw new KafkaError('INVALID_REQUEST', `coordinator key type ${keyType} is not supported`);
    await coordinator.offsetsTopic.ensure();
    return { errorCode: ErrorCode.NONE, errorMessage: null, nodeId: config.nodeId, host: advertised.host, port: advertised.port };
  } catch (err) {
    if (!(err instanceof KafkaError)) ctx.log.error({ err }, 'FindCoordinator failed');
    const errorCode = err instanceof KafkaError ? toErrorCode(err) : ErrorCode.COORDINATOR_NOT_AVAILABLE;
    return { errorCode, errorMessage: err instanceof Error ? err.message : null, nodeId: -1, host: '', port: -1 };
  }
}

export const findCoordinatorHandler = defineHandler('FindCoordinator', {
  minVersion: 0,
  maxVersion: 4,
  async handle(request, ctx) {
    const keyType = request.keyType ?? KEY_TYPE_GROUP;
    if (ctx.apiVersion < 4) return { throttleTimeMs: 0, ...(await lookup(keyType, ctx)) };
    // Every key has the same coordinator here: one lookup answers the whole batch.
    const keys = request.coordinatorKeys ?? [];
    const found = keys.length > 0 ? await lookup(keyType, ctx) : null;
    return { throttleTimeMs: 0, coordinators: found ? keys.map((key) => ({ key, ...found })) : [] };
  },
});
