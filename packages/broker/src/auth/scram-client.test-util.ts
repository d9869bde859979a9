// A minimal SCRAM client (RFC 5802) for tests: builds the client-first and client-final messages.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

export interface ScramTestClient {
  readonly first: Buffer;
  final(serverFirst: string): Buffer;
  /** The v= attribute a genuine server must answer, known once final() ran. */
  expectedServerFinal(): string;
}

/** echoNonce shapes the r= of the final message from the combined nonce (to imitate client quirks). */
export function scramClient(
  hash: 'sha256' | 'sha512',
  user: string,
  password: string,
  { clientNonce = randomBytes(18).toString('base64url'), echoNonce = (combined: string) => combined } = {},
): ScramTestClient {
  const bare = `n=${user},r=${clientNonce}`;
  let serverSignature = '';
  return {
    first: Buffer.from(`n,,${bare}`),
    final(serverFirst) {
      const attrs = Object.fromEntries(serverFirst.split(',').map((p) => [p[0], p.slice(2)]));
      const salted = pbkdf2Sync(password, Buffer.from(attrs.s ?? '', 'base64'), Number(attrs.i), hash === 'sha512' ? 64 : 32, hash);
      const clientKey = createHmac(hash, salted).update('Client Key').digest();
      const storedKey = createHash(hash).update(clientKey).digest();
      const withoutProof = `c=biws,r=${echoNonce(attrs.r ?? '')}`;
      const authMessage = `${bare},${serverFirst},${withoutProof}`;
      const signature = createHmac(hash, storedKey).update(authMessage).digest();
      const serverKey = createHmac(hash, salted).update('Server Key').digest();
      serverSignature = `v=${createHmac(hash, serverKey).update(authMessage).digest('base64')}`;
      const proof = Buffer.from(clientKey.map((b, i) => b ^ (signature[i] ?? 0)));
      return Buffer.from(`${withoutProof},p=${proof.toString('base64')}`);
    },
    expectedServerFinal: () => serverSignature,
  };
}
