import { describe, expect, it } from 'vitest';
import { verifyPassword } from './credentials.ts';
import { hashedUserEntry, parseUsersJson, parseUsersList } from './users-config.ts';

describe('SASL users config', () => {
  it('reads name:password pairs', () => {
    const store = parseUsersList('alice:secret, bob:p:w');
    expect(verifyPassword(store.get('alice')!, 'secret')).toBe(true);
    expect(verifyPassword(store.get('bob')!, 'p:w')).toBe(true);
  });

  it('reads pre-salted entries that hold no password', () => {
    const entry = hashedUserEntry('carol', 'hunter2');
    const text = JSON.stringify({ users: [entry, { name: 'dave', password: 'pw' }] });
    expect(text).not.toContain('hunter2');
    const store = parseUsersJson(text);
    expect(verifyPassword(store.get('carol')!, 'hunter2')).toBe(true);
    expect(verifyPassword(store.get('carol')!, 'hunter3')).toBe(false);
    expect(store.size).toBe(2);
  });

  it('explains what is wrong with a bad file', () => {
    expect(() => parseUsersJson('{')).toThrow(/not valid JSON/);
    expect(() => parseUsersJson('{"users":[{"name":""}]}')).toThrow(/name must be a non-empty string/);
    expect(() => parseUsersJson('{"users":[{"name":"x","scram-sha-256":{}}]}')).toThrow(/needs salt/);
    expect(() => parseUsersList('nopassword')).toThrow(/name:password/);
  });
});
