import { expect, type Download, type Locator, type Page } from '@playwright/test';

export const TOPIC_TABS = ['Messages', 'Live tail', 'Produce', 'Partitions', 'Configs', 'Consumers'] as const;
export type TopicTab = (typeof TOPIC_TABS)[number];

/** One topic: its tabs, the message browser, the produce form and the live tail. */
export class TopicPage {
  constructor(
    readonly page: Page,
    readonly topic: string,
  ) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/topics/${encodeURIComponent(this.topic)}${query}`);
  }

  async tab(name: TopicTab): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    await expect(this.page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
  }

  // ---- produce ----
  async produce(record: { key?: string; value: string; format?: 'json' | 'text'; partition?: number; headers?: Record<string, string> }): Promise<Locator> {
    await this.tab('Produce');
    const form = this.page.getByRole('tabpanel');
    if (record.key !== undefined) await form.getByLabel('Key', { exact: true }).fill(record.key);
    if (record.partition !== undefined) await form.getByLabel('Partition', { exact: true }).selectOption(String(record.partition));
    await form.getByLabel('Value format').selectOption(record.format ?? 'json');
    await form.getByLabel('Value', { exact: true }).fill(record.value);
    for (const [i, [key, value]] of Object.entries(record.headers ?? {}).entries()) {
      await form.getByRole('button', { name: 'Add header' }).click();
      await form.getByLabel(`Header ${i + 1} name`).fill(key);
      await form.getByLabel(`Header ${i + 1} value`).fill(value);
    }
    await form.getByRole('button', { name: 'Produce', exact: true }).click();
    const result = form.getByRole('status').filter({ hasText: /Produced \d+ record/ });
    await expect(result).toBeVisible();
    // "partition P · offset O", a link to the record's own page.
    return result.getByRole('link').first();
  }

  // ---- message browser ----
  get messages(): Locator {
    return this.page.getByRole('table', { name: 'Messages' });
  }

  /** The row whose value preview contains `text`. */
  messageRow(text: string | RegExp): Locator {
    return this.messages.getByRole('row').filter({ hasText: text });
  }

  async startFrom(mode: 'Newest' | 'Oldest' | 'From offset' | 'From time'): Promise<void> {
    await this.page.getByLabel('Start from').selectOption({ label: mode });
  }

  async pageSize(size: 20 | 50 | 100 | 200 | 500): Promise<void> {
    await this.page.getByLabel('Records per page').selectOption(String(size));
  }

  async nextPage(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next page' }).click();
  }

  async previousPage(): Promise<void> {
    await this.page.getByRole('button', { name: 'Previous page' }).click();
  }

  /** Expand a row in place: JSON/Text/Hex/Base64 views, headers, copy and deep-link actions. */
  async expand(row: Locator): Promise<Locator> {
    await row.getByRole('button', { name: /^Expand record/ }).click();
    return this.messages.getByRole('region', { name: 'Value' }).first();
  }

  async export(format: 'JSON' | 'CSV'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `Export ${format}` }).click();
    return download;
  }

  // ---- live tail ----
  get live(): Locator {
    return this.page.getByRole('table', { name: 'Live records' });
  }

  liveStatus(): Locator {
    return this.page.getByRole('tabpanel').getByRole('status').first();
  }

  async pause(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pause' }).click();
  }

  async resume(): Promise<void> {
    await this.page.getByRole('button', { name: 'Resume' }).click();
  }
}
