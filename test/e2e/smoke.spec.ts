import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_MATCHES } from '../../src/linkedin/page-kinds';
import { EXTENSION_DIR, expect, test } from './fixtures';

test('the extension loads: worker running, id known, commands answered', async ({ extension }) => {
  expect(extension.id).toMatch(/^[a-p]{32}$/);
  const reply = await extension.send<{ ok: boolean; snapshot: { seats: unknown[] } }>({
    type: 'get-snapshot',
  });
  expect(reply.ok).toBe(true);
  expect(reply.snapshot.seats).toEqual([]);
});

test('the content script runs on a Sales Navigator lead page at its real URL', async ({
  context,
  extension,
}) => {
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd');
  await expect(page.getByRole('heading', { name: 'Sam Lee' })).toBeVisible();
  // The page's own credits answer reached our isolated script through the tap's private channel.
  await expect
    .poll(() =>
      extension.worker.evaluate(async () =>
        Object.entries(await chrome.storage.local.get(null))
          .filter(([key]) => key.startsWith('health:endpoints:'))
          .map(
            ([, value]) => (value as { 'sales-credits'?: { seen: number; read: number } })['sales-credits'],
          ),
      ),
    )
    .toEqual([expect.objectContaining({ seen: 1, read: 1 })]);
});

test('the built manifest runs both content scripts on every LinkedIn page (one single-page app), nowhere else', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  // Two scripts (the network tap in the page's world, the detectors in ours), same pages.
  expect(manifest.content_scripts).toHaveLength(2);
  for (const script of manifest.content_scripts)
    expect([...script.matches].sort()).toEqual([...CONTENT_MATCHES].sort());
  expect(manifest.content_scripts.map((c: { world?: string }) => c.world ?? 'ISOLATED').sort()).toEqual([
    'ISOLATED',
    'MAIN',
  ]);
  expect(manifest.permissions.sort()).toEqual(['alarms', 'notifications', 'storage', 'unlimitedStorage']);
  expect(manifest.host_permissions).toEqual(['https://www.linkedin.com/*']);
});

test('the popup renders its empty state with no seat, and the badge is blank', async ({ extension }) => {
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('popup-root')).toContainText('No seat set up yet');
  expect((await extension.badge()).text).toBe('');
});

test('the store builds ask for nothing beyond storage, alarms, notifications, unlimited storage and LinkedIn', () => {
  const ROOT = join(EXTENSION_DIR, '..');
  const chrome = JSON.parse(readFileSync(join(ROOT, 'chrome-mv3/manifest.json'), 'utf8'));
  expect([...chrome.permissions].sort()).toEqual(['alarms', 'notifications', 'storage', 'unlimitedStorage']);
  expect(chrome.host_permissions).toEqual(['https://www.linkedin.com/*']);
  expect(chrome.optional_permissions ?? []).toEqual([]);
  // Firefox (MV2) lists hosts among its permissions.
  const firefox = JSON.parse(readFileSync(join(ROOT, 'firefox-mv2/manifest.json'), 'utf8'));
  expect([...firefox.permissions].sort()).toEqual([
    'alarms',
    'https://www.linkedin.com/*',
    'notifications',
    'storage',
    'unlimitedStorage',
  ]);
  expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
});

test('an extension reload takes our overlays off the open LinkedIn pages: no stale count stays', async ({
  context,
  extension,
}) => {
  await extension.send({
    type: 'setup-seat',
    label: 'Dana',
    plan: 'sales-navigator-core',
    timeZone: 'UTC',
    openingBalance: 120,
  });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd');
  const ours = page.locator('[data-inmail-ledger]');
  await expect(ours.first()).toBeAttached();
  expect(await ours.count()).toBeGreaterThan(0);
  await extension.worker.evaluate(() => chrome.runtime.reload());
  await expect(ours).toHaveCount(0);
});
