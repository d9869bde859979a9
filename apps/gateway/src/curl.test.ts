import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './test-support/stack.ts';

const run = promisify(execFile);
const READMES = [fileURLToPath(new URL('../../../README.md', import.meta.url)), fileURLToPath(new URL('../README.md', import.meta.url))];
const DEFAULT_URL = 'http://127.0.0.1:8080';

/** A README's curl commands (continuation lines joined), in order. */
async function readmeCurls(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  const commands: string[] = [];
  let inCode = false;
  let current = '';
  for (const line of text.split('\n')) {
    if (line.trim().startsWith('```')) {
      inCode = !inCode;
      continue;
    }
    if (!inCode) continue;
    if (!current && !line.trim().startsWith('curl ')) continue;
    current += line.replace(/\\$/, ' ');
    if (!line.endsWith('\\')) {
      commands.push(current.trim());
      current = '';
    }
  }
  return commands;
}

async function sh(command: string, url: string): Promise<string> {
  let line = command.replaceAll(DEFAULT_URL, url);
  // A stream never ends by itself: listen for a moment (curl then exits 28, which is expected).
  if (line.includes('/stream')) line = `${line.replace(/^curl /, 'curl --max-time 2 ')} || [ $? -eq 28 ]`;
  const { stdout } = await run('bash', ['-c', line], { timeout: 20_000 });
  return stdout;
}

describe('curl examples with the real curl binary', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ listen: true });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it.each(READMES.map((file) => [file.split('/').slice(-3).join('/'), file]))('runs every curl example of %s', async (_name, file) => {
    const commands = await readmeCurls(file);
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      const out = await sh(command, stack.url);
      // Every example answers JSON or an SSE stream, never a problem body.
      if (out.trim().startsWith('{')) expect(JSON.parse(out).error, `${command}\n${out}`).toBeUndefined();
      else expect(out, command).toMatch(/^(: stream open|$)/);
    }
  });

  it('produces with a bare curl -d, reads back, and streams', async () => {
    const url = stack.url;
    await sh(`curl -sf -X POST ${url}/topics -H 'content-type: application/json' -d '{"name":"greetings","partitions":1}'`, url);
    const produced = JSON.parse(await sh(`curl -sf -d 'hello' ${url}/topics/greetings/messages`, url));
    expect(produced).toEqual({ topic: 'greetings', results: [{ partition: 0, offset: 0 }], succeeded: 1, failed: 0 });
    await sh(`curl -sf -H 'content-type: application/json' -d '{"key":"k1","value":{"n":1},"headers":{"source":"curl"}}' ${url}/topics/greetings/messages`, url);
    await sh(`curl -sf -H 'content-type: application/json' -d '{"records":[{"value":"a"},{"value":"b"}]}' ${url}/topics/greetings/messages`, url);
    await sh(`printf '\\x00\\x01' | curl -sf -H 'content-type: application/octet-stream' --data-binary @- '${url}/topics/greetings/messages?key=bin'`, url);

    const page = JSON.parse(await sh(`curl -sf '${url}/topics/greetings/messages?from=earliest&limit=10'`, url));
    expect(page.records.map((r: { value: unknown }) => r.value)).toEqual(['hello', { n: 1 }, 'a', 'b', 'AAE=']);
    expect(page.records[1].headers).toEqual([{ key: 'source', value: 'curl', encoding: 'string' }]);

    const stream = await sh(`curl -sN --max-time 1 '${url}/topics/greetings/stream?from=earliest' || true`, url);
    expect(stream.match(/^event: record$/gm)).toHaveLength(5);
    expect(stream).toMatch(/^id: [A-Za-z0-9_-]+$/m);
  });

  it('shows errors as problem bodies with their status', async () => {
    const url = stack.url;
    const status = async (command: string): Promise<string> => (await sh(`${command} -s -o /dev/null -w '%{http_code}'`, url)).trim();
    expect(await status(`curl -d 'x' ${url}/topics/nope/messages`)).toBe('404');
    expect(await status(`curl -H 'content-type: application/json' -d '{bad' ${url}/topics/greetings/messages`)).toBe('400');
    expect(await status(`curl '${url}/topics/greetings/messages?offset=-5'`)).toBe('400');
    const body = JSON.parse(await sh(`curl -s -X POST ${url}/topics -H 'content-type: application/json' -d '{"name":"bad name"}'`, url));
    expect(body.error.code).toBe('GATEWAY_VALIDATION_FAILED');
  });
});
