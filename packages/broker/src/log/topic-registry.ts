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
  // Metadata v10+ and Fetch v13 name topics by id: looked up per request, so kept beside the name map.
  private readonly byId = new Map<string, TopicMeta>();
  // Kafka refuses names that differ only in '.' versus '_' (they collide in metric names): indexed for O(1) checks.
  private readonly byCollisionKey = new Map<string, string>();

  private constructor(
    private readonly dir: string,
    private readonly sync: boolean,
  ) {}

  static async open(dataDir: string, sync: boolean): Promise<TopicRegistry> {
    const dir = join(dataDir, 'meta', 'topics');
    await mkdir(dir, { recursive: true });
    const registry = new TopicRegistry(dir, sync);
    const files = await readdir(dir);
    // Leftover temp files are writes that never reached their rename: the old file (or none) is the truth.
    for (const file of files) if (file.includes('.tmp-')) await unlink(join(dir, file)).catch(() => undefined);
    const json = files.filter((f) => f.endsWith('.json')).sort();
    // Read in parallel slices: 10,000 topics are 10,000 small files.
    for (let i = 0; i < json.length; i += 64) {
      const slice = await Promise.all(json.slice(i, i + 64).map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as StoredTopic));
      for (const stored of slice) registry.remember(freeze(stored));
    }
    return registry;
  }

  get(name: string): TopicMeta | undefined {
    return this.topics.get(name);
  }

  getById(id: string): TopicMeta | undefined {
    return this.byId.get(id);
  }

  list(): TopicMeta[] {
    return [...this.topics.values()];
  }

  async put(meta: TopicMeta): Promise<TopicMeta> {
    const stored: StoredTopic = { name: meta.name, id: meta.id, partitions: meta.partitions, configs: { ...meta.configs }, internal: meta.internal };
    await writeFileAtomic(this.file(meta.id), JSON.stringify(stored), this.sync);
    const frozen = freeze(stored);
    this.remember(frozen);
    return frozen;
  }

  async remove(name: string): Promise<void> {
    const meta = this.topics.get(name);
    if (!meta) return;
    await unlink(this.file(meta.id));
    this.topics.delete(name);
    this.byId.delete(meta.id);
    this.byCollisionKey.delete(collisionKey(name));
    if (this.sync) await syncDir(this.dir);
  }

  /** The existing topic whose name collides with this one ('.' and '_' taken as equal), if any. */
  collidingWith(name: string): string | undefined {
    const other = this.byCollisionKey.get(collisionKey(name));
    return other !== name ? other : undefined;
  }

  private remember(meta: TopicMeta): void {
    const previous = this.topics.get(meta.name);
    if (previous && previous.id !== meta.id) this.byId.delete(previous.id);
    this.topics.set(meta.name, meta);
    this.byId.set(meta.id, meta);
    this.byCollisionKey.set(collisionKey(meta.name), meta.name);
  }

  private file(id: string): string {
    return join(this.dir, `${id}.json`);
  }
}

const collisionKey = (name: string): string => name.replace(/\./g, '_');

function freeze(t: StoredTopic): TopicMeta {
  return Object.freeze({ ...t, configs: Object.freeze({ ...t.configs }) });
}
