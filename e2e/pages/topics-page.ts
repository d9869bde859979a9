import { expect, type Locator, type Page } from '@playwright/test';

/** The topics list: search, sort, paging and the create-topic dialog. */
export class TopicsPage {
  readonly table: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Topics' });
    this.search = page.getByRole('searchbox', { name: 'Search topics' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/topics${query}`);
  }

  topicLink(name: string): Locator {
    return this.table.getByRole('link', { name, exact: true });
  }

  async create(name: string, options: { partitions?: number; replicationFactor?: number } = {}): Promise<void> {
    await this.page.getByRole('button', { name: 'Create topic', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Create topic' });
    await dialog.getByLabel('Topic name').fill(name);
    if (options.partitions !== undefined) await dialog.getByLabel('Partitions').fill(String(options.partitions));
    if (options.replicationFactor !== undefined) await dialog.getByLabel('Replication factor').fill(String(options.replicationFactor));
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async open(name: string): Promise<void> {
    await this.topicLink(name).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
}
