// The long-poll's wait in isolation: when it counts growth from, and what ends it.
import { describe, expect, it } from 'vitest';
import { waitForData } from './fetch.ts';

/** A log as the wait sees it: a size that appends grow, and append listeners. */
function fakeLog(size: number) {
  const listeners = new Set<() => void>();
  return {
    size,
    sizeBytes() {
      return this.size;
    },
    onAppend(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    append(bytes: number) {
      this.size += bytes;
      for (const l of [...listeners]) l();
    },
    listeners,
  };
}

function fakeConnection() {
  const listeners = new Set<() => void>();
  return {
    connection: { onClose: (l: () => void) => (listeners.add(l), () => listeners.delete(l)) } as never,
    close: () => listeners.forEach((l) => l()),
    listeners,
  };
}

const settledWithin = (p: Promise<void>, ms: number) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe('Fetch long-poll wait', () => {
  it('counts an append that landed during the first read (sizes taken before it) and returns at once', async () => {
    const log = fakeLog(1000);
    const ctx = fakeConnection();
    const before = [log.size];
    log.append(600); // while the first read was under way
    expect(await settledWithin(waitForData([log], before, 500, 600_000, ctx), 200)).toBe(true);
    expect(log.listeners.size).toBe(0);
    expect(ctx.listeners.size).toBe(0);
  });

  it('waits for enough growth across all its partitions, ignoring the rest', async () => {
    const a = fakeLog(0);
    const b = fakeLog(50);
    const ctx = fakeConnection();
    const wait = waitForData([a, b], [0, 50], 100, 600_000, ctx);
    a.append(60);
    expect(await settledWithin(wait, 50)).toBe(false);
    b.append(40);
    expect(await settledWithin(wait, 200)).toBe(true);
    expect(a.listeners.size + b.listeners.size + ctx.listeners.size).toBe(0);
  });

  it('ends at max_wait_ms, or when the connection closes', async () => {
    const log = fakeLog(0);
    expect(await settledWithin(waitForData([log], [0], 1, 30, fakeConnection()), 1000)).toBe(true);
    const ctx = fakeConnection();
    const wait = waitForData([log], [0], 1, 600_000, ctx);
    ctx.close();
    expect(await settledWithin(wait, 200)).toBe(true);
    expect(log.listeners.size).toBe(0);
  });
});
