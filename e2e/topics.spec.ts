import { expect, test } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';

test('a topic created in the console exists on the broker with the chosen partition count', async ({ page }) => {
  const name = `orders-${Date.now()}`;
  await page.goto('/topics');
  await page.getByRole('button', { name: 'Create topic' }).click();

  const nameInput = page.getByLabel('Topic name');
  await nameInput.fill('bad name!');
  await expect(page.getByText(/letters, digits/i)).toBeVisible();
  await nameInput.fill(name);
  await page.getByLabel('Partitions').fill('3');
  await page.getByRole('button', { name: 'Create', exact: true }).click();

  await expect(page.getByRole('table').getByRole('link', { name, exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('topics.png'), fullPage: true });

  const kafka = new Kafka({ clientId: 'e2e', brokers: [process.env.BROOK_BROKER ?? ''], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const metadata = await admin.fetchTopicMetadata({ topics: [name] });
    expect(metadata.topics[0]?.partitions).toHaveLength(3);
  } finally {
    await admin.disconnect();
  }
});

test('topic tabs are links: a click before the page is interactive still opens the section, and each has its own URL', async ({ browser, request }) => {
  const name = `tabs-${Date.now()}`;
  expect((await request.post('/api/topics', { data: { name, partitions: 1 } })).status()).toBe(201);
  // JavaScript off stands for the moment before hydration on a slow first load.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(`/topics/${name}`);
    await page.getByRole('tab', { name: 'Partitions', exact: true }).click();
    await expect(page).toHaveURL(`/topics/${name}?tab=partitions`);
    await expect(page.getByRole('tab', { name: 'Partitions', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: 'Messages', exact: true })).toHaveAttribute('href', `/topics/${name}`);
  } finally {
    await context.close();
  }
});
