// The database's `meta` table: small values the background keeps beside the ledger, each key
// declared once with the type of its value, read and written only through these accessors.

import * as v from 'valibot';
import type { Pool } from '../ledger/plans';
import { DEFAULT_SETTINGS, type Settings, settingsSchema } from '../messages/settings';
import type { SeenPool } from '../messages/snapshot';
import type { LedgerDb } from './db';

/** Messages refused by validation (detection health). */
export interface DroppedMessages {
  count: number;
  lastReason: string;
  lastAt: number;
}

export interface MetaValues {
  /** The rep's settings, as the options page set them (validated again when read). */
  settings: Settings;
  /** The seat the popup shows (null: none, or the first seat). */
  activeSeat: string | null;
  /** Everything a digest announced once (`lot:<expiresAt>:<days>`, `refund:<key>`). */
  announced: string[];
  /** Each seat's last digest day, its local date, by seat id. */
  lastDigest: Record<string, string>;
  'health:dropped': DroppedMessages;
  /** What LinkedIn's pages showed of each pool that had no seat then (issue 15). */
  'seen-before-setup': Partial<Record<Pool, SeenPool>>;
}

export type MetaKey = keyof MetaValues;
export type MetaRecord = { [K in MetaKey]: { key: K; value: MetaValues[K] } }[MetaKey];

/** The value under `key`, or undefined when none was written. */
export async function readMeta<K extends MetaKey>(db: LedgerDb, key: K): Promise<MetaValues[K] | undefined> {
  // The record under `key` is that key's (only `writeMeta` and `metaRecord` write the table).
  return (await db.meta.get(key))?.value as MetaValues[K] | undefined;
}

/** One record, for `db.meta.put` or `bulkPut` (in a transaction of the caller's). */
export function metaRecord<K extends MetaKey>(key: K, value: MetaValues[K]): MetaRecord {
  return { key, value } as MetaRecord;
}

export async function writeMeta<K extends MetaKey>(
  db: LedgerDb,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  await db.meta.put(metaRecord(key, value));
}

/** The rep's settings; the defaults when none were saved or what was saved no longer validates. */
export async function readSettings(db: LedgerDb): Promise<Settings> {
  const parsed = v.safeParse(settingsSchema, await readMeta(db, 'settings'));
  return parsed.success ? parsed.output : DEFAULT_SETTINGS;
}
