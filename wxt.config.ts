import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Reviewers rebuild from the sources: the store's screenshots are not part of the build.
  zip: { excludeSources: ['store/screenshots/**'] },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'InMail Ledger',
    description:
      'Know how many LinkedIn InMail credits you have, which expire when, and which sends may still come back.',
    // The least we need: our own storage, a schedule for expiry alerts, the alerts, and
    // LinkedIn pages. No other host, no tabs, no history.
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage'],
    host_permissions: ['https://www.linkedin.com/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'inmail-ledger@inmail-ledger.app',
              // 140 (an ESR) is the first to read data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing leaves the browser: we collect no data at all.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
