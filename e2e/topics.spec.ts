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
