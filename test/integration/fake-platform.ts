// A Platform that records what the service asked of the browser, with a clock the test moves.

import type { Badge } from '../../src/background/badge';
import type { Platform } from '../../src/background/platform';
import type { Snapshot } from '../../src/messages/snapshot';

export class FakePlatform implements Platform {
  clock: number;
  snapshots: Snapshot[] = [];
  badge: Badge | null = null;
  alarm: number | null = null;
  notifications: { id: string; title: string; message: string; at: number }[] = [];
  private ids = 0;

  constructor(start: string) {
    this.clock = Date.parse(start);
  }

  now = () => this.clock;
  randomId = () => `id-${++this.ids}`;
  async publish(snapshot: Snapshot) {
    this.snapshots.push(snapshot);
  }
  async published() {
    return this.snapshots.at(-1) ?? null;
  }
  async setBadge(badge: Badge) {
    this.badge = badge;
  }
  async setAlarm(when: number | null) {
    this.alarm = when;
  }
  async notify(id: string, title: string, message: string) {
    this.notifications.push({ id, title, message, at: this.clock });
  }

  get snapshot(): Snapshot {
    const last = this.snapshots.at(-1);
    if (!last) throw new Error('nothing published yet');
    return last;
  }
}
