// Segment files are opened on use and kept open in one process-wide LRU pool. Past the cap, the least recently
// used descriptors that nothing is using are closed (the next use reopens them), so 10,000 idle partitions do
// not hold 10,000 descriptors. fsync stays correct across a reopen: it flushes the file, not the descriptor.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

class Pool {
  max = 2048;
  readonly lru = new Set<PooledFile>();

  touch(f: PooledFile): void {
    this.lru.delete(f);
    this.lru.add(f);
  }

  remove(f: PooledFile): void {
    this.lru.delete(f);
  }

  evict(): void {
    if (this.lru.size <= this.max) return;
    for (const f of this.lru) {
      if (this.lru.size <= this.max) break;
      if (f.idle) void f.release();
    }
  }
}

const pool = new Pool();

/** Caps descriptors held open by segment files in this process (tests lower it). */
export function setMaxOpenFiles(max: number): void {
  pool.max = Math.max(1, max);
  pool.evict();
}

export function openFileCount(): number {
  return pool.lru.size;
}

export class PooledFile {
  private handle: FileHandle | undefined;
  private opening: Promise<FileHandle> | undefined;
  private users = 0;
  private closed = false;

  constructor(readonly path: string) {}

  get idle(): boolean {
    return this.users === 0 && this.handle !== undefined;
  }

  /** Runs fn with the open descriptor; it is not closed by the pool while fn runs. */
  async use<T>(fn: (fh: FileHandle) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error(`${this.path} is closed`);
    this.users++;
    try {
      return await fn(await this.acquire());
    } finally {
      this.users--;
    }
  }

  private acquire(): Promise<FileHandle> {
    if (this.handle) {
      pool.touch(this);
      return Promise.resolve(this.handle);
    }
    // Read-write and created if missing, but not O_APPEND: appends are positional writes.
    this.opening ??= open(this.path, constants.O_RDWR | constants.O_CREAT, 0o644).then(
      (h) => {
        this.handle = h;
        this.opening = undefined;
        pool.touch(this);
        pool.evict();
        return h;
      },
      (err: unknown) => {
        this.opening = undefined;
        throw err;
      },
    );
    return this.opening;
  }

  /** Closes an unused descriptor (pool eviction); the next use reopens the file. */
  async release(): Promise<void> {
    const h = this.handle;
    if (!h || this.users > 0) return;
    this.handle = undefined;
    pool.remove(this);
    await h.close();
  }

  /** No use after this; the descriptor closes once operations already started on it finish. */
  async close(): Promise<void> {
    this.closed = true;
    const h = this.handle ?? (this.opening ? await this.opening.catch(() => undefined) : undefined);
    this.handle = undefined;
    pool.remove(this);
    await h?.close();
  }

  /** Forbids new uses (the file was deleted: reopening would recreate it) but keeps the open descriptor. */
  seal(): void {
    this.closed = true;
  }
}
