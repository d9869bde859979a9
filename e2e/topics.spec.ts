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

test('a click on a topic right after typing in the search opens it (the pending search does not cancel the navigation)', async ({ page, request }) => {
  const prefix = `search-${Date.now()}`;
  for (const suffix of ['a', 'b']) expect((await request.post('/api/topics', { data: { name: `${prefix}-${suffix}`, partitions: 1 } })).status()).toBe(201);
  await page.goto(`/topics?q=${prefix}`);
  const link = page.getByRole('table', { name: 'Topics' }).getByRole('link', { name: `${prefix}-b`, exact: true });
  await expect(link).toBeVisible();
  // A slow server (held here for 1 s) keeps the navigation in flight past the search's 200 ms pause,
  // whose URL write used to land after the click and cancel it.
  await page.route(
    (url) => url.pathname === `/topics/${prefix}-b` && url.searchParams.has('_rsc'),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    },
  );
  await page.getByRole('searchbox', { name: 'Search topics' }).fill(`${prefix}-`);
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: `${prefix}-b` })).toBeVisible();
  await expect(page).toHaveURL(`/topics/${prefix}-b`);
});
