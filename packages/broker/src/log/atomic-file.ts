// Small metadata files are replaced atomically: a reader (or a restart after a crash) sees the old or the new
// content, never a torn mix. Invariant: temp file written and fsynced, renamed over the target, directory fsynced.
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

let counter = 0;

export async function writeFileAtomic(path: string, data: string | Buffer, sync: boolean): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${counter++}`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(data);
    if (sync) await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  if (sync) await syncDir(dirname(path));
}

/** Makes a rename, create or unlink inside dir durable. */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
