// Detection health: which LinkedIn page kinds the content script ran on, and when.
// Never page content. Read by the popup to say what works and what stopped.

import { browser } from 'wxt/browser';
import type { PageKind } from './page-kinds';

export const HEALTH_KEY = 'health:pages';

export type PageHealth = Partial<Record<PageKind, { lastSeen: number }>>;

export async function recordPageSeen(kind: PageKind, at: number): Promise<void> {
  const stored = (await browser.storage.local.get(HEALTH_KEY))[HEALTH_KEY] as PageHealth | undefined;
  await browser.storage.local.set({ [HEALTH_KEY]: { ...stored, [kind]: { lastSeen: at } } });
}
