// The service's view of the browser: storage, badge, alarms, notifications.

import { browser } from 'wxt/browser';
import type { Snapshot } from '../messages/snapshot';
import { snapshotItem } from '../messages/storage';
import type { Badge } from './badge';
import { now } from './clock';
import type { Platform } from './platform';

export const NEXT_ALARM = 'next';
export const DAILY_ALARM = 'daily';

export function browserPlatform(onNotify?: (id: string, message: string) => Promise<void>): Platform {
  return {
    now,
    randomId: () => crypto.randomUUID(),
    publish: (snapshot: Snapshot) => snapshotItem().setValue(snapshot),
    published: () => snapshotItem().getValue(),
    async setBadge(badge: Badge) {
      await Promise.all([
        browser.action.setBadgeText({ text: badge.text }),
        browser.action.setBadgeBackgroundColor({ color: badge.color }),
        browser.action.setTitle({ title: badge.title }),
      ]);
    },
    async setAlarm(when: number | null) {
      if (when === null) await browser.alarms.clear(NEXT_ALARM);
      // Alarms run on the real clock: translate from ours (they differ only in tests).
      else await browser.alarms.create(NEXT_ALARM, { when: Date.now() + Math.max(0, when - now()) });
    },
    async notify(id: string, title: string, message: string) {
      await browser.notifications.create(id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title,
        message,
      });
      await onNotify?.(id, message);
    },
  };
}
