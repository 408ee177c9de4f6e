// @vitest-environment happy-dom
// The watcher that runs the page features: a feature starts on its pages with the published
// snapshot, stops (signal, overlays) on navigation and invalidation, and looks again when an
// element it declared appears (the selector observer's animationstart), when a watched
// element's words change, when the rep does something, when the snapshot changes, or when it
// asked to. Nothing observes the whole document.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { overlay } from '../../../src/linkedin/overlay/overlay';
import { defineFeature, type Look } from '../../../src/linkedin/page/feature';
import { type WatchContext, watchFeatures } from '../../../src/linkedin/page/watch';
import { SNAPSHOT_KEY } from '../../../src/messages/snapshot';

const LEAD = 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd';
const THREAD = 'https://www.linkedin.com/messaging/thread/2-abc/';

const setURL = (url: string) =>
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

/** WXT's context as the watcher uses it, with a hand on navigation and invalidation. */
function context() {
  const controller = new AbortController();
  let onNavigate: ((event: { newUrl: URL }) => void) | null = null;
  const ctx = {
    signal: controller.signal,
    addEventListener(
      target: EventTarget,
      type: string,
      handler: (event: never) => void,
      options?: AddEventListenerOptions,
    ) {
      if (type === 'wxt:locationchange') onNavigate = handler as typeof onNavigate;
      else target.addEventListener(type, handler as EventListener, { ...options, signal: controller.signal });
    },
  } as unknown as WatchContext;
  return {
    ctx,
    invalidate: () => controller.abort(),
    navigate(url: string) {
      setURL(url);
      onNavigate?.({ newUrl: new URL(url) });
    },
  };
}

/** A feature that records its looks. */
function recorder(id: string, pages: Parameters<typeof defineFeature>[0]['pages'], selectors: string[] = []) {
  const looks: Look[] = [];
  const feature = defineFeature({
    id,
    pages,
    selectors,
    run(look) {
      looks.push(look);
    },
  });
  return { feature, looks };
}

const appear = (element: Element) =>
  element.dispatchEvent(new Event('animationstart', { bubbles: true, composed: true }));
const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

let stop: (() => void) | null = null;

beforeEach(async () => {
  fakeBrowser.reset();
  setURL(LEAD);
  document.body.replaceChildren();
  await fakeBrowser.storage.local.set({ [SNAPSHOT_KEY]: { seats: [], inmails: [] } });
});

afterEach(() => {
  stop?.();
  stop = null;
  vi.restoreAllMocks();
});

function start(...features: ReturnType<typeof defineFeature>[]) {
  const page = context();
  stop = page.invalidate;
  const watch = watchFeatures(page.ctx, features);
  return { ...page, watch };
}

