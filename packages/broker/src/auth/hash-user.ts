// `brook-broker hash-user <name>`: reads a password on stdin and prints the users-file entry for it,
// salted SCRAM credentials only, so the users file (BROKER_SASL_USERS_FILE) holds no password.
import type { Readable } from 'node:stream';
import { hashedUserEntry } from './users-config.ts';

export const HASH_USER_USAGE = `usage: brook-broker hash-user <name>   (password on stdin, e.g. printf %s "$PW" | brook-broker hash-user alice)
prints one entry for { "users": [ ... ] } in the file named by BROKER_SASL_USERS_FILE`;

async function readAll(input: Readable): Promise<string> {
  let text = '';
  for await (const chunk of input) text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  return text;
}

/** Returns the JSON to print; throws with the usage on bad arguments or an empty password. */
export async function hashUser(args: readonly string[], input: Readable): Promise<string> {
  const [name, ...rest] = args;
  if (!name || rest.length > 0 || name.startsWith('-')) throw new Error(HASH_USER_USAGE);
  // One trailing newline is what `echo` or a terminal adds; it is not part of the password.
  const password = (await readAll(input)).replace(/\r?\n$/, '');
  if (password === '') throw new Error(`hash-user: empty password on stdin\n${HASH_USER_USAGE}`);
  return JSON.stringify(hashedUserEntry(name, password), null, 2);
}
