// IncrementalAlterConfigs (key 44), versions 0-1 (v1 is flexible) — IncrementalAlterConfigsRequest.json / ...Response.json.
// Per-key SET / DELETE, and APPEND / SUBTRACT for list-valued configs (cleanup.policy).
import { KafkaError } from '../errors.ts';
import { TOPIC_CONFIG_DEFS, validateTopicConfig } from '../log/index.ts';
import type { IncrementalAlterConfigsRequestAlterConfigsResource, IncrementalAlterConfigsResponseAlterConfigsResourceResponse } from '../protocol/generated/messages.ts';
import type { RequestContext } from '../server/context.ts';
import { defineHandler } from '../server/registry.ts';
import { duplicateNames } from './admin-util.ts';
import { alterTopicResource } from './config-resources.ts';

const Op = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;

function listItems(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function alterOne(
  resource: IncrementalAlterConfigsRequestAlterConfigsResource,
  validateOnly: boolean,
  ctx: RequestContext,
): Promise<IncrementalAlterConfigsResponseAlterConfigsResourceResponse> {
  return alterTopicResource(resource, validateOnly, ctx, (meta) => {
    const dupes = duplicateNames(resource.configs.map((c) => c.name));
    if (dupes.size > 0) throw new KafkaError('INVALID_REQUEST', `Error due to duplicate config keys: ${[...dupes].join(', ')}`);
    const changes: Record<string, string | null> = {};
    for (const { name, configOperation, value } of resource.configs) {
      const def = TOPIC_CONFIG_DEFS[name];
      if (!def) throw new KafkaError('INVALID_CONFIG', `Unknown topic config name: ${name}`);
      switch (configOperation) {
        case Op.SET:
          if (value === null) throw new KafkaError('INVALID_CONFIG', `Null value not supported for SET of ${name}`);
          validateTopicConfig(name, value);
          changes[name] = value;
          break;
        case Op.DELETE:
          changes[name] = null;
          break;
        case Op.APPEND:
        case Op.SUBTRACT: {
          if (def.kind !== 'list') throw new KafkaError('INVALID_CONFIG', `Config value append/subtract is not allowed for config key ${name} (not a list)`);
          const current = listItems(meta.configs[name] ?? def.default);
          const items = listItems(value ?? '');
          const next = configOperation === Op.APPEND ? [...current, ...items.filter((i) => !current.includes(i))] : current.filter((i) => !items.includes(i));
          const joined = next.join(',');
          validateTopicConfig(name, joined);
          changes[name] = joined;
          break;
        }
        default:
          throw new KafkaError('INVALID_REQUEST', `Unknown config operation ${configOperation} for ${name}`);
      }
    }
    return changes;
  });
}

export const incrementalAlterConfigsHandler = defineHandler('IncrementalAlterConfigs', {
  minVersion: 0,
  maxVersion: 1,
  async handle(request, ctx) {
    const responses = await Promise.all(request.resources.map((r) => alterOne(r, request.validateOnly, ctx)));
    return { throttleTimeMs: 0, responses };
  },
});
