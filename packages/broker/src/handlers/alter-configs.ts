// AlterConfigs (key 33), versions 0-2 (v2 is flexible) — AlterConfigsRequest.json / AlterConfigsResponse.json.
// Not incremental: the given set replaces every override of the topic (unlisted overrides are removed).
// Broker configs are static on this broker.
import { validateTopicConfig } from '../log/index.ts';
import type { AlterConfigsResource, AlterConfigsResourceResponse } from '../protocol/generated/messages.ts';
import type { RequestContext } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';
import { alterTopicResource } from './config-resources.ts';

function alterOne(resource: AlterConfigsResource, validateOnly: boolean, ctx: RequestContext): Promise<AlterConfigsResourceResponse> {
  return alterTopicResource(resource, validateOnly, ctx, (meta) => {
    const changes: Record<string, string | null> = {};
    for (const name of Object.keys(meta.configs)) changes[name] = null;
    for (const { name, value } of resource.configs) {
      if (value === null) continue;
      validateTopicConfig(name, value);
      changes[name] = value;
    }
    return changes;
  });
}

export const alterConfigsHandler = defineHandler('AlterConfigs', {
  minVersion: 0,
  maxVersion: 2,
  async handle(request, ctx) {
    const responses = await Promise.all(request.resources.map((r) => alterOne(r, request.validateOnly, ctx)));
    return { throttleTimeMs: 0, responses };
  },
});

