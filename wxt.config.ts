import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'InMail Ledger',
    description: 'Know how many LinkedIn InMail credits you have, which expire when, and which sends may still come back.',
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage'],
    host_permissions: ['https://www.linkedin.com/*'],
    browser_specific_settings: { gecko: { id: 'inmail-ledger@example.org' } },
  },
});
