// Runs the page features (registry.ts). A feature starts when the page is one of its kinds and
// stops (its signal aborted: listeners, timers, observers, overlays) when LinkedIn navigates
// without a load or the content script is invalidated. A running feature looks at the page:
// - when it starts (its page was entered, or the snapshot was first read);
// - when an element it declared appears (selector-observer.ts: matched by the browser, no
//   work of ours per page mutation), in the frame that shows it, before it is painted;
// - soon after the rep clicks, types or focuses something (capture, passive: read-only), or
//   the published snapshot changes;
// - when an element it asked to watch changes its words, or a time it asked for comes.
// No document-wide MutationObserver, no periodic scan of the page.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Snapshot } from '../../messages/snapshot';
import { followSnapshot } from '../../messages/storage';
import { OVERLAY_ATTRIBUTE } from '../overlay/overlay';
import { pageKind } from '../page-kinds';
import { type Feature, type Heard, type Look, runsOn } from './feature';
import { observeSelectors } from './selector-observer';

/** After a click, a key, a focus or a new snapshot: a look this soon (one per burst of keys). */
const SOON_MS = 200;
/** After the words of a watched element change: a look this soon (one per burst of changes). */
const TEXT_MS = 50;

export type WatchContext = Pick<ContentScriptContext, 'signal' | 'addEventListener'>;

export interface PageWatch {
  /** LinkedIn's answers said something about the page (the tap): features look again. */
  hear(news: Partial<Heard>): void;
}

interface Due {
  timer: ReturnType<typeof setTimeout>;
  at: number;
}

/** One feature running on one page (from its start to its signal's abort). */
interface Run {
  look: (look: Look) => void;
  id: string;
  controller: AbortController;
  since: number;
  kind: ReturnType<typeof pageKind>;
  url: string;
  selectors: readonly string[];
  /** Its selectors as one forgiving list, for `matches` (empty: it declared none). */
  selector: string;
  seen: Set<unknown>;
  watched: WeakSet<Element>;
  frame: number | null;
  /** The frame (document timeline time) of its last look on a notice, so one look per frame. */
  noticedAt: number | null;
  soon: Due | null;
  alarm: Due | null;
}

/** Where the rep types: what changes there says nothing about costs. */
const TYPED = 'textarea, input, [contenteditable]:not([contenteditable="false"])';
const ELEMENT = 1;

function isOurs(node: Node): boolean {
  return node.nodeType === ELEMENT && (node as Element).hasAttribute(OVERLAY_ATTRIBUTE);
}

/** Whether a change inside a watched element is one of the page's words (not typing, not ours). */
function matters(record: MutationRecord): boolean {
  const target = record.target;
  const element = target.nodeType === ELEMENT ? (target as Element) : target.parentElement;
  if (element?.closest(TYPED)) return false;
  if (record.type !== 'childList') return true;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length === 0 || !nodes.every(isOurs);
}

