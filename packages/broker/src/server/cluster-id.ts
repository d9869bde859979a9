// The cluster id is generated once and kept in <dataDir>/meta.properties (Kafka's file name and
// format), so clients and tools see the same cluster across restarts.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function loadOrCreateClusterId(dataDir: string, nodeId: number): Promise<string> {
  const file = join(dataDir, 'meta.properties');
  try {
    const text = await readFile(file, 'utf8');
    const match = /^cluster\.id=(.+)$/m.exec(text);
    if (match?.[1]) return match[1].trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  // Kafka cluster ids are 16 random bytes in URL-safe base64 (22 characters).
  const clusterId = randomBytes(16).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  const tmp = `${file}.tmp`;
  await writeFile(tmp, `version=1\ncluster.id=${clusterId}\nnode.id=${nodeId}\n`);
  await rename(tmp, file);
  return clusterId;
}
