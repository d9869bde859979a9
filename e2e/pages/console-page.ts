import type { Page } from '@playwright/test';

/** Shell-level actions: navigation, theme, screenshots in light and dark. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  async nav(name: 'Overview' | 'Topics' | 'Consumer groups' | 'Brokers'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  }

  async theme(theme: 'Light' | 'Dark' | 'System'): Promise<void> {
    await this.page.getByRole('radio', { name: `${theme} theme` }).click();
  }

  /** Screenshot the current page once per theme (test artifacts), restoring System after. */
  async captureThemes(path: (theme: 'light' | 'dark') => string): Promise<void> {
    for (const theme of ['light', 'dark'] as const) {
      await this.theme(theme === 'light' ? 'Light' : 'Dark');
      await this.page.waitForFunction((dark) => document.documentElement.classList.contains('dark') === dark, theme === 'dark');
      await this.page.screenshot({ path: path(theme), fullPage: true });
    }
    await this.theme('System');
  }
}
