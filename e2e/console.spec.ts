// The console's main journeys over the real stack (broker, gateway and console started by global-setup),
// with real Kafka clients (kafkajs) producing and consuming beside the browser.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { ConsolePage, GroupPage, GroupsPage, TopicPage, TopicsPage } from './pages/index.ts';

const kafka = new Kafka({ clientId: 'e2e-console', brokers: [process.env.BROOK_BROKER ?? ''], logLevel: logLevel.NOTHING });

async function capture(page: Page, name: string): Promise<void> {
  await new ConsolePage(page).captureThemes((theme) => test.info().outputPath(`${name}-${theme}.png`));
}

test.describe.configure({ mode: 'serial' });

test('create a topic, produce from the form, browse, page, deep link, export, live tail, delete', async ({ page }) => {
  test.setTimeout(240_000);
  const topic = `payments-${Date.now()}`;
  const topics = new TopicsPage(page);
  await topics.goto();
  await topics.create(topic, { partitions: 2 });
  await topics.open(topic);

  const view = new TopicPage(page, topic);
  const recordLink = await view.produce({ key: 'order-42', value: '{"amount": 42, "currency": "EUR"}', partition: 0, headers: { source: 'e2e' } });
  // The produce result links to the record's own page; read it now, the result goes when the tab changes.
  const href = await recordLink.getAttribute('href');
  expect(href).toContain(`/topics/${topic}/messages/0/0`);
  await capture(page, 'topic-produce');

  // 120 more records on partition 0 so the browser has pages to turn.
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: 120 }, (_, i) => ({ partition: 0, key: `bulk-${i}`, value: JSON.stringify({ n: i }) })) });

  await view.tab('Messages');
  await view.startFrom('Oldest');
  await view.pageSize(50);
  await expect(view.messageRow('order-42')).toBeVisible();
  await expect(view.messageRow('bulk-48')).toBeVisible();
  await view.nextPage();
  await expect(view.messageRow('bulk-49')).toBeVisible();
  await expect(view.messageRow('order-42')).toHaveCount(0);
  await view.previousPage();
  await expect(view.messageRow('order-42')).toBeVisible();
  await capture(page, 'topic-messages');

  const exported = await view.export('JSON');
  const rows = JSON.parse(readFileSync((await exported.path()) ?? '', 'utf8')) as { key: unknown; offset: number }[];
  expect(rows).toHaveLength(50);
  expect(rows[0]).toMatchObject({ key: 'order-42', offset: 0 });

  // The deep link the produce form gave opens exactly that record.
  await page.goto(href ?? '');
  await expect(page.getByText('"currency"').first()).toBeVisible();
  await expect(page.getByText('order-42').first()).toBeVisible();
  await capture(page, 'record');

  // Live tail: a record produced by kafkajs appears; while paused, arrivals are counted, not shown.
  await view.goto();
  await view.tab('Live tail');
  await expect(view.liveStatus()).toContainText(/live/i);
  const sentAt = Date.now();
  await producer.send({ topic, messages: [{ partition: 1, key: 'live-1', value: 'first live record' }] });
  await expect(view.live.getByText('first live record')).toBeVisible();
  test.info().annotations.push({ type: 'live tail latency', description: `${Date.now() - sentAt} ms from send to visible` });
  await view.pause();
  await producer.send({ topic, messages: [{ partition: 1, key: 'live-2', value: 'arrived while paused' }] });
  await expect(page.getByRole('tabpanel').getByText(/1 new while paused/)).toBeVisible();
  await expect(view.live.getByText('arrived while paused')).toHaveCount(0);
  await view.resume();
  await expect(view.live.getByText('arrived while paused')).toBeVisible();
  await capture(page, 'topic-live');
  await producer.disconnect();

  for (const tab of ['Partitions', 'Configs', 'Consumers'] as const) {
    await view.tab(tab);
    await capture(page, `topic-${tab.toLowerCase()}`);
  }

  await page.getByRole('button', { name: 'Delete topic' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete topic' });
  await expect(dialog.getByRole('button', { name: 'Delete topic' })).toBeDisabled();
  await dialog.getByRole('textbox').fill(topic);
  await dialog.getByRole('button', { name: 'Delete topic' }).click();
  await expect(page).toHaveURL(/\/topics(\?|$)/);
  const admin = kafka.admin();
  await admin.connect();
  await expect.poll(async () => (await admin.listTopics()).includes(topic)).toBe(false);
  await admin.disconnect();
});

test('a real consumer group appears with its lag, and resetting its offsets changes the lag', async ({ page }) => {
  test.setTimeout(180_000);
  const topic = `lagging-${Date.now()}`;
  const groupId = `billing-${Date.now()}`;
  const admin = kafka.admin();
  const producer = kafka.producer();
  await Promise.all([admin.connect(), producer.connect()]);
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
  await producer.send({ topic, messages: Array.from({ length: 30 }, (_, i) => ({ value: `m${i}` })) });

  // A real member consumes the first 10 records and commits, then leaves: lag 20.
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ message, partition }) => {
      seen++;
      if (seen === 10) await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
    },
  });
  await expect.poll(() => seen, { timeout: 30_000 }).toBeGreaterThanOrEqual(30);
  await consumer.disconnect();
  await producer.disconnect();

  const groups = new GroupsPage(page);
  await groups.goto();
  await expect(groups.groupLink(groupId)).toBeVisible();
  await capture(page, 'groups');
  await groups.groupLink(groupId).click();

  const group = new GroupPage(page, groupId);
  await expect(group.lagOf(topic, 0)).toHaveText('20');
  await capture(page, 'group');
  const preview = await group.resetOffsets(topic, 'Earliest');
  expect(preview).toContain('10');
  await expect(group.lagOf(topic, 0)).toHaveText('30');
  const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
  expect(offsets[0]?.partitions[0]?.offset).toBe('0');
  await admin.disconnect();
});

test('overview and brokers pages render in both themes', async ({ page }) => {
  const shell = new ConsolePage(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await capture(page, 'overview');
  await shell.nav('Brokers');
  await expect(page.getByRole('heading', { level: 1, name: 'Brokers' })).toBeVisible();
  await capture(page, 'brokers');
  await shell.nav('Topics');
  await capture(page, 'topics');
});