describe('starting and stopping', () => {
  test('a feature starts on its pages only, with the published snapshot', async () => {
    const lead = recorder('lead', ['sales-lead']);
    const everywhere = recorder('everywhere', 'all');
    const thread = recorder('thread', ['messaging']);
    start(lead.feature, everywhere.feature, thread.feature);
    await vi.waitFor(() => expect(lead.looks).toHaveLength(1));
    expect(lead.looks[0]).toMatchObject({ kind: 'sales-lead', url: LEAD, snapshot: { seats: [] } });
    expect(everywhere.looks).toHaveLength(1);
    expect(thread.looks).toHaveLength(0);
  });

  test('navigation aborts its signal and takes its overlays off; the new page starts its own', async () => {
    const lead = recorder('lead', ['sales-lead']);
    const thread = recorder('thread', ['messaging']);
    const marking = defineFeature({
      id: 'marking',
      pages: ['sales-lead'],
      run({ signal }) {
        overlay('cost-chip', document.body, (h) => document.body.append(h), 'test', signal);
      },
    });
    const page = start(lead.feature, thread.feature, marking);
    await vi.waitFor(() => expect(lead.looks).toHaveLength(1));
    expect(document.querySelectorAll('[data-inmail-ledger="cost-chip"]')).toHaveLength(1);
    page.navigate(THREAD);
    await vi.waitFor(() => expect(thread.looks).toHaveLength(1));
    expect(lead.looks[0]?.signal.aborted).toBe(true);
    expect(document.querySelectorAll('[data-inmail-ledger]')).toHaveLength(0);
    expect(thread.looks[0]).toMatchObject({ kind: 'messaging', url: THREAD });
    expect(thread.looks[0]?.signal.aborted).toBe(false);
  });

  test('a navigation within the same kind starts the feature again, with what it keeps for the page view', async () => {
    const runs: { signal: AbortSignal; count: number; first: boolean }[] = [];
    const counting = defineFeature({
      id: 'counting',
      pages: ['sales-lead'],
      state: () => ({ count: 0 }),
      run({ signal, state, once }) {
        state.count++;
        runs.push({ signal, count: state.count, first: once('listener') });
      },
    });
    const page = start(counting);
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    page.navigate('https://www.linkedin.com/sales/lead/ACwAAA999,NAME_SEARCH,wxyz');
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    expect(runs.map((r) => [r.count, r.first])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(runs[0]?.signal.aborted).toBe(true);
  });

  test('invalidation aborts every run and takes our style off the page', async () => {
    const lead = recorder('lead', ['sales-lead'], ['section[role="dialog"]']);
    const page = start(lead.feature);
    await vi.waitFor(() => expect(lead.looks).toHaveLength(1));
    expect(document.querySelector('style[data-inmail-ledger-observer]')).not.toBeNull();
    page.invalidate();
    expect(lead.looks[0]?.signal.aborted).toBe(true);
    expect(document.querySelector('style[data-inmail-ledger-observer]')).toBeNull();
    document.body.click();
    await sleep(300);
    expect(lead.looks).toHaveLength(1);
  });
});

describe('noticing', () => {
  test('our style gives the running features’ selectors an animation, and no one else’s', async () => {
    const lead = recorder('lead', ['sales-lead'], ['section[role="dialog"]', 'main [data-x]']);
    const thread = recorder('thread', ['messaging'], ['.msg-thread']);
    start(lead.feature, thread.feature);
    await vi.waitFor(() => expect(lead.looks).toHaveLength(1));
    const css = document.querySelector('style[data-inmail-ledger-observer]')?.textContent ?? '';
    expect(css).toMatch(/@keyframes (inmail-ledger-notice-\w+) \{\}/);
    expect(css).toContain(':where(section[role="dialog"]),\n:where(main [data-x]) {');
    expect(css).toMatch(/animation: 1ms inmail-ledger-notice-\w+/);
    expect(css).not.toContain('.msg-thread');
  });

  test('an element it declared appearing wakes the feature in the frame that shows it, once a frame; another element does not', async () => {
    // The frame's time, as the document timeline gives it while animation events are dispatched.
    let frameTime = 1000;
    vi.spyOn(document, 'timeline', 'get').mockReturnValue({
      get currentTime() {
        return frameTime;
      },
    } as unknown as DocumentTimeline);
    const lead = recorder('lead', ['sales-lead'], ['section[role="dialog"]']);
    const other = recorder('other', ['sales-lead'], ['.nothing-here']);
    start(lead.feature, other.feature);
    await vi.waitFor(() => expect(lead.looks).toHaveLength(1));
    const dialog = document.createElement('section');
    dialog.setAttribute('role', 'dialog');
    document.body.append(dialog);
    appear(dialog);
    expect(lead.looks).toHaveLength(2); // at once: before the frame is painted
    appear(dialog); // several in one frame: one look
    expect(lead.looks).toHaveLength(2);
    expect(other.looks).toHaveLength(1);
    const row = document.createElement('div');
    document.body.append(row);
    frameTime = 1016;
    appear(row);
    expect(lead.looks).toHaveLength(2);
    appear(dialog);
    expect(lead.looks).toHaveLength(3);
  });

  test('without a document timeline, a notice brings a look in the next frame', async () => {
    vi.spyOn(document, 'timeline', 'get').mockReturnValue(undefined as unknown as DocumentTimeline);
    const lead = recorder('lead', ['sales-lead'], ['section[role="dialog"]']);
    start(lead.feature);
    await vi.waitFor(() => expect(lead.looks).toHaveLength(1));
    const dialog = document.createElement('section');
    dialog.setAttribute('role', 'dialog');
    document.body.append(dialog);
    appear(dialog);
    appear(dialog);
    expect(lead.looks).toHaveLength(1);
    await frame();
    expect(lead.looks).toHaveLength(2);
  });

  test('a watched element’s words changing wakes the feature; typing in it and our own marks do not', async () => {
    const composer = document.createElement('section');
    composer.innerHTML =
      '<p>Use 1 of 118 InMail credits</p><textarea></textarea><div contenteditable="true"><p>Hi</p></div><button>Send</button>';
    document.body.append(composer);
    const looks: number[] = [];
    const watching = defineFeature({
      id: 'watching',
      pages: ['sales-lead'],
      run({ watchText, now }) {
        watchText(composer);
        looks.push(now);
      },
    });
    start(watching);
    await vi.waitFor(() => expect(looks).toHaveLength(1));
    (composer.querySelector('[contenteditable] p') as HTMLElement).textContent = 'Hi Sam';
    const mark = document.createElement('div');
    mark.setAttribute('data-inmail-ledger', 'cost-chip');
    composer.querySelector('button')?.before(mark);
    await sleep(120);
    expect(looks).toHaveLength(1);
    (composer.querySelector('p') as HTMLElement).firstChild!.nodeValue = 'Use 1 of 117 InMail credits';
    await vi.waitFor(() => expect(looks).toHaveLength(2));
  });

  test('a click, a key or focus, a new snapshot and news from the tap bring a look soon', async () => {
    const lead = recorder('lead', ['sales-lead']);
    const { watch } = start(lead.feature);
    await vi.waitFor(() => expect(lead.looks).toHaveLength(1));
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'a' }));
    await vi.waitFor(() => expect(lead.looks).toHaveLength(2));
    await sleep(250);
    expect(lead.looks).toHaveLength(2); // one look for the burst
    await fakeBrowser.storage.local.set({ [SNAPSHOT_KEY]: { seats: [{ id: 's' }], inmails: [] } });
    await vi.waitFor(() => expect(lead.looks).toHaveLength(3));
    expect(lead.looks[2]?.snapshot).toMatchObject({ seats: [{ id: 's' }] });
    watch.hear({ recruiterCost: 0 });
    await vi.waitFor(() => expect(lead.looks).toHaveLength(4));
    expect(lead.looks[3]?.heard.recruiterCost).toBe(0);
  });

  test('a feature that asks for a look later gets it, on its signal', async () => {
    const looks: number[] = [];
    const waiting = defineFeature({
      id: 'waiting',
      pages: ['sales-lead'],
      run({ lookIn, now }) {
        looks.push(now);
        if (looks.length === 1) lookIn(30);
      },
    });
    start(waiting);
    await vi.waitFor(() => expect(looks).toHaveLength(2));
  });

  test('nothing observes the whole document', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const lead = recorder('lead', ['sales-lead'], ['section[role="dialog"]', 'main']);
    const body = defineFeature({
      id: 'body',
      pages: ['sales-lead'],
      run({ watchText }) {
        const section = document.createElement('section');
        document.body.append(section);
        watchText(section);
      },
    });
    start(lead.feature, body);
    await vi.waitFor(() => expect(lead.looks).toHaveLength(1));
    for (let k = 0; k < 100; k++) document.body.append(document.createElement('div'));
    await sleep(50);
    for (const [target, options] of observe.mock.calls) {
      if (!options?.subtree) continue;
      expect([document, document.documentElement, document.body]).not.toContain(target);
    }
    expect(lead.looks).toHaveLength(1);
  });

  test('a feature that throws does not stop the others', async () => {
    const failing = defineFeature({
      id: 'failing',
      pages: 'all',
      run() {
        throw new Error('LinkedIn changed');
      },
    });
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    const lead = recorder('lead', ['sales-lead']);
    start(failing, lead.feature);
    await vi.waitFor(() => expect(lead.looks).toHaveLength(1));
  });
});
