// Group commit for one file. Invariant: at most one fsync in flight per file; every caller that arrives while
// one is in flight waits for the next one, which starts when the current one ends and covers all their writes
// (each caller asks only after its own write() completed). N concurrent appenders cost at most two fsyncs.
export class FsyncGate {
  private inFlight: Promise<void> | undefined;
  private next: Promise<void> | undefined;

  constructor(private readonly doSync: () => Promise<void>) {}

  request(): Promise<void> {
    if (!this.inFlight) return this.start();
    if (!this.next) {
      const after = (): Promise<void> => {
        this.next = undefined;
        return this.start();
      };
      this.next = this.inFlight.then(after, after);
    }
    return this.next;
  }

  /** Resolves once no fsync is in flight or queued (for close). */
  async idle(): Promise<void> {
    while (this.inFlight || this.next) await (this.next ?? this.inFlight)!.catch(() => undefined);
  }

  private start(): Promise<void> {
    const p = this.doSync();
    this.inFlight = p;
    const clear = (): void => {
      if (this.inFlight === p) this.inFlight = undefined;
    };
    p.then(clear, clear);
    return p;
  }
}
