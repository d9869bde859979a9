import { expect, type Locator, type Page } from '@playwright/test';

/** The consumer groups list and one group's detail, with reset offsets. */
export class GroupsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/groups');
  }

  groupLink(id: string): Locator {
    return this.page.getByRole('table', { name: 'Consumer groups' }).getByRole('link', { name: id, exact: true });
  }
}

export class GroupPage {
  constructor(
    readonly page: Page,
    readonly groupId: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`/groups/${encodeURIComponent(this.groupId)}`);
  }

  get offsets(): Locator {
    return this.page.getByRole('table', { name: 'Partition offsets' });
  }

  /** The lag cell of one partition. */
  lagOf(topic: string, partition: number): Locator {
    return this.offsets
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: topic, exact: true }) })
      .filter({ has: this.page.getByRole('cell', { name: String(partition), exact: true }) })
      .getByRole('cell')
      .nth(4);
  }

  /** Preview then apply a reset; returns the preview table's text. */
  async resetOffsets(topic: string, strategy: 'Earliest' | 'Latest' | 'To a time' | 'To an offset' | 'Shift by N', value?: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Reset offsets' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Reset offsets' });
    await dialog.getByLabel('Topic').selectOption(topic);
    await dialog.getByLabel('Reset to').selectOption({ label: strategy });
    if (value !== undefined && strategy === 'To an offset') await dialog.getByLabel('Offset').fill(value);
    if (value !== undefined && strategy === 'Shift by N') await dialog.getByLabel('Shift by').fill(value);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = dialog.getByRole('table', { name: 'New offsets' });
    await expect(preview).toBeVisible();
    const text = await preview.innerText();
    await dialog.getByRole('button', { name: 'Apply reset' }).click();
    await expect(dialog).toBeHidden();
    return text;
  }
}
