// SASL users. Passwords are never kept: each user is stored as salted SCRAM credentials (RFC 5802),
// one set per SCRAM mechanism, and PLAIN is verified by re-deriving the salted password from them.
import { createHash, createHmac, pbkdf2, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

export const SCRAM_MECHANISMS = { 'SCRAM-SHA-256': 'sha256', 'SCRAM-SHA-512': 'sha512' } as const;
export type ScramMechanism = keyof typeof SCRAM_MECHANISMS;
export type SaslMechanism = 'PLAIN' | ScramMechanism;
export const SASL_MECHANISMS: readonly SaslMechanism[] = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'];

export interface ScramCredential {
  readonly salt: Buffer;
  readonly iterations: number;
  readonly storedKey: Buffer;
  readonly serverKey: Buffer;
}

export type UserCredentials = Readonly<Record<ScramMechanism, ScramCredential>>;

/** Kafka's minimum for SCRAM iterations is 4096. */
export const DEFAULT_ITERATIONS = 4096;

export function hmac(hash: string, key: Buffer, data: string | Buffer): Buffer {
  return createHmac(hash, key).update(data).digest();
}

export function digest(hash: string, data: Buffer): Buffer {
  return createHash(hash).update(data).digest();
}

function keyLength(hash: string): number {
  return hash === 'sha512' ? 64 : 32;
}

export function saltedPassword(mechanism: ScramMechanism, password: string, salt: Buffer, iterations: number): Buffer {
  const hash = SCRAM_MECHANISMS[mechanism];
  return pbkdf2Sync(password.normalize('NFKC'), salt, iterations, keyLength(hash), hash);
}

export function scramCredential(mechanism: ScramMechanism, password: string, salt: Buffer = randomBytes(32), iterations = DEFAULT_ITERATIONS): ScramCredential {
  const hash = SCRAM_MECHANISMS[mechanism];
  const salted = saltedPassword(mechanism, password, salt, iterations);
  const clientKey = hmac(hash, salted, 'Client Key');
  return { salt, iterations, storedKey: digest(hash, clientKey), serverKey: hmac(hash, salted, 'Server Key') };
}

export function userCredentials(password: string): UserCredentials {
  return { 'SCRAM-SHA-256': scramCredential('SCRAM-SHA-256', password), 'SCRAM-SHA-512': scramCredential('SCRAM-SHA-512', password) };
}

export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks a password against stored SCRAM credentials, as PLAIN needs. */
export function verifyPassword(credentials: UserCredentials, password: string): boolean {
  const { salt, iterations, storedKey } = credentials['SCRAM-SHA-256'];
  const expected = scramCredential('SCRAM-SHA-256', password, salt, iterations).storedKey;
  return sameBytes(expected, storedKey);
}

const pbkdf2Async = promisify(pbkdf2);
let verifications: Promise<unknown> = Promise.resolve();

/**
 * verifyPassword for the SASL/PLAIN exchange: PBKDF2 (a few ms) runs on the thread pool, not the event loop,
 * and one check at a time, so a flood of login attempts waits here instead of stalling every connection or
 * crowding the log's file operations out of the pool. Each connection has at most one check queued.
 */
export function verifyPasswordQueued(credentials: UserCredentials, password: string): Promise<boolean> {
  const { salt, iterations, storedKey } = credentials['SCRAM-SHA-256'];
  const check = verifications.then(async () => {
    const salted = await pbkdf2Async(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
    return sameBytes(digest('sha256', hmac('sha256', salted, 'Client Key')), storedKey);
  });
  verifications = check.catch(() => undefined);
  return check;
}

/** Users keyed by name. Built once at start-up from the config. */
export class UserStore {
  readonly #users = new Map<string, UserCredentials>();

  static fromPasswords(users: Readonly<Record<string, string>>): UserStore {
    const store = new UserStore();
    for (const [name, password] of Object.entries(users)) store.set(name, userCredentials(password));
    return store;
  }

  set(name: string, credentials: UserCredentials): void {
    this.#users.set(name, credentials);
  }

  get(name: string): UserCredentials | undefined {
    return this.#users.get(name);
  }

  get size(): number {
    return this.#users.size;
  }
}
