// Console (apps/web) against issue 6's bars, in a real browser (Debian's chromium) over the real
// stack (broker, gateway and console server, as `npm start` runs them) on free loopback ports:
//   topics page usable with 10,000 topics (< 1.5 s), first page of the message browser on a
//   1M-record partition (< 500 ms), live tail at 1,000 records/s without long tasks over 50 ms,
//   first-load JavaScript per page (< 250 KB gzip). Medians of 9 runs; each run a fresh context.
// "Visible" is stamped in the page on every animation frame (see watch), so a time is the first
// frame that shows the rows, not when Playwright next hears from a busy page.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Kafka, logLevel } from 'kafkajs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BROKER_ENTRY, GATEWAY_ENTRY, WEB_ENTRY } from './broker-produce.ts';
import { freePort, startNode, stopProcess } from './processes.ts';
import { median, type BenchRow } from './types.ts';

const root = path.join(import.meta.dirname, '..');
const web = path.join(root, 'apps/web');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOPICS = 10_000;
const RECORDS = 1_000_000;
// Navigations on this shared 2-core machine spread over 2x between runs: 9 of each for the median.
const RUNS = 9;

function start(args: string[], cwd: string, env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  return startNode(args, { cwd, env: { ...process.env, ...env }, ready });
}

/** 1M records into one partition with kcat (librdkafka), far faster than a JS producer. */
async function produceMillion(broker: string, topic: string, dir: string): Promise<void> {
  const file = path.join(dir, 'million.ndjson');
  const out = createWriteStream(file);
  for (let i = 0; i < RECORDS; i++) {
    if (!out.write(`{"n":${i},"type":"bench.event","payload":"${'x'.repeat(40)}"}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve) => out.end(resolve));
  const result = spawnSync('kcat', ['-P', '-b', broker, '-t', topic, '-p', '0', '-l', file, '-X', 'linger.ms=20', '-X', 'batch.num.messages=10000'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`kcat exited with ${result.status}`);
}

async function firstLoadJs(base: string, pagePath: string): Promise<number> {
  const html = await (await fetch(base + pagePath)).text();
  const sources = [...html.matchAll(/<script([^>]*)>/g)]
    .filter((m) => !/noModule/i.test(m[1] ?? ''))
    .map((m) => /src="([^"]+)"/.exec(m[1] ?? '')?.[1])
    .filter((src): src is string => Boolean(src));
  let gz = 0;
  for (const src of new Set(sources)) gz += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer()), { level: 9 }).length;
  return gz / 1024;
}

/** What must be on screen: the `index`-th element matching `selector`, or one of them showing `text`. */
interface Target {
  selector: string;
  index?: number;
  text?: string;
}

/**
 * Installs a watcher that runs on every animation frame and stamps (in wall-clock ms) the first frame
 * in which the target is laid out and not hidden. rAF callbacks run just before the frame paints.
 * The stamp is taken inside the page and read afterwards: a Playwright wait that resolves from the page
 * answers over the DevTools protocol, and while hydration keeps the main thread busy that answer came
 * 0-600 ms after the frame that showed the rows (measured, median ~250 ms), which timed script
 * scheduling rather than what the user sees. `watch` runs in the page from its source text (see
 * watcher): as an init script before any page script for navigations, through evaluate for changes.
 */
function watch(target: Target): void {
  const w = window as unknown as { __shownAt?: number };
  delete w.__shownAt;
  const shown = (): boolean => {
    const all = Array.from(document.querySelectorAll(target.selector));
    const candidates = target.index !== undefined ? all.slice(target.index, target.index + 1) : all.filter((e) => target.text !== undefined && e.textContent?.includes(target.text));
    return candidates.some((e) => {
      const box = e.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    });
  };
  const frame = (): void => {
    if (shown()) w.__shownAt = performance.timeOrigin + performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** `watch(target)` as page script. tsx names inner functions with an `__name` helper the page lacks. */
function watcher(target: Target): string {
  return `(() => { const __name = (f) => f; (${watch.toString()})(${JSON.stringify(target)}); })()`;
}

/** Wall-clock ms of the frame `watch` stamped, once the page can say. */
async function shownAt(page: Page, what: string): Promise<number> {
  try {
    const handle = await page.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt, null, { timeout: 60_000 });
    return (await handle.jsonValue()) as number;
  } catch (err) {
    throw new Error(`${what} never showed on ${page.url()}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Navigation to the first frame showing `target`, from just before the navigation starts, in a fresh
 * context; and to when the page could first tell (a script answered: hydration has let go of the thread).
 */
async function navigateUntilShown(browser: Browser, url: string, target: Target): Promise<{ shown: number; answered: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: watcher(target) });
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  const shown = (await shownAt(page, `${target.selector} #${target.index ?? target.text}`)) - t0;
  const answered = Date.now() - t0;
  await context.close();
  return { shown, answered };
}

const TOPIC_LINKS = 'table[aria-label="Topics"] a';
const MESSAGE_ROWS = 'table[aria-label="Messages"] tr';

export async function run(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'brook-bench-console-'));
  const children: ChildProcess[] = [];
  let browser: Browser | null = null;
  try {
    const b = await start([BROKER_ENTRY, '--port', '0', '--data-dir', dataDir], path.join(root, 'packages/broker'), { LOG_LEVEL: 'warn' }, /listening on (\S+):(\d+)/);
    children.push(b.child);
    const broker = `${b.match[1]}:${b.match[2]}`;
    const g = await start([GATEWAY_ENTRY], path.join(root, 'apps/gateway'), { GATEWAY_PORT: '0', KAFKA_BROKERS: broker, LOG_LEVEL: 'warn' }, /listening on (http:\/\/\S+)/);
    children.push(g.child);
    const webPort = await freePort();
    const w = await start([WEB_ENTRY], web, { GATEWAY_URL: g.match[1] ?? '', PORT: String(webPort), HOSTNAME: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' }, /listening on/);
    children.push(w.child);
    const base = `http://127.0.0.1:${webPort}`;

    const kafka = new Kafka({ clientId: 'bench-console', brokers: [broker], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    process.stderr.write(`bench console: creating ${TOPICS} topics…\n`);
    for (let i = 0; i < TOPICS; i += 1000) {
      await admin.createTopics({ timeout: 120_000, topics: Array.from({ length: 1000 }, (_, j) => ({ topic: `t-${String(i + j).padStart(5, '0')}`, numPartitions: 1 })) });
    }
    await admin.createTopics({ topics: [{ topic: 'million', numPartitions: 1 }, { topic: 'tail', numPartitions: 3 }] });
    await admin.disconnect();
    process.stderr.write(`bench console: producing ${RECORDS} records…\n`);
    await produceMillion(broker, 'million', dataDir);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const b0 = browser;
    // Warm the server on every page measured: the first render of a route loads its server chunks and
    // JIT-compiles them (the first browse took 630-690 ms where the rest took 340-520), which is the
    // cost of the server's first request for that route, not of the page.
    for (const url of [`${base}/topics`, `${base}/topics/million`]) {
      const context = await b0.newContext();
      await (await context.newPage()).goto(url);
      await context.close();
    }

    const topicsMs: number[] = [];
    const browseMs: number[] = [];
    const browseAnsweredMs: number[] = [];
    const oldestMs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      topicsMs.push((await navigateUntilShown(b0, `${base}/topics`, { selector: TOPIC_LINKS, index: 49 })).shown);
      // Row 0 is the header: rows 1-50 are the first page.
      const browse = await navigateUntilShown(b0, `${base}/topics/million`, { selector: MESSAGE_ROWS, index: 50 });
      browseMs.push(browse.shown);
      browseAnsweredMs.push(browse.answered);
      const context = await b0.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${base}/topics/million`, { waitUntil: 'load' });
      await page.getByRole('table', { name: 'Messages' }).getByRole('row').nth(50).waitFor();
      await page.evaluate(watcher({ selector: MESSAGE_ROWS, text: '{"n":0,' }));
      const t0 = Date.now();
      await page.getByLabel('Start from').selectOption({ label: 'Oldest' });
      oldestMs.push((await shownAt(page, 'the oldest record')) - t0);
      await context.close();
    }

    // Live tail: kafkajs produces 1,000 records/s for 10 s in batches of 100 every 100 ms.
    const context = await b0.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/topics/tail?tab=live`);
    await page.getByText('Live', { exact: true }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
    });
    const producer = kafka.producer();
    await producer.connect();
    const probe = Date.now();
    await page.evaluate(watcher({ selector: '[aria-label="Live records"] [role="row"]', text: `{"probe":${probe}}` }));
    const t0 = Date.now();
    await producer.send({ topic: 'tail', messages: [{ value: JSON.stringify({ probe }) }] });
    const firstRecordMs = (await shownAt(page, 'the live tail\'s probe record')) - t0;
    let sent = 0;
    const started = Date.now();
    while (Date.now() - started < 10_000) {
      const tick = Date.now();
      await producer.send({ topic: 'tail', messages: Array.from({ length: 100 }, (_, i) => ({ key: `k${i}`, value: JSON.stringify({ n: sent + i, at: tick }) })) });
      sent += 100;
      await new Promise((r) => setTimeout(r, Math.max(0, 100 - (Date.now() - tick))));
    }
    const rate = sent / ((Date.now() - started) / 1000);
    await page.waitForTimeout(1000);
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    await producer.disconnect();
    await context.close();

    const pages = ['/', '/topics', '/topics/million', '/groups', '/brokers'];
    const js = await Promise.all(pages.map((p) => firstLoadJs(base, p)));
    const heaviest = Math.max(...js);

    return [
      { name: `console: topics page usable (${TOPICS.toLocaleString('en-US')} topics)`, value: median(topicsMs), unit: 'ms', note: 'target < 1,500; navigation to 50 linked rows' },
      { name: 'console: message browser first page (1M-record partition)', value: median(browseMs), unit: 'ms', note: `target < 500; navigation to the first frame showing 50 rows (runs: ${browseMs.map(Math.round).join(', ')})` },
      { name: 'console: message browser first page, page answering scripts', value: median(browseAnsweredMs), unit: 'ms', note: 'navigation until the page, past hydration, answers Playwright (the older measure)' },
      { name: 'console: message browser switch to oldest (1M-record partition)', value: median(oldestMs), unit: 'ms', note: 'in-page, click to rows' },
      { name: 'console: live tail first record visible', value: firstRecordMs, unit: 'ms', note: 'kafkajs send → row on screen' },
      { name: `console: live tail long tasks > 50 ms at ${Math.round(rate)} rec/s`, value: long.filter((d) => d > 50).length, unit: 'count', note: `target 0; max long task ${long.length ? Math.round(Math.max(...long)) : 0} ms` },
      { name: 'console: first-load JS, heaviest page', value: heaviest, unit: 'KB gzip', note: `target < 250; ${pages.map((p, i) => `${p} ${(js[i] ?? 0).toFixed(0)}`).join(', ')}` },
    ];
  } finally {
    await browser?.close();
    for (const child of children.reverse()) await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
