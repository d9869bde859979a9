import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { RawClient, makeTempDir, startTestBroker } from './server/testing.ts';

const run = promisify(execFile);

describe('startBroker', () => {
  it('keeps topics, configs and the cluster id across a restart on the same data dir', async () => {
    const dataDir = await makeTempDir();
    try {
      const first = await startTestBroker({ dataDir });
      const admin = new Kafka({ clientId: 'restart', brokers: [first.address], logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic: 'durable', numPartitions: 2, configEntries: [{ name: 'retention.ms', value: '60000' }] }] });
      await admin.disconnect();
      const clusterId = first.clusterId;
      await first.close();

      const second = await startTestBroker({ dataDir });
      try {
        expect(second.clusterId).toBe(clusterId);
        const admin2 = new Kafka({ clientId: 'restart', brokers: [second.address], logLevel: logLevel.NOTHING }).admin();
        await admin2.connect();
        const { topics } = await admin2.fetchTopicMetadata({ topics: ['durable'] });
        expect(topics[0]?.partitions).toHaveLength(2);
        const described = await admin2.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: 'durable', configNames: ['retention.ms'] }] });
        expect(described.resources[0]?.configEntries[0]?.configValue).toBe('60000');
        expect((await admin2.describeCluster()).clusterId).toBe(clusterId);
        await admin2.disconnect();
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('close() ends open client connections and stops accepting', async () => {
    const broker = await startTestBroker();
    const client = new RawClient(broker.port);
    await client.ready;
    await broker.destroy();
    await client.waitClosed();
    const late = new RawClient(broker.port);
    await expect(late.ready).rejects.toThrow(/ECONNREFUSED/);
  });
});

const KCAT = '/usr/bin/kcat';

describe.skipIf(!existsSync(KCAT))('kcat (librdkafka) metadata', () => {
  it('lists brokers and topics as JSON', async () => {
    const broker = await startTestBroker();
    try {
      await broker.store.createTopic('kcat-topic', 3);
      const { stdout } = await run(KCAT, ['-b', broker.address, '-L', '-J', '-m', '10']);
      const meta = JSON.parse(stdout) as { brokers: { id: number; name: string }[]; topics: { topic: string; partitions: { partition: number; leader: number }[] }[] };
      expect(meta.brokers).toEqual([{ id: 0, name: broker.address }]);
      const topic = meta.topics.find((t) => t.topic === 'kcat-topic');
      expect(topic?.partitions.map((p) => p.partition).sort()).toEqual([0, 1, 2]);
      expect(topic?.partitions.every((p) => p.leader === 0)).toBe(true);
    } finally {
      await broker.destroy();
    }
  });
});
