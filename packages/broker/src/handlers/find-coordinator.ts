// FindCoordinator (key 10), versions 0-2 — FindCoordinatorRequest.json / FindCoordinatorResponse.json.
// This single broker coordinates every group. Like Kafka, the first group lookup creates __consumer_offsets.
// Transaction coordinators (key type 1) do not exist here yet: INVALID_REQUEST says so instead of a retry loop.
import { ErrorCode, KafkaError, toErrorCode } from '../errors.ts';
import { defineHandler } from '../server/registry.ts';

const KEY_TYPE_GROUP = 0;

export const findCoordinatorHandler = defineHandler('FindCoordinator', {
  minVersion: 0,
  maxVersion: 2,
  async handle(request, ctx) {
    const { advertised, config, coordinator } = ctx.broker;
    const keyType = request.keyType ?? KEY_TYPE_GROUP;
    try {
      if (keyType !== KEY_TYPE_GROUP) throw new KafkaError('INVALID_REQUEST', `coordinator key type ${keyType} is not supported`);
      await coordinator.offsetsTopic.ensure();
      return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, nodeId: config.nodeId, host: advertised.host, port: advertised.port };
    } catch (err) {
      if (!(err instanceof KafkaError)) ctx.log.error({ err }, 'FindCoordinator failed');
      const errorCode = err instanceof KafkaError ? toErrorCode(err) : ErrorCode.COORDINATOR_NOT_AVAILABLE;
      return { throttleTimeMs: 0, errorCode, errorMessage: err instanceof Error ? err.message : null, nodeId: -1, host: '', port: -1 };
    }
  },
});
