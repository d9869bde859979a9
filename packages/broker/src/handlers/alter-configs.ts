// AlterConfigs (key 33), versions 0-2 (v2 is flexible) — AlterConfigsRequest.json / AlterConfigsResponse.json.
// Not incremental: the given set replaces every override of the topic (unlisted overrides are removed).
// Broker configs are static on this broker.
import { KafkaError } from '../errors.ts';
import { validateTopicConfig } from '../log/index.ts';
import type { AlterConfigsResource, AlterConfigsResourceResponse } from '../protocol/generated/messages.ts';
import type { RequestContext } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';
import { OK, failure } from './admin-util.ts';
import { ResourceType } from './config-resources.ts';

async function alterOne(resource: AlterConfigsResource, validateOnly: boolean, ctx: RequestContext): Promise<AlterConfigsResourceResponse> {
  const base = { resourceType: resource.resourceType, resourceName: resource.resourceName };
  try {
    if (resource.resourceType === ResourceType.BROKER) throw new KafkaError('INVALID_REQUEST', 'Broker configs are static on this broker; set them with environment variables');
    if (resource.resourceType !== ResourceType.TOPIC) throw new KafkaError('INVALID_REQUEST', `Unsupported resource type ${resource.resourceType}`);
    const meta = ctx.broker.store.getTopic(resource.resourceName);
    if (!meta) throw new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${resource.resourceName}' does not exist`);
    const changes: Record<string, string | null> = {};
    for (const name of Object.keys(meta.configs)) changes[name] = null;
    for (const { name, value } of resource.configs) {
      if (value === null) continue;
      validateTopicConfig(name, value);
      changes[name] = value;
    }
    if (!validateOnly) {
      await ctx.broker.store.alterTopicConfigs(meta.name, changes);
      ctx.log.info({ topic: meta.name, changes }, 'altered topic configs');
    }
    return { ...base, ...OK };
  } catch (err) {
    return { ...base, ...failure(err, ctx) };
  }
}

export const alterConfigsHandler = defineHandler('AlterConfigs', {
  minVersion: 0,
  maxVersion: 2,
  async handle(request, ctx) {
    const responses = await Promise.all(request.resources.map((r) => alterOne(r, request.validateOnly, ctx)));
    return { throttleTimeMs: 0, responses };
  },
});

