import { describe, expect, it } from 'vitest';
import { ConfigError, defineConfig, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has one-command defaults', () => {
    const c = loadConfig({}, []);
    expect(c).toMatchObject({ host: '127.0.0.1', port: 9092, advertisedHost: '127.0.0.1', advertisedPort: 9092, dataDir: './data', nodeId: 0, defaultPartitions: 1, autoCreateTopics: true, fsync: true, maxFrameBytes: 100 * 1024 * 1024 });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads env and lets flags override it', () => {
    const env = { BROKER_PORT: '9999', BROKER_HOST: '0.0.0.0', DATA_DIR: '/env', BROKER_FSYNC: 'false', BROKER_ADVERTISED_HOST: 'kafka', BROKER_ADVERTISED_PORT: '19092', LOG_RETENTION_MS: '60000' };
    const c = loadConfig(env, ['--port', '1234', '--data-dir=/flag']);
    expect(c).toMatchObject({ port: 1234, host: '0.0.0.0', dataDir: '/flag', fsync: false, advertisedHost: 'kafka', advertisedPort: 19092, topicDefaults: { 'retention.ms': '60000' } });
  });

  it('rejects bad values and unknown flags with a clear message', () => {
    expect(() => loadConfig({ BROKER_PORT: 'abc' }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ BROKER_FSYNC: 'maybe' }, [])).toThrow(/BROKER_FSYNC must be true or false/);
    expect(() => loadConfig({}, ['--nope'])).toThrow(/unknown argument "--nope"/);
    expect(() => loadConfig({}, ['--port'])).toThrow(/--port needs a value/);
  });

  it('advertises the bound port when listening on port 0', () => {
    expect(defineConfig({ port: 0 }).advertisedPort).toBeNull();
    expect(loadConfig({ BROKER_PORT: '0' }, []).advertisedPort).toBeNull();
  });
});
