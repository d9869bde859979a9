// Config resources for DescribeConfigs / AlterConfigs / IncrementalAlterConfigs: resource and source
// codes (Kafka's ConfigResource.Type and DescribeConfigsResponse.ConfigSource), the topic configs'
// broker-level synonyms, and the effective-value resolution with provenance.
import type { BrokerConfig } from '../config.ts';
import { KafkaError } from '../errors.ts';
import { TOPIC_CONFIG_DEFS } from '../log/index.ts';
import type { TopicMeta } from '../log/types.ts';
import type { DescribeConfigsResourceResult } from '../protocol/generated/messages.ts';
import type { RequestContext } from '../server/context.ts';
import { OK, failure } from './admin-util.ts';

export const ResourceType = { TOPIC: 2, BROKER: 4, BROKER_LOGGER: 8 } as const;

export const ConfigSource = {
  UNKNOWN: 0,
  DYNAMIC_TOPIC_CONFIG: 1,
  DYNAMIC_BROKER_CONFIG: 2,
  DYNAMIC_DEFAULT_BROKER_CONFIG: 3,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
} as const;

const ConfigType = { BOOLEAN: 1, STRING: 2, INT: 3, LONG: 5, DOUBLE: 6, LIST: 7 } as const;

/** The broker setting each topic config falls back to (Kafka's LogConfig synonyms). */
export const BROKER_SYNONYM: Readonly<Record<string, string>> = {
  'cleanup.policy': 'log.cleanup.policy',
  'compression.type': 'compression.type',
  'delete.retention.ms': 'log.cleaner.delete.retention.ms',
  'file.delete.delay.ms': 'log.segment.delete.delay.ms',
  'flush.messages': 'log.flush.interval.messages',
  'flush.ms': 'log.flush.interval.ms',
  'index.interval.bytes': 'log.index.interval.bytes',
  'max.compaction.lag.ms': 'log.cleaner.max.compaction.lag.ms',
  'max.message.bytes': 'message.max.bytes',
  'message.downconversion.enable': 'log.message.downconversion.enable',
  'message.format.version': 'log.message.format.version',
  'message.timestamp.after.max.ms': 'log.message.timestamp.after.max.ms',
  'message.timestamp.before.max.ms': 'log.message.timestamp.before.max.ms',
  'message.timestamp.difference.max.ms': 'log.message.timestamp.difference.max.ms',
  'message.timestamp.type': 'log.message.timestamp.type',
  'min.cleanable.dirty.ratio': 'log.cleaner.min.cleanable.ratio',
  'min.compaction.lag.ms': 'log.cleaner.min.compaction.lag.ms',
  'min.insync.replicas': 'min.insync.replicas',
  preallocate: 'log.preallocate',
  'retention.bytes': 'log.retention.bytes',
  'retention.ms': 'log.retention.ms',
  'segment.bytes': 'log.segment.bytes',
  'segment.index.bytes': 'log.index.size.max.bytes',
  'segment.jitter.ms': 'log.roll.jitter.ms',
  'segment.ms': 'log.roll.ms',
  'unclean.leader.election.enable': 'unclean.leader.election.enable',
};

function configType(name: string): number {
  if (name === 'min.cleanable.dirty.ratio') return ConfigType.DOUBLE;
  switch (TOPIC_CONFIG_DEFS[name]?.kind) {
    case 'boolean': return ConfigType.BOOLEAN;
    case 'int': return ConfigType.INT;
    case 'long': return ConfigType.LONG;
    case 'list': return ConfigType.LIST;
    default: return ConfigType.STRING;
  }
}

export interface DescribeOptions {
  readonly keys: readonly string[] | null;
  readonly synonyms: boolean;
}

