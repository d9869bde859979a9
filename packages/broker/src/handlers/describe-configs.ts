// DescribeConfigs (key 32), versions 0-4 (v4 is flexible) — DescribeConfigsRequest.json / DescribeConfigsResponse.json.
// Topics: overrides from the log store over broker defaults over Kafka's defaults, with provenance
// (isDefault in v0, configSource and synonyms from v1, configType from v3). Broker: read-only settings.
import { ErrorCode } from '../errors.ts';
import type { DescribeConfigsResult } from '../protocol/generated/messages.ts';
import { defineHandler } from '../server/registry.ts';
import { ResourceType, describeBrokerConfigs, describeTopicConfigs } from './config-resources.ts';

export const describeConfigsHandler = defineHandler('DescribeConfigs', {
  minVersion: 0,
  maxVersion: 4,
  handle(request, ctx) {
    const { store, config, advertised } = ctx.broker;
    const results = request.resources.map((resource): DescribeConfigsResult => {
      const base = { resourceType: resource.resourceType, resourceName: resource.resourceName };
      const options = { keys: resource.configurationKeys, synonyms: request.includeSynonyms === true };
      const error = (errorCode: number, errorMessage: string): DescribeConfigsResult => ({ ...base, errorCode, errorMessage, configs: [] });
      switch (resource.resourceType) {
        case ResourceType.TOPIC: {
          const meta = store.getTopic(resource.resourceName);
          if (!meta) return error(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic '${resource.resourceName}' does not exist`);
          return { ...base, errorCode: 0, errorMessage: null, configs: describeTopicConfigs(meta.configs, config, options) };
        }
        case ResourceType.BROKER:
          // An empty name is the cluster-wide default resource; both read the same static settings here.
          if (resource.resourceName !== '' && resource.resourceName !== String(config.nodeId)) {
            return error(ErrorCode.INVALID_REQUEST, `Broker id ${resource.resourceName} is not this broker (${config.nodeId})`);
          }
          return { ...base, errorCode: 0, errorMessage: null, configs: describeBrokerConfigs(config, advertised, options) };
        case ResourceType.BROKER_LOGGER:
          return { ...base, errorCode: 0, errorMessage: null, configs: [] };
        default:
          return error(ErrorCode.INVALID_REQUEST, `Unsupported resource type ${resource.resourceType}`);
      }
    });
    return { throttleTimeMs: 0, results };
  },
});
