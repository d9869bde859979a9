// Randomised runs of the state machine with several simulated clients doing whatever clients do (join with or
// without ids, static or not, sync, heartbeat, commit, leave, go silent) in random order over a fake clock.
// Invariants: no transition outside the table (it would throw), every parked request is eventually answered
// (a lost answer hangs a real connection), and once the clients stop, the group ends Empty or Stable with
// members that are all answered and known.
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors.ts';
import { Harness } from './test-harness.ts';

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Client {
  memberId: string;
  generation: number;
  readonly instanceId: string | null;
  lastJoin: number | undefined;
  leaderOf: string[];
}

function runScenario(seed: number): void {
  const random = prng(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const h = new Harness({ initialRebalanceDelayMs: pick([0, 3000]), maxGroupSize: 5 });
  const clients: Client[] = Array.from({ length: 4 }, (_, i) => ({ memberId: '', generation: -1, instanceId: i % 2 === 0 ? `inst-${i}` : null, lastJoin: undefined, leaderOf: [] }));
  const joinTickets: number[] = [];
  const syncTickets: number[] = [];
  const commitTickets: number[] = [];

  const absorb = (c: Client): void => {
    if (c.lastJoin === undefined) return;
    const r = h.joins.get(c.lastJoin);
    if (!r) return;
    c.lastJoin = undefined;
    if (r.errorCode === ErrorCode.MEMBER_ID_REQUIRED || r.errorCode === 0) c.memberId = r.memberId;
    if (r.errorCode === ErrorCode.UNKNOWN_MEMBER_ID || r.errorCode === ErrorCode.FENCED_INSTANCE_ID) c.memberId = '';
    if (r.errorCode === 0) {
      c.generation = r.generationId;
      c.leaderOf = r.members.map((m) => m.memberId);
    }
  };

  for (let step = 0; step < 400; step++) {
    const c = pick(clients);
    clients.forEach(absorb);
    const op = random();
    if (op < 0.3) {
      if (c.lastJoin !== undefined && !h.joins.has(c.lastJoin)) continue;
      const t = h.join({ memberId: c.memberId, groupInstanceId: c.instanceId, requireKnownMemberId: random() < 0.5, clientId: `c${clients.indexOf(c)}`, rebalanceTimeoutMs: pick([10_000, 30_000]) });
      joinTickets.push(t);
      c.lastJoin = t;
    } else if (op < 0.5) {
      const assignments = Object.fromEntries(c.leaderOf.map((id) => [id, Buffer.from(id)]));
      syncTickets.push(h.sync(c.memberId, c.generation, random() < 0.7 ? assignments : {}, c.instanceId));
    } else if (op < 0.7) {
      const code = h.heartbeat(c.memberId, c.generation, c.instanceId);
      if (code === ErrorCode.UNKNOWN_MEMBER_ID) c.memberId = '';
    } else if (op < 0.8) {
      commitTickets.push(h.commit({ memberId: c.memberId, generationId: c.generation, groupInstanceId: c.instanceId, offsets: { [`t:${Math.floor(random() * 3)}`]: BigInt(step) } }));
    } else if (op < 0.85) {
      h.leave(c.memberId, c.instanceId);
      c.memberId = '';
      c.generation = -1;
    } else {
      h.advance(Math.floor(random() * 15_000));
    }
    const state = h.state();
    expect(['Empty', 'PreparingRebalance', 'CompletingRebalance', 'Stable', 'Dead']).toContain(state);
  }
  // Everyone goes silent: after every timeout has passed, nothing may still be waiting.
  for (let i = 0; i < 20; i++) h.advance(60_000);
  const unanswered = [...joinTickets.filter((t) => !h.joins.has(t)), ...syncTickets.filter((t) => !h.syncs.has(t)), ...commitTickets.filter((t) => !h.commits.has(t))];
  expect(unanswered, `seed ${seed}`).toEqual([]);
  expect(['Empty', 'Dead'], `seed ${seed}`).toContain(h.state());
  expect(h.machine.describeGroup('g').members, `seed ${seed}`).toEqual([]);
}

describe('random clients', () => {
  it('never loses a parked request and always settles, over 50 seeded runs', () => {
    for (let seed = 1; seed <= 50; seed++) runScenario(seed);
  });
});
