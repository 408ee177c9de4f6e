// Keys of storage.local made of a prefix and an id (`outbox:<detection id>`,
// `health:endpoints:<page id>`): each family declared once with the type of its values, then
// written, read, watched and removed through it. Nothing is read when a family is declared.

import { browser } from 'wxt/browser';
import { type StorageItemKey, storage } from 'wxt/utils/storage';
import type { Source } from './follow';

export interface KeyFamily<T> {
  readonly prefix: string;
  /** The storage key of the member `id`. */
  key(id: string): string;
  /** Whether a storage key is one of this family's. */
  owns(key: string): boolean;
  /** This family's members among everything read from storage.local, by storage key. */
  of(stored: Record<string, unknown>): Record<string, T>;
  /** Writes members, each under its own key, in one write. */
  set(entries: readonly (readonly [id: string, value: T])[]): Promise<void>;
  /** Every member, by storage key. */
  all(): Promise<Record<string, T>>;
  /** Removes members, by storage key. */
  remove(keys: readonly string[]): Promise<void>;
  /** Every member now, then again whenever one is written or removed (for `follow`). */
  source: Source<Record<string, T>>;
}

const local = (key: string): StorageItemKey => `local:${key}`;

export function keyFamily<T>(prefix: string): KeyFamily<T> {
  const owns = (key: string) => key.startsWith(prefix);
  // Only this family's keys are kept, and what is under them is what its `set` wrote.
  const of = (stored: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(stored).filter(([key]) => owns(key))) as Record<string, T>;
  const family: KeyFamily<T> = {
    prefix,
    key: (id) => prefix + id,
    owns,
    of,
    set: (entries) => storage.setItems(entries.map(([id, value]) => ({ key: local(prefix + id), value }))),
    all: async () => of(await storage.snapshot('local')),
    remove: (keys) => (keys.length === 0 ? Promise.resolve() : storage.removeItems(keys.map(local))),
    source: { read: () => family.all(), watch: (onChange) => watchKeys(owns, onChange) },
  };
  return family;
}

/** Several families read in one read of storage.local, and watched together, by storage key. */
export function familiesSource(...families: KeyFamily<unknown>[]): Source<Record<string, unknown>> {
  const owns = (key: string) => families.some((f) => f.owns(key));
  return {
    read: async () => {
      const stored = await storage.snapshot('local');
      return Object.assign({}, ...families.map((f) => f.of(stored)));
    },
    watch: (onChange) => watchKeys(owns, onChange),
  };
}

function watchKeys(owns: (key: string) => boolean, onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some(owns)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
