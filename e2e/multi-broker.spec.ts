// The console on a three-node cluster: a fake Apache Kafka 3.9 KRaft cluster at the protocol level
// (packages/broker/src/testing), with the gateway and console started by `npm start --kafka-brokers`
// as a user would point them at their own cluster. Checks what only a multi-broker cluster shows.
import { expect, test } from '@playwright/test';
import { startFakeCluster, type FakeCluster } from '../packages/broker/src/testing/fake-cluster.ts';
import { TopicPage } from './pages/index.ts';
import { startStack, type RunningStack } from './support/stack.ts';

let cluster: FakeCluster;
let stack: RunningStack;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  cluster = await startFakeCluster();
  stack = await startStack({ kafkaBrokers: cluster.bootstrap });
});

test.afterAll(async () => {
  await stack?.stop();
  await cluster?.close();
});

test('the Brokers page lists three brokers with racks, marks the controller, and counts partitions led per broker', async ({ page }) => {
  await page.goto(`${stack.webUrl}/brokers`);
  await expect(page.getByText(/3 brokers/)).toBeVisible();
  const rows = page.getByRole('table', { name: 'Brokers' }).getByRole('row');
  // Header + one row per broker: id, host, port, rack, role, leader partitions, replicas.
  await expect(rows).toHaveCount(4);
  const cells = async (i: number) => (await rows.nth(i).getByRole('cell').allInnerTexts()).map((t) => t.trim());
  expect(await cells(1)).toEqual(['1', '127.0.0.1', String(cluster.nodes[0]?.port), 'eu-west-1a', 'broker', '21', '61']);
  expect(await cells(2)).toEqual(['2', '127.0.0.1', String(cluster.nodes[1]?.port), 'eu-west-1b', 'controller', '20', '61']);
  expect(await cells(3)).toEqual(['3', '127.0.0.1', String(cluster.nodes[2]?.port), 'eu-west-1c', 'broker', '19', '61']);
  await expect(page.getByText('3 under-replicated and 1 offline partitions.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('brokers.png'), fullPage: true });
});

test("a topic's Partitions tab shows replicas and ISR, flags under-replicated partitions and the offline one", async ({ page }) => {
  const topic = new TopicPage(page, 'payments');
  await page.goto(`${stack.webUrl}/topics/payments`);
  await topic.tab('Partitions');
  const rows = page.getByRole('table', { name: 'Partitions' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  const row = (partition: number) => rows.nth(partition + 1);
  // partition, leader, replicas, ISR (+ flags), earliest, latest, messages
  await expect(row(0).getByRole('cell')).toHaveText(['0', '1', '1, 2, 3', '1, 2, 3', '0', '420', '420']);
  await expect(row(1).getByRole('cell')).toHaveText(['1', 'offline', '3, 1, 2', /^3\s*under-replicated\s*1 offline replica$/, '0', '0', '0']);
  await expect(row(2).getByRole('cell')).toHaveText(['2', '1', '3, 1, 2', /^1, 2\s*under-replicated$/, '12', '77', '65']);
  await page.screenshot({ path: test.info().outputPath('partitions.png'), fullPage: true });
});

test('the Topics page shows replication factor 3, and the Overview counts brokers, the controller and partition health', async ({ page }) => {
  await page.goto(`${stack.webUrl}/topics`);
  const orders = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('link', { name: 'orders', exact: true }) });
  // name, partitions, replication, messages (and whatever columns follow)
  await expect(orders.getByRole('cell').nth(1)).toHaveText('6');
  await expect(orders.getByRole('cell').nth(2)).toHaveText('3');

  await page.goto(stack.webUrl);
  // The Brokers stat card links to /brokers: label, count, controller.
  await expect(page.getByRole('link', { name: 'Brokers 3 controller 2', exact: true })).toBeVisible();
  const health = page.getByText('Partition health').locator('..');
  await expect(health).toContainText('4');
  await expect(health).toContainText('3 under-replicated · 1 offline');
  await page.screenshot({ path: test.info().outputPath('overview.png'), fullPage: true });
});
