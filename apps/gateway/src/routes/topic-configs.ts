import { routes, type ConfigSource, type TopicConfigEntry } from '@brook/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import kafkajs from 'kafkajs';
import { HttpError } from '../errors.ts';
import { routeConfig, routeSchema } from './route.ts';

const { ConfigResourceTypes } = kafkajs;

// DescribeConfigs v1+ config_source values.
const SOURCES: Record<number, ConfigSource> = {
  0: 'UNKNOWN',
  1: 'TOPIC',
  2: 'DYNAMIC_BROKER',
  3: 'DYNAMIC_DEFAULT_BROKER',
  4: 'STATIC_BROKER',
  5: 'DEFAULT',
  6: 'DYNAMIC_BROKER_LOGGER',
};

export const topicConfigRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function describe(name: string): Promise<TopicConfigEntry[]> {
    const result = await app.kafka.withAdmin((admin) =>
      admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name }], includeSynonyms: false }),
    );
    const resource = result.resources[0];
    if (!resource) throw new HttpError(502, 'GATEWAY_KAFKA_ERROR', 'DescribeConfigs returned no resource');
    return resource.configEntries
      .map((entry) => {
        const source = (entry as { configSource?: number }).configSource;
        const mapped: ConfigSource = source === undefined ? (entry.isDefault ? 'DEFAULT' : 'TOPIC') : (SOURCES[source] ?? 'UNKNOWN');
        return {
          name: entry.configName,
          value: entry.isSensitive ? null : (entry.configValue ?? null),
          source: mapped,
          isDefault: entry.isDefault,
          readOnly: entry.readOnly,
          sensitive: entry.isSensitive,
        };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  app.get(
    routes.getTopicConfigs.url,
    { schema: routeSchema(routes.getTopicConfigs), config: routeConfig(routes.getTopicConfigs) },
    async (request) => {
      const { name } = request.params;
      await app.metadata.topic(name);
      return { name, configs: await describe(name) };
    },
  );

  app.patch(
    routes.alterTopicConfigs.url,
    { schema: routeSchema(routes.alterTopicConfigs), config: routeConfig(routes.alterTopicConfigs) },
    async (request) => {
      const { name } = request.params;
      const { configs, validateOnly = false } = request.body;
      await app.metadata.topic(name);
      // AlterConfigs replaces the topic's whole override set: start from the current overrides.
      const current = await describe(name);
      const overrides = new Map(current.filter((c) => c.source === 'TOPIC' && c.value !== null).map((c) => [c.name, c.value as string]));
      for (const [key, value] of Object.entries(configs)) {
        const known = current.find((c) => c.name === key);
        if (known?.readOnly) throw new HttpError(400, 'GATEWAY_INVALID_REQUEST', `Config "${key}" is read-only`);
        if (value === null) overrides.delete(key);
        else overrides.set(key, value);
      }
      await app.kafka.withAdmin((admin) =>
        admin.alterConfigs({
          validateOnly,
          resources: [{ type: ConfigResourceTypes.TOPIC, name, configEntries: [...overrides].map(([k, v]) => ({ name: k, value: v })) }],
        }),
      );
      return { name, configs: await describe(name) };
    },
  );
};
