// What a page feature is: one thing the content script does on LinkedIn's pages, declared with
// where it runs (page kinds) and which elements it needs (selectors), and run by the watcher
// (watch.ts) when one of those appears, the rep does something, or the ledger changes. Each
// file in src/linkedin/features/ declares one with `defineFeature` and is listed in
// registry.ts (a unit test checks both).

import type { Snapshot } from '../../messages/snapshot';
import type { PageKind } from '../page-kinds';

/** What LinkedIn's own answers (the network tap) said about this page, for features to show. */
export interface Heard {
  /** Recruiter's cost payload for the open recipient: 0 (free) or 1 credit; null: not heard. */
  recruiterCost: 0 | 1 | null;
}

/**
 * One look of a running feature: what it may read, and the lifetime it lives on. `once`,
 * `watchText` and `lookIn` belong to the run: a listener the feature attached may call them
 * later, until the signal aborts.
 */
export interface Look<K extends PageKind | null = PageKind | null> {
  /** The ledger as the worker last published it (null before any). */
  snapshot: Snapshot | null;
  now: number;
  /** The page's kind: one of the feature's `pages` (null only for 'all': a page of no known kind). */
  kind: K;
  url: string;
  /**
   * Aborted when LinkedIn navigates (a new URL without a load) or the content script is
   * invalidated: every listener, timer, observer and overlay of the feature stops with it.
   */
  signal: AbortSignal;
  /** When this run of the feature started (its page was entered), ms. */
  since: number;
  heard: Readonly<Heard>;
  /** True the first time `key` (an element, a string…) is seen in this run: attach things once. */
  once(key: unknown): boolean;
  /**
   * Look again when the words or children of `element` change (a MutationObserver on that
   * element only, until the signal aborts; typing in its fields and our own marks are ignored).
   * For text that matters and that no selector can notice: a credit line's count, a toast.
   */
  watchText(element: Element): void;
  /** Look again in `ms` (a timer on the signal; the earliest request wins). */
  lookIn(ms: number): void;
}

type Pages = readonly PageKind[] | 'all';
/** The kinds a feature declared for `pages` sees in `Look.kind`. */
type KindOn<P extends Pages> = P extends readonly (infer K)[] ? K : PageKind | null;

export interface FeatureDefinition<S, P extends Pages> {
  /** The feature's file name in src/linkedin/features/ (checked by a unit test). */
  id: string;
  /** The page kinds it runs on; 'all': every LinkedIn page, of a known kind or not. */
  pages: P;
  /** Kinds it never runs on (with pages: 'all'). */
  except?: readonly PageKind[];
  /**
   * The elements whose appearance calls for a look (CSS selectors, matched by the browser: see
   * selector-observer.ts). Say in a comment what each anchors to.
   */
  selectors?: readonly string[];
  /** State kept for the life of the content script (the page view), made once. */
  state?: () => S;
  /** One look: read the page, show what the rep should see, report what was (not) found. */
  run(look: Look<KindOn<P>> & { state: S }): void;
}

/** A declared feature, its state type erased: what the registry lists and the watcher runs. */
export interface Feature {
  readonly id: string;
  readonly pages: readonly PageKind[] | 'all';
  readonly except: readonly PageKind[];
  readonly selectors: readonly string[];
  /** This content script's copy: its state made, ready to look. */
  instance(): (look: Look) => void;
}

export function defineFeature<S = undefined, const P extends Pages = Pages>(
  definition: FeatureDefinition<S, P>,
): Feature {
  const { id, pages, except = [], selectors = [], state, run } = definition;
  return {
    id,
    pages,
    except,
    selectors,
    instance() {
      const kept = (state ? state() : undefined) as S;
      // The watcher runs it on its pages only (`runsOn`): its kind is one of them.
      return (look) => run({ ...look, kind: look.kind as KindOn<P>, state: kept });
    },
  };
}

/** Whether `feature` runs on a page of `kind`. */
export function runsOn(feature: Feature, kind: PageKind | null): boolean {
  if (kind !== null && feature.except.includes(kind)) return false;
  return feature.pages === 'all' || (kind !== null && feature.pages.includes(kind));
}
