// Runs the real Kafka clients written by others (Debian's kcat, Python and Go libraries) as child
// processes, so compatibility tests exercise them exactly as users do.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const here = import.meta.dirname;
// Debian's modules are only visible to Debian's interpreter, not to another python3 earlier on PATH.
const PYTHON = '/usr/bin/python3';

export async function run(command: string, args: readonly string[], options: { input?: string; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<string> {
  const child = exec(command, args, { timeout: options.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...options.env } });
  if (options.input !== undefined) {
    child.child.stdin?.end(options.input);
  }
  try {
    const { stdout } = await child;
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${e.message}\nstderr: ${e.stderr ?? ''}\nstdout: ${(e.stdout ?? '').slice(0, 2000)}`);
  }
}

/** env: extra variables, e.g. the BROOK_SASL_* / BROOK_SSL_CA settings read by python/security.py. */
export async function python<T>(script: string, args: readonly string[], env?: Record<string, string>): Promise<T> {
  const out = await run(PYTHON, [path.join(here, 'python', script), ...args], env ? { env } : {});
  return JSON.parse(out.trim().split('\n').pop() ?? 'null') as T;
}

const built = new Map<string, Promise<string>>();

/** Builds a Go program against Debian's packaged sources (no module proxy is reachable), once per run. */
export function goBinary(name: 'kafkago' | 'sarama'): Promise<string> {
  let binary = built.get(name);
  if (!binary) {
    const outDir = path.join(tmpdir(), 'brook-go-clients');
    mkdirSync(outDir, { recursive: true });
    const out = path.join(outDir, name);
    binary = (async () => {
      await run('sh', ['-c', `cd ${JSON.stringify(path.join(here, 'go', name))} && GOPATH=/usr/share/gocode GO111MODULE=off GOCACHE=${JSON.stringify(path.join(tmpdir(), 'brook-go-cache'))} CGO_CFLAGS=-Wno-deprecated-declarations go build -o ${JSON.stringify(out)} .`], { timeoutMs: 300_000 });
      return out;
    })();
    built.set(name, binary);
  }
  return binary;
}

export function jsonLines<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}
