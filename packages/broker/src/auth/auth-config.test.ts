// Authentication settings at the edge: SASL users and mechanisms, TLS files, the exposure warning, and
// the hash-user command that lets a users file hold no password.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, exposureWarning, loadConfig } from '../config.ts';
import { verifyPassword } from './credentials.ts';
import { parseUsersJson } from './users-config.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'brook-auth-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SASL config', () => {
  it('is off without users, and on with them (all three mechanisms by default)', () => {
    expect(loadConfig({}, []).sasl).toBeNull();
    const { sasl } = loadConfig({ BROKER_SASL_USERS: 'alice:secret' }, []);
    expect(sasl?.mechanisms).toEqual(['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']);
    expect(verifyPassword(sasl!.users.get('alice')!, 'secret')).toBe(true);
  });

  it('reads BROKER_SASL_MECHANISMS and a users file, and names what is wrong', () => {
    const file = path.join(dir, 'users.json');
    writeFileSync(file, JSON.stringify({ users: [{ name: 'bob', password: 'pw' }] }));
    const { sasl } = loadConfig({ BROKER_SASL_USERS_FILE: file, BROKER_SASL_MECHANISMS: 'scram-sha-512, SCRAM-SHA-256' }, []);
    expect(sasl?.mechanisms).toEqual(['SCRAM-SHA-512', 'SCRAM-SHA-256']);
    expect(sasl?.users.get('bob')).toBeDefined();
    expect(() => loadConfig({ BROKER_SASL_USERS: 'a:b', BROKER_SASL_MECHANISMS: 'GSSAPI' }, [])).toThrow(/unknown mechanism "GSSAPI"/);
    expect(() => loadConfig({ BROKER_SASL_USERS_FILE: path.join(dir, 'missing.json') }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ BROKER_SASL_USERS_FILE: path.join(dir, 'missing.json') }, [])).toThrow(/BROKER_SASL_USERS_FILE: .*ENOENT/);
    writeFileSync(path.join(dir, 'empty.json'), '{"users":[]}');
    expect(() => loadConfig({ BROKER_SASL_USERS_FILE: path.join(dir, 'empty.json') }, [])).toThrow(/the list is empty/);
  });
});

describe('TLS config', () => {
  it('needs both a certificate and a key, and reads them once', () => {
    writeFileSync(path.join(dir, 'c.pem'), 'CERT');
    writeFileSync(path.join(dir, 'k.pem'), 'KEY');
    expect(loadConfig({}, []).tls).toBeNull();
    const { tls } = loadConfig({ BROKER_TLS_CERT: path.join(dir, 'c.pem'), BROKER_TLS_KEY: path.join(dir, 'k.pem') }, []);
    expect({ cert: tls?.cert.toString(), key: tls?.key.toString(), ca: tls?.ca }).toEqual({ cert: 'CERT', key: 'KEY', ca: null });
    expect(() => loadConfig({ BROKER_TLS_CERT: path.join(dir, 'c.pem') }, [])).toThrow(/both BROKER_TLS_CERT and BROKER_TLS_KEY/);
    expect(() => loadConfig({ BROKER_TLS_CA: path.join(dir, 'c.pem') }, [])).toThrow(/BROKER_TLS_CA needs/);
    expect(() => loadConfig({ BROKER_TLS_CERT: path.join(dir, 'nope.pem'), BROKER_TLS_KEY: path.join(dir, 'k.pem') }, [])).toThrow(/BROKER_TLS_CERT: cannot read .*nope.pem \(ENOENT\)/);
  });
});

describe('exposure warning', () => {
  it('warns only for a non-loopback bind without SASL', () => {
    expect(exposureWarning(loadConfig({}, []))).toBeNull();
    expect(exposureWarning(loadConfig({ BROKER_HOST: '::1' }, []))).toBeNull();
    expect(exposureWarning(loadConfig({ BROKER_HOST: '0.0.0.0', BROKER_SASL_USERS: 'a:b' }, []))).toBeNull();
    const warning = exposureWarning(loadConfig({ BROKER_HOST: '0.0.0.0' }, []));
    expect(warning).toMatch(/WARNING: listening on 0\.0\.0\.0:9092 WITHOUT AUTHENTICATION/);
    expect(warning?.split('\n').length).toBeGreaterThan(5);
  });
});

describe('brook-broker hash-user', () => {
  const main = path.join(import.meta.dirname, '..', 'main.ts');
  const hashUser = (args: string[], input: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', main, 'hash-user', ...args], (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }));
      child.stdin?.end(input);
    });

  it('prints an entry that authenticates the password and does not contain it', async () => {
    const { code, stdout } = await hashUser(['carol'], 'correct horse\n');
    expect(code).toBe(0);
    expect(stdout).not.toContain('correct horse');
    const users = parseUsersJson(`{"users":[${stdout}]}`);
    expect(verifyPassword(users.get('carol')!, 'correct horse')).toBe(true);
  }, 60_000);

  it('refuses a missing name or an empty password with its usage', async () => {
    expect(await hashUser([], 'pw')).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: brook-broker hash-user <name>') });
    expect(await hashUser(['dave'], '\n')).toMatchObject({ code: 2, stderr: expect.stringContaining('empty password') });
  }, 60_000);
});
