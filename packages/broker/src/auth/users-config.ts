// Loads SASL users from the environment (BROKER_SASL_USERS="alice:secret,bob:pw") or a JSON file
// (BROKER_SASL_USERS_FILE). A file entry holds either a password, salted and hashed on load and then
// dropped, or SCRAM credentials salted ahead of time (so no password need sit on disk at all).
import { readFileSync } from 'node:fs';
import { KafkaError } from '../errors.ts';
import { SCRAM_MECHANISMS, UserStore, scramCredential, userCredentials, type ScramCredential, type ScramMechanism } from './credentials.ts';

interface StoredScram {
  salt: string;
  iterations: number;
  storedKey: string;
  serverKey: string;
}

function invalid(message: string): never {
  throw new KafkaError('INVALID_CONFIG', `SASL users: ${message}`);
}

function parseScram(entry: unknown, where: string): ScramCredential {
  const value = entry as Partial<StoredScram> | null;
  if (!value || typeof value.salt !== 'string' || typeof value.storedKey !== 'string' || typeof value.serverKey !== 'string' || !Number.isInteger(value.iterations)) {
    invalid(`${where} needs salt, iterations, storedKey and serverKey (base64)`);
  }
  if ((value.iterations ?? 0) < 4096) invalid(`${where}: iterations must be at least 4096`);
  return { salt: Buffer.from(value.salt, 'base64'), iterations: value.iterations ?? 4096, storedKey: Buffer.from(value.storedKey, 'base64'), serverKey: Buffer.from(value.serverKey, 'base64') };
}

export function parseUsersJson(text: string): UserStore {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    invalid(`not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const list = (parsed as { users?: unknown }).users;
  if (!Array.isArray(list)) invalid('expected { "users": [ ... ] }');
  const store = new UserStore();
  list.forEach((raw: unknown, i) => {
    const entry = raw as Record<string, unknown>;
    const name = entry.name;
    if (typeof name !== 'string' || name === '') invalid(`users[${i}].name must be a non-empty string`);
    if (typeof entry.password === 'string') return store.set(name, userCredentials(entry.password));
    const mechanisms = Object.keys(SCRAM_MECHANISMS) as ScramMechanism[];
    const credentials = Object.fromEntries(mechanisms.map((m) => [m, parseScram(entry[m.toLowerCase()], `users[${i}].${m.toLowerCase()}`)]));
    store.set(name, credentials as Record<ScramMechanism, ScramCredential>);
  });
  return store;
}

export function parseUsersList(list: string): UserStore {
  const users: Record<string, string> = {};
  for (const pair of list.split(',').filter((p) => p.trim() !== '')) {
    const colon = pair.indexOf(':');
    if (colon <= 0) invalid(`expected name:password pairs, got "${pair.split(':')[0]}…"`);
    users[pair.slice(0, colon).trim()] = pair.slice(colon + 1);
  }
  return UserStore.fromPasswords(users);
}

/** Returns undefined when no users are configured, which means authentication is off. */
export function loadUsers(env: { BROKER_SASL_USERS?: string; BROKER_SASL_USERS_FILE?: string }): UserStore | undefined {
  if (env.BROKER_SASL_USERS_FILE) return parseUsersJson(readFileSync(env.BROKER_SASL_USERS_FILE, 'utf8'));
  if (env.BROKER_SASL_USERS) return parseUsersList(env.BROKER_SASL_USERS);
  return undefined;
}

/** The JSON a users file holds for one user, salted now: what `brook-broker hash-user` prints. */
export function hashedUserEntry(name: string, password: string): Record<string, unknown> {
  const entry: Record<string, unknown> = { name };
  for (const mechanism of Object.keys(SCRAM_MECHANISMS) as ScramMechanism[]) {
    const c = scramCredential(mechanism, password);
    entry[mechanism.toLowerCase()] = { salt: c.salt.toString('base64'), iterations: c.iterations, storedKey: c.storedKey.toString('base64'), serverKey: c.serverKey.toString('base64') };
  }
  return entry;
}
