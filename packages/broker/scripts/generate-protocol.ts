// CLI: tsx scripts/generate-protocol.ts <specDir> [outFile]
// specDir defaults to the shared copy of Kafka's message specs next to the repo; the output is committed.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_NAMES, loadMessages } from './protocol-generator.ts';
import { emit } from './protocol-emitter.ts';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SPEC_DIR = resolve(packageDir, '../../../shared/kafka-protocol');
export const DEFAULT_OUT_FILE = resolve(packageDir, 'src/protocol/generated/messages.ts');

export function generate(specDir: string): string {
  return emit(loadMessages(specDir), API_NAMES);
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const specDir = resolve(process.argv[2] ?? DEFAULT_SPEC_DIR);
  const outFile = resolve(process.argv[3] ?? DEFAULT_OUT_FILE);
  writeFileSync(outFile, generate(specDir));
  console.log(`wrote ${outFile}`);
}
