// What the background needs from the browser; faked in integration tests.

import type { Snapshot } from '../messages/snapshot';
import type { Badge } from './badge';

export interface Platform {
  now(): number;
  publish(snapshot: Snapshot): Promise<void>;
  setBadge(badge: Badge): Promise<void>;
  /** Arm the one-shot alarm at `when` (epoch ms), or clear it (null). */
  setAlarm(when: number | null): Promise<void>;
  notify(id: string, title: string, message: string): Promise<void>;
  randomId(): string;
  /** The snapshot published last, by this worker or an earlier one (null before the first). */
  published(): Promise<Snapshot | null>;
}
