// The settings page as a rep uses it: seats, plan changes with their warning, alerts,
// CSV export, deleting everything, and "How we count". (The flows of issue 13 are in
// options-flows.spec.ts.)

import { readFileSync } from 'node:fs';
import { type Extension, expect, test } from './fixtures';

async function setClock(extension: Extension, iso: string) {
  await extension.send({ type: 'test:set-clock', at: Date.parse(iso) });
}

test('seats: add a second, rename, switch active, change plan with the forfeit shown first, remove', async ({
  extension,
}) => {
  await setClock(extension, '2026-05-10T10:00:00Z');
  const options = await extension.openOptions();
  await options.getByTestId('opening-balance').fill('90');
  await options.getByTestId('setup-submit').click();
  await expect(options.getByTestId('seat-item')).toHaveCount(1);

  const add = options.getByTestId('seat-setup');
  await add.getByLabel('Plan').selectOption('premium-business');
  await add.getByLabel('Name', { exact: true }).fill('Premium');
  await add.getByLabel('Monthly credit day').selectOption('9');
  await add.getByTestId('opening-balance').fill('12');
  await add.getByTestId('setup-submit').click();
  await expect(options.getByTestId('seat-item')).toHaveCount(2);
  expect((await extension.badge()).text).toBe('90');

  const premium = options.getByTestId('seat-item').nth(1);
  await expect(premium.getByRole('textbox')).toHaveValue('Premium');
  await premium.getByRole('button', { name: 'Make active' }).click();
  await expect.poll(async () => (await extension.badge()).text).toBe('12');

  await premium.getByRole('textbox').fill('Premium Business');
  await premium.getByRole('textbox').blur();
  await expect(options.getByTestId('options-status')).toHaveText('Seat renamed.');

  await setClock(extension, '2026-05-10T11:00:00Z');
  await premium.getByRole('button', { name: 'Change plan…' }).click();
  await premium.getByLabel('Plan', { exact: true }).selectOption('none');
  await expect(premium.getByTestId('plan-confirm')).toContainText('Cancelling today loses 12 credits.');
  await premium.getByRole('button', { name: 'Change plan', exact: true }).click();
  await expect(options.getByTestId('options-status')).toContainText('Plan changed: cancelled from today');
  await expect.poll(async () => (await extension.badge()).text).toBe('0');

  await premium.getByRole('button', { name: 'Remove…' }).click();
  await premium.getByRole('button', { name: /Remove “Premium Business” and its history/ }).click();
  await expect(options.getByTestId('seat-item')).toHaveCount(1);
  await expect.poll(async () => (await extension.badge()).text).toBe('90');
});

test('alerts are saved, CSV lists the InMails, delete all empties the ledger', async ({ extension }) => {
  await setClock(extension, '2026-05-10T10:00:00Z');
  const options = await extension.openOptions();
  await options.getByTestId('opening-balance').fill('40');
  await options.getByTestId('setup-submit').click();
  await expect(options.getByTestId('seat-item')).toHaveCount(1);
  const snapshot = await extension.send<{ snapshot: { activeSeat: string } }>({ type: 'get-snapshot' });
  await extension.send({
    type: 'log-send',
    seat: snapshot.snapshot.activeSeat,
    recipientName: '=HYPERLINK("x")',
    cost: 'paid',
  });

  await options.getByLabel('Notify this many days before credits expire').fill('10, 3');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('options-status')).toHaveText('Settings saved.');
  const saved = await extension.send<{ snapshot: { settings: unknown } }>({ type: 'get-snapshot' });
  expect(saved.snapshot.settings).toMatchObject({ expiryThresholds: [10, 3] });

  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByTestId('export-csv').click(),
  ]);
  const csv = readFileSync((await download.path()) as string, 'utf8')
    .trim()
    .split('\r\n');
  expect(csv[0]).toBe(
    'seat,sent_at,recipient,profile_url,cost,status,responded_at,refund_window_closes_at,thread_id,event_id',
  );
  expect(csv).toHaveLength(2);
  // A formula in a name is neutralised for spreadsheets.
  expect(csv[1]).toContain(`"'=HYPERLINK(""x"")"`);
  expect(csv[1]).toContain(',paid,awaiting,');

  await options.getByRole('button', { name: 'Delete all data…' }).click();
  await options.getByRole('button', { name: 'Delete all data', exact: true }).click();
  await expect(options.getByTestId('options-status')).toHaveText('All data deleted.');
  await expect(options.getByTestId('seat-setup')).toContainText('Set up your seat');
  expect((await extension.badge()).text).toBe('');
});

test('"How we count" states every rule, marking our model', async ({ extension }) => {
  const options = await extension.openOptions();
  const rules = options.locator('#how-we-count ol > li');
  await expect(rules).toHaveCount(17);
  await expect(options.locator('#how-we-count .source.ours').first()).toHaveText('Our model');
  // Rule 17, InMails sent before setup, is ours.
  await expect(rules.nth(16)).toContainText('InMails sent before you set up');
  await expect(rules.nth(16).locator('.source.ours')).toHaveCount(1);
  // What detection reads, and that Recruiter replies are not detected.
  await expect(options.locator('#how-we-count .surfaces dt')).toHaveText([
    'Sales Navigator',
    'LinkedIn messaging (Premium)',
    'Recruiter',
    'When a page changes',
  ]);
  await expect(options.locator('#how-we-count .surfaces dd').nth(2)).toContainText(
    'Recruiter replies are not detected',
  );
});
