// "Read, then watch": a value kept in storage.local, now and at every change, in the order the
// changes happened. The popup, the options page, the content scripts and detection health all
// follow storage this one way.

import type { Unwatch, WxtStorageItem } from 'wxt/utils/storage';

/** Something stored that can be read and watched. */
export interface Source<T> {
  read(): Promise<T>;
  /** Calls back at every change: with the new value when the change carries it, else to read again. */
  watch(onChange: (change?: { value: T }) => void): Unwatch;
}

export interface FollowOptions<T> {
  /** Stops following when aborted (a content script's `ctx.signal`). */
  signal?: AbortSignal;
  /** The value as already read (the popup reads the snapshot before its first render): not read again. */
  known?: T;
}

/**
 * Calls `onValue` with the value now (`first` true), then with every new one, until the returned
 * function is called or the signal aborts. It subscribes before it reads, so no change is
 * missed; a read that comes back after a newer value was shown is dropped.
 */
export function follow<T>(
  source: Source<T>,
  onValue: (value: T, first: boolean) => void,
  options: FollowOptions<T> = {},
): Unwatch {
  let asked = 0;
  let shown = 0;
  let stopped = false;
  const show = (turn: number, value: T) => {
    if (stopped || turn <= shown) return;
    const first = shown === 0;
    shown = turn;
    onValue(value, first);
  };
  const load = (read: () => Promise<T>) => {
    const turn = ++asked;
    // What cannot be read now is read again at the next change.
    read().then(
      (value) => show(turn, value),
      () => {},
    );
  };
  const unwatch = source.watch((change) => {
    if (change) show(++asked, change.value);
    else load(source.read);
  });
  const { known, signal } = options;
  load(known !== undefined ? () => Promise.resolve(known) : source.read);
  const stop = () => {
    if (stopped) return;
    stopped = true;
    unwatch();
    signal?.removeEventListener('abort', stop);
  };
  if (signal?.aborted) stop();
  else signal?.addEventListener('abort', stop, { once: true });
  return stop;
}

/**
 * A WXT storage item as a source: its value (its fallback when storage cannot be read, as for
 * a content script whose extension was just reloaded), and each new value as the change carries it.
 */
export function itemSource<T, Meta extends Record<string, unknown>>(
  item: WxtStorageItem<T, Meta>,
): Source<T> {
  return {
    read: () => item.getValue().catch(() => item.fallback),
    watch: (onChange) => item.watch((value) => onChange({ value })),
  };
}
