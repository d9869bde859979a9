import type { GroupDetail, GroupMember, GroupState, GroupSummary, LagSample, PartitionLag, ResetOffsetsBody, ResetOffsetsResponse } from '@brook/contract';
import kafkajs from 'kafkajs';
import { fromKafkaError, HttpError } from '../errors.ts';
import type { Metrics } from '../plugins/metrics.ts';
import { fetchFrom } from './fetcher.ts';
import type { KafkaService } from './kafka-service.ts';
import type { MetadataService, TopicMeta } from './metadata.ts';
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP } from './wire.ts';

const STATES: readonly GroupState[] = ['Unknown', 'PreparingRebalance', 'CompletingRebalance', 'Stable', 'Dead', 'Empty'];
/** Groups whose lag history is kept; the sampler skips the rest (bounded memory). */
const MAX_SAMPLED_GROUPS = 1000;
/** Partitions whose time lag one detail request computes (one small Fetch each). */
const MAX_TIME_LAG_PARTITIONS = 200;

interface Committed {
  topic: string;
  partition: number;
  offset: number | null;
  metadata: string | null;
}

const groupNotFound = (id: string): HttpError => new HttpError(404, 'GATEWAY_GROUP_NOT_FOUND', `Consumer group "${id}" does not exist`);

function stateOf(state: string): GroupState {
  return (STATES as readonly string[]).includes(state) ? (state as GroupState) : 'Unknown';
}

/** Consumer groups through the admin client: describe, committed offsets, lag, reset, delete, lag history. */
export class GroupsService {
  private readonly history = new Map<string, LagSample[]>();
  private sampler: NodeJS.Timeout | undefined;

  constructor(
    private readonly kafka: KafkaService,
    private readonly metadata: MetadataService,
    private readonly metrics: Metrics,
    private readonly lag: { sampleIntervalMs: number; historySize: number },
  ) {}

  /** Lag sampling starts with the first groups request, so a gateway nobody asks about groups stays quiet. */
  private ensureSampling(): void {
    if (this.sampler) return;
    this.sampler = setInterval(() => void this.sample().catch(() => undefined), this.lag.sampleIntervalMs);
    this.sampler.unref();
  }

  stop(): void {
    if (this.sampler) clearInterval(this.sampler);
  }

  private async committed(groupId: string): Promise<Committed[]> {
    const topics = await this.kafka.withAdmin((admin) => admin.fetchOffsets({ groupId }));
    return topics.flatMap((t) =>
      t.partitions.map((p) => ({ topic: t.topic, partition: p.partition, offset: Number(p.offset) >= 0 ? Number(p.offset) : null, metadata: p.metadata ?? null })),
    );
  }

  /** Log start and end of every partition of these topics (skipping topics that vanished). */
  private async bounds(topics: string[]): Promise<{ metas: Map<string, TopicMeta>; low: Map<string, Map<number, number>>; high: Map<string, Map<number, number>> }> {
    const metas = new Map<string, TopicMeta>();
    await Promise.all(
      [...new Set(topics)].map(async (name) => {
        try {
          metas.set(name, await this.metadata.cachedTopic(name, 2000));
        } catch (error) {
          if (!(error instanceof HttpError && error.code === 'GATEWAY_TOPIC_NOT_FOUND')) throw error;
        }
      }),
    );
    const list = [...metas.values()];
    const [low, high] = await Promise.all([this.metadata.offsets(list, EARLIEST_TIMESTAMP), this.metadata.offsets(list, LATEST_TIMESTAMP)]);
    return { metas, low, high };
  }

  private lagRows(committed: Committed[], bounds: Awaited<ReturnType<GroupsService['bounds']>>): PartitionLag[] {
    return committed
      .filter((c) => bounds.metas.has(c.topic))
      .map((c) => {
        const logEnd = bounds.high.get(c.topic)?.get(c.partition) ?? 0;
        const logStart = bounds.low.get(c.topic)?.get(c.partition) ?? 0;
        const lag = Math.max(0, logEnd - (c.offset ?? logStart));
        return { topic: c.topic, partition: c.partition, committedOffset: c.offset, logEndOffset: logEnd, lag, timeLagMs: lag === 0 ? 0 : null, memberId: null, metadata: c.metadata };
      });
  }