export function watchFeatures(
  ctx: WatchContext,
  features: readonly Feature[],
  onSnapshot: (snapshot: Snapshot | null) => void = () => {},
): PageWatch {
  const doc = document;
  const instances = features.map((feature) => ({ feature, look: feature.instance() }));
  let snapshot: Snapshot | null = null;
  const heard: Heard = { recruiterCost: null };
  let runs: Run[] = [];
  let started = false;

  const look = (run: Run) => {
    const signal = run.controller.signal;
    if (signal.aborted) return;
    // This look answers every request made before it; an alarm set for later still stands.
    if (run.frame !== null) cancelAnimationFrame(run.frame);
    run.frame = null;
    if (run.soon) clearTimeout(run.soon.timer);
    run.soon = null;
    const now = Date.now();
    if (run.alarm && run.alarm.at <= now) run.alarm = null;
    try {
      run.look({
        snapshot,
        now,
        kind: run.kind,
        url: run.url,
        signal,
        since: run.since,
        heard,
        once: (key) => {
          if (run.seen.has(key)) return false;
          run.seen.add(key);
          return true;
        },
        watchText: (element) => watchText(run, element),
        lookIn: (ms) => lookIn(run, ms),
      });
    } catch (error) {
      console.debug(`InMail Ledger: the page feature ${run.id} failed`, error);
    }
  };
  /**
   * A declared element appeared: animation events come in the frame's rendering step, before
   * it is painted, so a look now puts our chip on the page in the same frame as the composer
   * (no shift). Several elements in one frame: one look, they are all on the page already.
   */
  const noticed = (run: Run) => {
    const frame = doc.timeline?.currentTime;
    if (typeof frame !== 'number') {
      run.frame ??= requestAnimationFrame(() => {
        run.frame = null;
        look(run);
      });
      return;
    }
    if (run.noticedAt === frame) return;
    run.noticedAt = frame;
    look(run);
  };
  /** A look in `ms` unless one is due sooner. Timers, not frames: a tab in the background still hears. */
  const after = (run: Run, slot: 'soon' | 'alarm', ms: number) => {
    const at = Date.now() + ms;
    const due = run[slot];
    if (due && due.at <= at) return;
    if (due) clearTimeout(due.timer);
    run[slot] = {
      at,
      timer: setTimeout(() => {
        run[slot] = null;
        look(run);
      }, ms),
    };
  };
  const lookIn = (run: Run, ms: number) => after(run, 'alarm', Math.max(0, ms));
  const watchText = (run: Run, element: Element) => {
    if (run.watched.has(element) || run.controller.signal.aborted) return;
    run.watched.add(element);
    // Records are read only to skip typing and our own marks: a watched element is small.
    const observer = new MutationObserver((records) => {
      if (records.some(matters)) after(run, 'soon', TEXT_MS);
    });
    observer.observe(element, { childList: true, characterData: true, subtree: true });
    run.controller.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  };

  const stop = (run: Run) => {
    run.controller.abort();
    if (run.frame !== null) cancelAnimationFrame(run.frame);
    if (run.soon) clearTimeout(run.soon.timer);
    if (run.alarm) clearTimeout(run.alarm.timer);
  };
  const observer = observeSelectors(doc, ctx.signal, (element) => {
    for (const run of runs) {
      try {
        if (run.selector && element.matches(run.selector)) noticed(run);
      } catch {
        // A selector this browser cannot parse notices nothing; the others still do.
      }
    }
  });

  /** The page changed (or the snapshot was first read): every feature of this page starts again. */
  const restart = (url: string) => {
    if (ctx.signal.aborted) return;
    for (const run of runs) stop(run);
    const kind = pageKind(url);
    const since = Date.now();
    runs = instances
      .filter(({ feature }) => runsOn(feature, kind))
      .map(({ feature, look }) => {
        const run: Run = {
          look,
          id: feature.id,
          controller: new AbortController(),
          since,
          kind,
          url,
          selectors: feature.selectors,
          selector: feature.selectors.length > 0 ? `:is(${feature.selectors.join(', ')})` : '',
          seen: new Set(),
          watched: new WeakSet(),
          frame: null,
          noticedAt: null,
          soon: null,
          alarm: null,
        };
        // Invalidation stops it too; the link itself goes when the run does.
        ctx.signal.addEventListener('abort', () => stop(run), { signal: run.controller.signal });
        return run;
      });
    observer.notice([...new Set(runs.flatMap((run) => run.selectors))]);
    for (const run of runs) look(run);
  };
  const poke = () => {
    for (const run of runs) after(run, 'soon', SOON_MS);
  };

  const interactions = ['click', 'keydown', 'focusin'] as const;
  for (const type of interactions)
    doc.addEventListener(type, poke, { capture: true, passive: true, signal: ctx.signal });
  // LinkedIn is a single-page app: a new URL is a new page. The event comes as the navigation
  // starts; the features start again in the next task, on the new URL.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    const url = event.newUrl.href;
    if (started) setTimeout(() => restart(url), 0);
  });
  // The features start once the published snapshot is read (a chip with the figures at once;
  // null when it cannot be read); each new one after that brings a look soon.
  followSnapshot(
    (published, first) => {
      snapshot = published;
      onSnapshot(snapshot);
      if (!first) {
        poke();
        return;
      }
      started = true;
      restart(location.href);
    },
    { signal: ctx.signal },
  );

  return {
    hear(news) {
      Object.assign(heard, news);
      for (const run of runs) after(run, 'soon', 0);
    },
  };
}
