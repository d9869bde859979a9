// Topic metadata on disk: one small JSON file per topic under <dataDir>/meta/topics/<topic id>.json (the id, since
// a 249-character name plus suffixes would pass the 255-byte file name limit), replaced atomically,
// so creating one topic among 10,000 rewrites one file, and a crash leaves each topic old or new, never torn.
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopicMeta } from './types.ts';
import { syncDir, writeFileAtomic } from './atomic-file.ts';

interface StoredTopic {
  name: string;
  id: string;
  partitions: number;
  configs: Record<string, string>;
  internal: boolean;
}

export class TopicRegistry {
  private readonly topics = new Map<string, TopicMeta>();

  private constructor(
    private readonly dir: string,
    private readonly sync: boolean,
  ) {}

  static async open(dataDir: string, sync: boolean): Promise<TopicRegistry> {
    const dir = join(dataDir, 'meta', 'topics');
    await mkdir(dir, { recursive: true });
    const registry = new TopicRegistry(dir, sync);
    for (const file of await readdir(dir)) {
      // Leftover temp files are writes that never reached their rename: the old file (or none) is the truth.
      if (file.includes('.tmp-')) {
        await unlink(join(dir, file)).catch(() => undefined);
        continue;
      }
      if (!file.endsWith('.json')) continue;
      const stored = JSON.parse(await readFile(join(dir, file), 'utf8')) as StoredTopic;
      registry.topics.set(stored.name, freeze(stored));
    }
    return registry;
  }

  get(name: string): TopicMeta | undefined {
    return this.topics.get(name);
  }

  list(): TopicMeta[] {
    return [...this.topics.values()];
  }

  async put(meta: TopicMeta): Promise<TopicMeta> {
    const stored: StoredTopic = { name: meta.name, id: meta.id, partitions: meta.partitions, configs: { ...meta.configs }, internal: meta.internal };
    await writeFileAtomic(this.file(meta.id), JSON.stringify(stored), this.sync);
    const frozen = freeze(stored);
    this.topics.set(meta.name, frozen);
    return frozen;
  }

  async remove(name: string): Promise<void> {
    const meta = this.topics.get(name);
    if (!meta) return;
    await unlink(this.file(meta.id));
    this.topics.delete(name);
    if (this.sync) await syncDir(this.dir);
  }

  private file(id: string): string {
    return join(this.dir, `${id}.json`);
  }
}

function freeze(t: StoredTopic): TopicMeta {
  return Object.freeze({ ...t, configs: Object.freeze({ ...t.configs }) });
}
