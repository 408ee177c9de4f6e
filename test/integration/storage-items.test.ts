// storage.local, declared once (src/messages/storage.ts): the published snapshot and the
// families of per-page keys, read and then followed the one way (src/messages/follow.ts).

import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { follow, type Source } from '../../src/messages/follow';
import { familiesSource } from '../../src/messages/key-family';
import type { Snapshot } from '../../src/messages/snapshot';
import {
  anchorHealthKeys,
  endpointHealthKeys,
  followSnapshot,
  outboxKeys,
  snapshotItem,
} from '../../src/messages/storage';

const snapshot = (computedAt: string) => ({ computedAt }) as Snapshot;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the published snapshot', () => {
  test('is read under its key, then followed: each new one, and null once removed', async () => {
    expect(await snapshotItem().getValue()).toBeNull();
    await fakeBrowser.storage.local.set({ snapshot: snapshot('1') });
    const seen: [string | null, boolean][] = [];
    const stop = followSnapshot((s, first) => seen.push([s?.computedAt ?? null, first]));
    await vi.waitFor(() => expect(seen).toEqual([['1', true]]));
    await snapshotItem().setValue(snapshot('2'));
    await fakeBrowser.storage.local.remove('snapshot');
    expect(seen).toEqual([
      ['1', true],
      ['2', false],
      [null, false],
    ]);
    stop();
    await snapshotItem().setValue(snapshot('3'));
    expect(seen).toHaveLength(3);
  });

  test('a value already read is not read again, and an aborted signal stops the following', async () => {
    const controller = new AbortController();
    const seen: (string | null)[] = [];
    followSnapshot((s) => seen.push(s?.computedAt ?? null), {
      known: snapshot('preloaded'),
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(seen).toEqual(['preloaded']));
    controller.abort();
    await snapshotItem().setValue(snapshot('later'));
    expect(seen).toEqual(['preloaded']);
  });
});

describe('follow', () => {
  test('a change that comes while the first read is on its way wins over what that read returns', async () => {
    let answer: (value: string) => void = () => {};
    let changed: (change?: { value: string }) => void = () => {};
    const source: Source<string> = {
      read: () => new Promise((resolve) => (answer = resolve)),
      watch: (onChange) => {
        changed = onChange;
        return () => {};
      },
    };
    const seen: [string, boolean][] = [];
    follow(source, (value, first) => seen.push([value, first]));
    changed({ value: 'newer' });
    answer('older');
    await Promise.resolve();
    expect(seen).toEqual([['newer', true]]);
  });
});

describe('families of keys', () => {
  test('members are written under prefix + id, read back by key, and removed by key', async () => {
    await outboxKeys.set([
      ['a', { kind: 'balance', pool: 'premium', id: 'a', balance: 3, where: 'compose' }],
      ['b', { kind: 'balance', pool: 'premium', id: 'b', balance: 4, where: 'compose' }],
    ]);
    await fakeBrowser.storage.local.set({ 'health:endpoints:p1': { writtenAt: 1 } });
    expect(Object.keys(await outboxKeys.all()).sort()).toEqual(['outbox:a', 'outbox:b']);
    await outboxKeys.remove([outboxKeys.key('a')]);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual([
      'health:endpoints:p1',
      'outbox:b',
    ]);
  });

  test('the health of every page is followed together; other keys changing reads nothing again', async () => {
    const reads: string[][] = [];
    const stop = follow(familiesSource(anchorHealthKeys, endpointHealthKeys), (stored) =>
      reads.push(Object.keys(stored).sort()),
    );
    await vi.waitFor(() => expect(reads).toEqual([[]]));
    await endpointHealthKeys.set([['p1', { writtenAt: 1 }]]);
    await vi.waitFor(() => expect(reads).toHaveLength(2));
    await anchorHealthKeys.set([['p2', { writtenAt: 2, anchors: {} }]]);
    await vi.waitFor(() => expect(reads).toHaveLength(3));
    await snapshotItem().setValue(snapshot('x'));
    await outboxKeys.set([
      ['c', { kind: 'balance', pool: 'premium', id: 'c', balance: 1, where: 'compose' }],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reads).toEqual([[], ['health:endpoints:p1'], ['health:anchors:p2', 'health:endpoints:p1']]);
    stop();
  });
});
