// Producer ids for InitProducerId: monotonic across restarts. Ids are reserved in blocks whose upper bound is
// persisted (atomically) before any id of the block is handed out, so a crash can skip ids but never reuse one.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.ts';

const BLOCK = 1000n;

export class ProducerIdAllocator {
  private next = 0n;
  private limit = 0n;
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly sync: boolean,
  ) {}

  static async open(metaDir: string, sync: boolean): Promise<ProducerIdAllocator> {
    const a = new ProducerIdAllocator(join(metaDir, 'producer-ids'), sync);
    const saved = await readFile(a.file, 'utf8').then((s) => BigInt(s.trim()), () => 0n);
    a.next = a.limit = saved;
    return a;
  }

  allocate(): Promise<bigint> {
    const run = this.chain.then(async () => {
      if (this.next >= this.limit) {
        const limit = this.next + BLOCK;
        await writeFileAtomic(this.file, limit.toString(), this.sync);
        this.limit = limit;
      }
      return this.next++;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }
}