  async list(): Promise<GroupSummary[]> {
    this.ensureSampling();
    const { groups } = await this.kafka.withAdmin((admin) => admin.listGroups());
    if (groups.length === 0) return [];
    const described = await this.kafka.withAdmin((admin) => admin.describeGroups(groups.map((g) => g.groupId)));
    const summaries = await mapLimit(described.groups, 8, async (group): Promise<GroupSummary> => {
      const committed = await this.committed(group.groupId);
      const rows = this.lagRows(committed, await this.bounds(committed.map((c) => c.topic)));
      return {
        groupId: group.groupId,
        state: stateOf(group.state),
        protocolType: group.protocolType,
        members: group.members.length,
        topics: [...new Set(committed.map((c) => c.topic))].sort(),
        totalLag: rows.length === 0 ? null : rows.reduce((sum, r) => sum + r.lag, 0),
      };
    });
    return summaries.sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
  }

  async detail(groupId: string): Promise<GroupDetail> {
    this.ensureSampling();
    const { groups } = await this.kafka.withAdmin((admin) => admin.describeGroups([groupId]));
    const group = groups[0];
    const committed = await this.committed(groupId);
    if (!group || ((group.state === 'Dead' || group.state === 'Unknown') && group.members.length === 0 && committed.length === 0)) throw groupNotFound(groupId);

    const members: GroupMember[] = group.members.map((m) => {
      let assignments: GroupMember['assignments'] = [];
      if (group.protocolType === 'consumer' && m.memberAssignment.length > 0) {
        const decoded = kafkajs.AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
        assignments = Object.entries(decoded?.assignment ?? {}).map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }));
      }
      return { memberId: m.memberId, clientId: m.clientId, clientHost: m.clientHost, assignments };
    });
    // Assigned partitions without a commit still count: their lag is from the log start.
    const known = new Set(committed.map((c) => `${c.topic}\u0000${c.partition}`));
    for (const member of members) {
      for (const a of member.assignments) {
        for (const partition of a.partitions) {
          if (!known.has(`${a.topic}\u0000${partition}`)) committed.push({ topic: a.topic, partition, offset: null, metadata: null });
        }
      }
    }
    const bounds = await this.bounds(committed.map((c) => c.topic));
    const rows = this.lagRows(committed, bounds).sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
    const owner = new Map<string, string>();
    for (const m of members) for (const a of m.assignments) for (const p of a.partitions) owner.set(`${a.topic}\u0000${p}`, m.memberId);
    for (const row of rows) row.memberId = owner.get(`${row.topic}\u0000${row.partition}`) ?? null;
    await this.timeLags(rows, bounds.metas);

    const timeLags = rows.map((r) => r.timeLagMs).filter((t): t is number => t !== null);
    return {
      groupId,
      state: stateOf(group.state),
      protocolType: group.protocolType,
      protocol: group.protocol,
      members,
      offsets: rows,
      totalLag: rows.reduce((sum, r) => sum + r.lag, 0),
      maxLag: rows.reduce((max, r) => Math.max(max, r.lag), 0),
      maxTimeLagMs: timeLags.length ? Math.max(...timeLags) : null,
      lagHistory: [...(this.history.get(groupId) ?? [])],
    };
  }

  /** Time lag: age of the record at the committed offset, the next one the group will read. */
  private async timeLags(rows: PartitionLag[], metas: Map<string, TopicMeta>): Promise<void> {
    const behind = rows.filter((r) => r.lag > 0 && r.committedOffset !== null).slice(0, MAX_TIME_LAG_PARTITIONS);
    const now = Date.now();
    await Promise.all(
      [...new Set(behind.map((r) => r.topic))].map(async (topic) => {
        const meta = metas.get(topic);
        if (!meta) return;
        const positions = new Map(behind.filter((r) => r.topic === topic).map((r) => [r.partition, r.committedOffset as number]));
        const fetched = await this.kafka.withReader((cluster) => fetchFrom(cluster, meta, positions, { maxWaitMs: 0, maxBytes: 64 * 1024 }));
        for (const row of behind) {
          if (row.topic !== topic) continue;
          const first = fetched.get(row.partition)?.messages[0];
          if (first) row.timeLagMs = Math.max(0, now - Number(first.timestamp));
        }
      }),
    );
  }

  async remove(groupId: string): Promise<void> {
    try {
      await this.kafka.withAdmin((admin) => admin.deleteGroups([groupId]));
    } catch (error) {
      const inner = (error as { groups?: Array<{ error?: unknown }> }).groups?.[0]?.error;
      const http = fromKafkaError(inner ?? error, `deleting group ${groupId}`);
      if (http?.code === 'GATEWAY_GROUP_NOT_EMPTY') throw new HttpError(409, 'GATEWAY_GROUP_NOT_EMPTY', `Group "${groupId}" has active members`, { kafkaError: http.kafkaError });
      if (http?.kafkaError?.name === 'GROUP_ID_NOT_FOUND') throw groupNotFound(groupId);
      throw http ?? error;
    }
    this.history.delete(groupId);
  }

  async reset(groupId: string, body: ResetOffsetsBody): Promise<ResetOffsetsResponse> {
    const { groups } = await this.kafka.withAdmin((admin) => admin.describeGroups([groupId]));
    const members = groups[0]?.members.length ?? 0;
    if (members > 0) {
      throw new HttpError(409, 'GATEWAY_GROUP_NOT_EMPTY', `Group "${groupId}" has ${members} active member(s): stop its consumers before resetting offsets`);
    }
    const meta = await this.metadata.topic(body.topic);
    const all = meta.partitions.map((p) => p.partitionId);
    const partitions = body.partitions ?? all;
    const missing = partitions.find((p) => !all.includes(p));
    if (missing !== undefined) {
      throw new HttpError(404, 'GATEWAY_PARTITION_NOT_FOUND', `Topic "${body.topic}" has no partition ${missing} (it has ${all.length})`);
    }
    const need = (field: 'timestamp' | 'offset' | 'shift'): number => {
      const value = body[field];
      if (value === undefined) throw new HttpError(400, 'GATEWAY_VALIDATION_FAILED', `strategy "${body.strategy}" needs "${field}"`, { details: [{ path: `/body/${field}`, message: 'is required' }] });
      return value;
    };
    const scoped = { ...meta, partitions: meta.partitions.filter((p) => partitions.includes(p.partitionId)) };
    const [low, high] = await Promise.all([this.metadata.offsets([scoped], EARLIEST_TIMESTAMP), this.metadata.offsets([scoped], LATEST_TIMESTAMP)]);
    const committed = new Map((await this.committed(groupId)).filter((c) => c.topic === body.topic).map((c) => [c.partition, c.offset]));
    const byTime = body.strategy === 'timestamp' ? await this.metadata.offsets([scoped], need('timestamp')) : undefined;
    const offsets = partitions.map((partition) => {
      const start = low.get(body.topic)?.get(partition) ?? 0;
      const end = high.get(body.topic)?.get(partition) ?? 0;
      const previous = committed.get(partition) ?? null;
      let target: number;
      switch (body.strategy) {
        case 'earliest':
          target = start;
          break;
        case 'latest':
          target = end;
          break;
        case 'timestamp': {
          const found = byTime?.get(body.topic)?.get(partition) ?? -1;
          target = found < 0 ? end : found;
          break;
        }
        case 'offset':
          target = need('offset');
          break;
        case 'shift':
          target = (previous ?? start) + need('shift');
          break;
      }
      return { topic: body.topic, partition, previousOffset: previous, offset: Math.min(end, Math.max(start, target)) };
    });
    const dryRun = body.dryRun ?? false;
    if (!dryRun) {
      // A direct OffsetCommit as a non-member (generation -1): kafkajs's setOffsets would join the group.
      await this.kafka.withReader(async (cluster) => {
        const coordinator = await cluster.findGroupCoordinator({ groupId });
        await coordinator.offsetCommit({
          groupId,
          groupGenerationId: -1,
          memberId: '',
          topics: [{ topic: body.topic, partitions: offsets.map((o) => ({ partition: o.partition, offset: String(o.offset) })) }],
        });
      });
    }
    return { groupId, dryRun, offsets };
  }

  /** One lag sample per group into its bounded ring; also exported as a Prometheus gauge. */
  private async sample(): Promise<void> {
    const { groups } = await this.kafka.withAdmin((admin) => admin.listGroups());
    const now = Date.now();
    const seen = new Set<string>();
    await mapLimit(groups.slice(0, MAX_SAMPLED_GROUPS), 4, async ({ groupId }) => {
      seen.add(groupId);
      const committed = await this.committed(groupId);
      const rows = this.lagRows(committed, await this.bounds(committed.map((c) => c.topic)));
      const sample: LagSample = { timestamp: now, totalLag: rows.reduce((s, r) => s + r.lag, 0), maxLag: rows.reduce((m, r) => Math.max(m, r.lag), 0) };
      let ring = this.history.get(groupId);
      if (!ring) this.history.set(groupId, (ring = []));
      ring.push(sample);
      if (ring.length > this.lag.historySize) ring.splice(0, ring.length - this.lag.historySize);
    });
    for (const id of this.history.keys()) if (!seen.has(id)) this.history.delete(id);
    this.metrics.clearGauge('brook_gateway_consumer_group_lag');
    for (const [id, ring] of this.history) this.metrics.set('brook_gateway_consumer_group_lag', { group: id }, ring[ring.length - 1]?.totalLag ?? 0);
  }
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index] as T);
      }
    }),
  );
  return results;
}
