// Accessibility: axe-core finds no violation in the popup, the settings page and our overlays
// on LinkedIn's pages, in light and in dark.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { type Extension, expect, setUpSeat, test } from './fixtures';

async function violations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function busySeat(extension: Extension) {
  const seat = await setUpSeat(extension, 'sales-navigator-core', 120);
  await extension.send({ type: 'log-send', seat, recipientName: 'Ana Ruiz', cost: 'paid' });
  await extension.send({
    type: 'log-send',
    seat,
    recipientName: 'Jonas Becker',
    cost: 'free-connection',
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`popup and settings have no axe violations (${colorScheme})`, async ({ context, extension }) => {
    await busySeat(extension);
    const popup = await context.newPage();
    await popup.emulateMedia({ colorScheme });
    await extension.openPopup(popup);
    await expect(popup.getByTestId('inmail-row').first()).toBeVisible();
    expect(await violations(popup)).toEqual([]);
    const options = await context.newPage();
    await options.emulateMedia({ colorScheme });
    await extension.openOptions(options);
    await expect(options.getByTestId('seat-item')).toHaveCount(1);
    expect(await violations(options)).toEqual([]);
  });

  test(`overlays on LinkedIn pages have no axe violations (${colorScheme})`, async ({
    context,
    extension,
  }) => {
    await busySeat(extension);
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto('https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd');
    await expect(page.locator('[data-inmail-ledger="cost-chip"]')).toHaveCount(1);
    await expect(page.locator('[data-inmail-ledger="person-chip"]')).toHaveCount(1);
    expect(await violations(page, '[data-inmail-ledger]')).toEqual([]);
    await page.goto('https://www.linkedin.com/sales/search/people?query=x');
    await expect(page.locator('[data-inmail-ledger="person-chip"]')).toHaveCount(3);
    expect(await violations(page, '[data-inmail-ledger]')).toEqual([]);
  });
}

test('by keyboard alone: log an InMail, then mark it replied', async ({ context, extension }) => {
  await setUpSeat(extension, 'sales-navigator-core', 120);
  const popup = await context.newPage();
  await extension.openPopup(popup);
  await expect(popup.getByTestId('available')).toHaveText('120');
  /** Presses Tab until the focused element matches, as a keyboard user would. */
  const tabTo = async (selector: string) => {
    for (let k = 0; k < 40; k++) {
      await popup.keyboard.press('Tab');
      if (await popup.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  await tabTo('[data-testid="log-recipient"]');
  await popup.keyboard.type('Ana Ruiz');
  await tabTo('[data-testid="log-send"]');
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('available')).toHaveText('119');
  await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'awaiting');
  await tabTo('[data-testid="replied-toggle"]');
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'refunded');
  await expect(popup.getByTestId('available')).toHaveText('120');
});
