// Server side of SASL/PLAIN (RFC 4616) and SCRAM-SHA-256/512 (RFC 5802, RFC 7677): pure exchanges of
// byte tokens, shared by SaslAuthenticate and by the raw-token exchange that follows SaslHandshake v0.
import { randomBytes } from 'node:crypto';
import { SCRAM_MECHANISMS, digest, hmac, sameBytes, verifyPasswordQueued, type SaslMechanism, type ScramMechanism, type UserStore } from './credentials.ts';

export type SaslStep =
  | { readonly kind: 'challenge'; readonly token: Buffer }
  | { readonly kind: 'success'; readonly principal: string; readonly token: Buffer }
  /** user: the name the client claimed, when it got that far (for the log line). */
  | { readonly kind: 'failure'; readonly message: string; readonly user?: string };

/** One authentication attempt on one connection. Feed it one token at a time (await each step). */
export interface SaslExchange {
  step(token: Buffer): SaslStep | Promise<SaslStep>;
}

const failure = (message: string, user?: string): SaslStep => (user === undefined ? { kind: 'failure', message } : { kind: 'failure', message, user });

/** serverNonce is injectable so the RFC's published exchanges can be replayed in tests. */
export function startExchange(mechanism: SaslMechanism, users: UserStore, serverNonce = (): string => randomBytes(18).toString('base64url')): SaslExchange {
  return mechanism === 'PLAIN' ? plainExchange(users) : scramExchange(mechanism, users, serverNonce);
}

function plainExchange(users: UserStore): SaslExchange {
  return {
    async step(token) {
      // message = [authzid] NUL authcid NUL passwd
      const parts = token.toString('utf8').split('\u0000');
      if (parts.length !== 3) return failure('Invalid SASL/PLAIN message');
      const [authzid, username, password] = parts as [string, string, string];
      if (authzid !== '' && authzid !== username) return failure('Authorization id must equal the user name', username);
      const credentials = users.get(username);
      if (!credentials || !(await verifyPasswordQueued(credentials, password))) return failure('Authentication failed: invalid username or password', username);
      return { kind: 'success', principal: username, token: Buffer.alloc(0) };
    },
  };
}

function parseAttributes(message: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const part of message.split(',')) {
    const eq = part.indexOf('=');
    if (eq === 1) attributes.set(part.slice(0, 1), part.slice(2));
  }
  return attributes;
}

function decodeSaslName(name: string): string | undefined {
  if (/=(?!2C|3D)/.test(name)) return undefined;
  return name.replaceAll('=2C', ',').replaceAll('=3D', '=');
}

function scramExchange(mechanism: ScramMechanism, users: UserStore, serverNonce: () => string): SaslExchange {
  const hash = SCRAM_MECHANISMS[mechanism];
  let state: 'first' | 'final' | 'done' = 'first';
  let gs2Header = '';
  let clientFirstBare = '';
  let serverFirst = '';
  let nonce = '';
  let username = '';

  const first = (message: string): SaslStep => {
    // client-first-message = gs2-header client-first-message-bare; gs2-header = gs2-cbind-flag "," [authzid] ","
    const match = /^([ny]),(a=[^,]*)?,(.*)$/s.exec(message);
    if (!match) return failure('Invalid SCRAM client-first message (channel binding is not supported)');
    gs2Header = `${match[1]},${match[2] ?? ''},`;
    clientFirstBare = match[3] ?? '';
    const attributes = parseAttributes(clientFirstBare);
    const name = decodeSaslName(attributes.get('n') ?? '');
    const clientNonce = attributes.get('r');
    if (!name || !clientNonce) return failure('Invalid SCRAM client-first message');
    const credentials = users.get(name)?.[mechanism];
    if (!credentials) return failure('Authentication failed: invalid username or password', name);
    username = name;
    nonce = clientNonce + serverNonce();
    serverFirst = `r=${nonce},s=${credentials.salt.toString('base64')},i=${credentials.iterations}`;
    state = 'final';
    return { kind: 'challenge', token: Buffer.from(serverFirst) };
  };

  const final = (message: string): SaslStep => {
    const credentials = users.get(username)?.[mechanism];
    const proofAt = message.lastIndexOf(',p=');
    if (!credentials || proofAt < 0) return failure('Invalid SCRAM client-final message');
    const withoutProof = message.slice(0, proofAt);
    const attributes = parseAttributes(withoutProof);
    if (attributes.get('c') !== Buffer.from(gs2Header).toString('base64')) return failure('SCRAM channel binding mismatch');
    // endsWith, as Kafka's ScramSaslServer checked it for years: librdkafka 2.0 (Debian's) echoes its client nonce
    // twice ("r=" + client nonce + combined nonce). The server nonce must still end it, and the proof covers
    // the message exactly as sent, so a replayed or altered final message still fails.
    if (!attributes.get('r')?.endsWith(nonce)) return failure('SCRAM nonce mismatch');
    const proof = Buffer.from(message.slice(proofAt + 3), 'base64');
    const authMessage = `${clientFirstBare},${serverFirst},${withoutProof}`;
    const clientSignature = hmac(hash, credentials.storedKey, authMessage);
    if (proof.length !== clientSignature.length) return failure('Authentication failed: invalid username or password', username);
    const clientKey = Buffer.from(proof.map((b, i) => b ^ (clientSignature[i] ?? 0)));
    if (!sameBytes(digest(hash, clientKey), credentials.storedKey)) return failure('Authentication failed: invalid username or password', username);
    const serverSignature = hmac(hash, credentials.serverKey, authMessage).toString('base64');
    return { kind: 'success', principal: username, token: Buffer.from(`v=${serverSignature}`) };
  };

  return {
    step(token) {
      const message = token.toString('utf8');
      if (state === 'first') return first(message);
      if (state === 'final') {
        state = 'done';
        return final(message);
      }
      return failure('SCRAM exchange already complete');
    },
  };
}
