// `brook-broker hash-user <name>`: reads a password on stdin and prints the users-file entry for it,
// salted SCRAM credentials only, so the users file (BROKER_SASL_USERS_FILE) holds no password.
import type { Readable } from 'node:stream';
import { hashedUserEntry } from './users-config.ts';

export const HASH_USER_USAGE = `usage: brook-broker hash-user <name>   (password typed at the prompt, or on stdin: printf %s "$PW" | brook-broker hash-user alice)
prints one entry for { "users": [ ... ] } in the file named by BROKER_SASL_USERS_FILE`;

async function readAll(input: Readable): Promise<string> {
  let text = '';
  for await (const chunk of input) text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  return text;
}

type Terminal = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/** At a terminal: prompt on stderr and read one line without echoing it. */
function readHidden(input: Terminal, setRawMode: (raw: boolean) => unknown, name: string): Promise<string> {
  process.stderr.write(`password for ${name} (not shown): `);
  setRawMode.call(input, true);
  return new Promise((resolve, reject) => {
    let password = '';
    const done = (error?: Error): void => {
      input.off('data', onData);
      setRawMode.call(input, false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(password);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('hash-user: cancelled'));
        if (ch === '\u007f' || ch === '\b') password = password.slice(0, -1);
        else password += ch;
      }
    };
    input.on('data', onData);
    input.resume();
  });
}

/** Returns the JSON to print; throws with the usage on bad arguments or an empty password. */
export async function hashUser(args: readonly string[], input: Terminal): Promise<string> {
  const [name, ...rest] = args;
  if (!name || rest.length > 0 || name.startsWith('-')) throw new Error(HASH_USER_USAGE);
  // One trailing newline is what `echo` or a terminal adds; it is not part of the password.
  const password = input.isTTY && input.setRawMode ? await readHidden(input, input.setRawMode, name) : (await readAll(input)).replace(/\r?\n$/, '');
  if (password === '') throw new Error(`hash-user: empty password on stdin\n${HASH_USER_USAGE}`);
  return JSON.stringify(hashedUserEntry(name, password), null, 2);
}
