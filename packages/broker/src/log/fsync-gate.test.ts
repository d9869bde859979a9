import { describe, expect, it } from 'vitest';
import { FsyncGate } from './fsync-gate.ts';

describe('FsyncGate (group commit)', () => {
  it('runs one fsync at a time and lets every waiter that arrived meanwhile share the next one', async () => {
    const pending: Array<() => void> = [];
    let started = 0;
    const gate = new FsyncGate(() => {
      started++;
      return new Promise<void>((resolve) => pending.push(resolve));
    });
    const first = gate.request();
    const waiters = Array.from({ length: 10 }, () => gate.request());
    expect(started).toBe(1);
    let doneWaiters = 0;
    for (const w of waiters) void w.then(() => doneWaiters++);
    pending.shift()!();
    await first;
    await new Promise((r) => setImmediate(r));
    // The 10 waiters did not ride on the fsync that began before they asked: they share a second one.
    expect(started).toBe(2);
    expect(doneWaiters).toBe(0);
    pending.shift()!();
    await Promise.all(waiters);
    expect(started).toBe(2);
    await gate.idle();
  });

  it('rejects the waiters of a failed fsync and keeps working', async () => {
    let fail = true;
    const gate = new FsyncGate(async () => {
      if (fail) throw new Error('EIO');
    });
    await expect(gate.request()).rejects.toThrow('EIO');
    fail = false;
    await expect(gate.request()).resolves.toBeUndefined();
  });
});