/** Every topic config (or the requested keys) with value, source and, when asked, synonyms in precedence order. */
export function describeTopicConfigs(overrides: Readonly<Record<string, string>>, config: BrokerConfig, options: DescribeOptions): DescribeConfigsResourceResult[] {
  const names = Object.keys(TOPIC_CONFIG_DEFS).filter((name) => options.keys === null || options.keys.includes(name));
  return names.map((name) => {
    const def = TOPIC_CONFIG_DEFS[name];
    const brokerName = BROKER_SYNONYM[name] ?? name;
    const chain: { name: string; value: string; source: number }[] = [];
    const override = overrides[name];
    if (override !== undefined) chain.push({ name, value: override, source: ConfigSource.DYNAMIC_TOPIC_CONFIG });
    const brokerDefault = config.topicDefaults[name];
    if (brokerDefault !== undefined) chain.push({ name: brokerName, value: brokerDefault, source: ConfigSource.STATIC_BROKER_CONFIG });
    chain.push({ name: brokerName, value: def?.default ?? '', source: ConfigSource.DEFAULT_CONFIG });
    const effective = chain[0] as (typeof chain)[number];
    return {
      name,
      value: effective.value,
      readOnly: false,
      isDefault: effective.source === ConfigSource.DEFAULT_CONFIG,
      configSource: effective.source,
      isSensitive: false,
      synonyms: options.synonyms ? chain : [],
      configType: configType(name),
      documentation: null,
    };
  });
}

/** The broker's own settings, read-only: what tools expect to find for a BROKER resource. */
export function describeBrokerConfigs(config: BrokerConfig, advertised: { host: string; port: number }, options: DescribeOptions): DescribeConfigsResourceResult[] {
  const settings: [string, string, number][] = [
    ['broker.id', String(config.nodeId), ConfigType.INT],
    ['node.id', String(config.nodeId), ConfigType.INT],
    ['listeners', `PLAINTEXT://${config.host}:${config.port}`, ConfigType.LIST],
    ['advertised.listeners', `PLAINTEXT://${advertised.host}:${advertised.port}`, ConfigType.LIST],
    ['log.dirs', config.dataDir, ConfigType.STRING],
    ['num.partitions', String(config.defaultPartitions), ConfigType.INT],
    ['auto.create.topics.enable', String(config.autoCreateTopics), ConfigType.BOOLEAN],
    ['default.replication.factor', '1', ConfigType.INT],
    ['offsets.topic.replication.factor', '1', ConfigType.INT],
    ['socket.request.max.bytes', String(config.maxFrameBytes), ConfigType.INT],
  ];
  for (const [topicName, brokerName] of Object.entries(BROKER_SYNONYM)) {
    const value = config.topicDefaults[topicName] ?? TOPIC_CONFIG_DEFS[topicName]?.default;
    if (value !== undefined && !settings.some(([n]) => n === brokerName)) settings.push([brokerName, value, configType(topicName)]);
  }
  return settings
    .filter(([name]) => options.keys === null || options.keys.includes(name))
    .map(([name, value, type]) => ({
      name,
      value,
      readOnly: true,
      isDefault: false,
      configSource: ConfigSource.STATIC_BROKER_CONFIG,
      isSensitive: false,
      synonyms: options.synonyms ? [{ name, value, source: ConfigSource.STATIC_BROKER_CONFIG }] : [],
      configType: type,
      documentation: null,
    }));
}

/**
 * The part AlterConfigs and IncrementalAlterConfigs share: only topic resources can change (broker configs
 * are static here), the topic must exist, and validateOnly stops before the store. `changesFor` turns the
 * request's entries into overrides to set (string) or remove (null), throwing KafkaError on bad input.
 */
export async function alterTopicResource(
  resource: { resourceType: number; resourceName: string },
  validateOnly: boolean,
  ctx: RequestContext,
  changesFor: (meta: TopicMeta) => Record<string, string | null>,
): Promise<{ resourceType: number; resourceName: string; errorCode: number; errorMessage: string | null }> {
  const base = { resourceType: resource.resourceType, resourceName: resource.resourceName };
  try {
    if (resource.resourceType === ResourceType.BROKER) throw new KafkaError('INVALID_REQUEST', 'Broker configs are static on this broker; set them with environment variables');
    if (resource.resourceType !== ResourceType.TOPIC) throw new KafkaError('INVALID_REQUEST', `Unsupported resource type ${resource.resourceType}`);
    const meta = ctx.broker.store.getTopic(resource.resourceName);
    if (!meta) throw new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${resource.resourceName}' does not exist`);
    const changes = changesFor(meta);
    if (!validateOnly) {
      await ctx.broker.store.alterTopicConfigs(meta.name, changes);
      ctx.log.info({ topic: meta.name, changes }, 'altered topic configs');
    }
    return { ...base, ...OK };
  } catch (err) {
    return { ...base, ...failure(err, ctx) };
  }
}
