// @vitest-environment happy-dom
// Our overlays on LinkedIn's pages: a shadow root that resets what the page would pass on
// (`:host { all: initial }`), LinkedIn's light or dark theme as an attribute on the host (its
// class on <html> first, else the system's), followed when it changes, no `:host-context`
// (Firefox lacks it), and gone with the run that made them or the content script.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  MARK_LABEL,
  MARK_TITLE,
  OVERLAY_ATTRIBUTE,
  overlay,
  overlaysFollowTheme,
  removeOverlays,
  showLines,
} from '../../../src/linkedin/overlay/overlay';
import { pageTheme } from '../../../src/linkedin/overlay/theme';

let prefersDark = false;
const media = () =>
  ({
    get matches() {
      return prefersDark;
    },
    addEventListener: () => {},
    removeEventListener: () => {},
  }) as unknown as MediaQueryList;

beforeEach(() => {
  prefersDark = false;
  vi.spyOn(window, 'matchMedia').mockImplementation(media);
  document.documentElement.className = '';
  document.body.className = '';
  document.body.replaceChildren();
});

afterEach(() => vi.restoreAllMocks());

const make = (signal = new AbortController().signal) => {
  const host = overlay('cost-chip', document.body, (h) => document.body.append(h), 'Cost', signal);
  showLines(host, [{ text: '1 credit · 42 left' }]);
  return host;
};

describe('overlays', () => {
  test('reset what the page passes on, then style themselves; no :host-context', () => {
    const css = make().shadowRoot?.querySelector('style')?.textContent ?? '';
    expect(css.trim()).toMatch(/^:host \{ all: initial;/);
    expect(css).not.toContain(':host-context');
    expect(css).toContain(':host([data-theme="dark"]) .chip');
  });

  test('speak through a labelled status region, text only', () => {
    const host = make();
    expect(host.getAttribute(OVERLAY_ATTRIBUTE)).toBe('cost-chip');
    const status = host.shadowRoot?.querySelector('[role="status"]');
    expect(status?.getAttribute('aria-label')).toBe('Cost');
    expect(status?.textContent).toBe('1 credit · 42 left');
  });

  test('LinkedIn’s theme class on <html> comes first, the system’s setting after', () => {
    prefersDark = true;
    document.documentElement.className = 'theme theme--light';
    expect(pageTheme(document)).toBe('light');
    expect(make().getAttribute('data-theme')).toBe('light');
    removeOverlays(document);
    document.documentElement.className = 'theme theme--dark';
    expect(make().getAttribute('data-theme')).toBe('dark');
    removeOverlays(document);
    document.documentElement.className = '';
    expect(make().getAttribute('data-theme')).toBe('dark');
    prefersDark = false;
    expect(pageTheme(document)).toBe('light');
  });

  test('each chip carries our mark: a labelled button whose tooltip says what it opens', () => {
    const host = make();
    showLines(host, [{ text: 'Costs 1 credit' }, { text: 'Our count differs: see InMail Ledger' }]);
    const marks = host.shadowRoot?.querySelectorAll('button.mark') ?? [];
    expect(marks).toHaveLength(1);
    const mark = marks[0] as HTMLElement;
    expect(mark.getAttribute('aria-label')).toBe(MARK_LABEL);
    expect(MARK_LABEL).toBe('InMail Ledger');
    expect(mark.title).toBe(MARK_TITLE);
    expect(mark.closest('.chip')).not.toBeNull();
    // The mark adds no words: the status says what it said.
    expect(host.shadowRoot?.querySelector('[role="status"]')?.textContent).toBe(
      'Costs 1 creditOur count differs: see InMail Ledger',
    );
  });

  test('LinkedIn’s theme class on <body> counts when <html> has none; <html> wins', () => {
    prefersDark = false;
    document.body.className = 'theme theme--dark';
    expect(pageTheme(document)).toBe('dark');
    expect(make().getAttribute('data-theme')).toBe('dark');
    document.documentElement.className = 'theme theme--light';
    expect(pageTheme(document)).toBe('light');
    document.documentElement.className = '';
    prefersDark = true;
    document.body.className = 'theme theme--light';
    expect(pageTheme(document)).toBe('light');
  });

  /**
   * What the browser does when <html>'s or <body>'s class changes: our rule gives it another
   * animation (theme.ts), which starts. The DOM here runs no CSS, so the event is sent by hand
   * with the name our rule gives the new state (the real browser: test/e2e/overlays.spec.ts).
   */
  const animationFor = (element: 'html' | 'body', state: 'dark' | 'light' | 'none') => {
    const css = document.querySelector('style[data-inmail-ledger-theme]')?.textContent ?? '';
    const selector = state === 'none' ? `${element}:not(` : `${element}.theme--${state}`;
    const rule = css.split('\n').find((line) => line.includes(`:where(${selector}`));
    const name = /animation: 1ms ([\w-]+);/.exec(rule ?? '')?.[1];
    expect(name, `a rule for ${element} ${state}`).toBeTruthy();
    animationStarts(element === 'html' ? document.documentElement : document.body, name as string);
  };
  /** An `animationstart` of `name` on `target`, as the browser sends it. */
  const animationStarts = (target: Element, name: string) => {
    const event = new Event('animationstart', { bubbles: true });
    Object.defineProperty(event, 'animationName', { value: name });
    target.dispatchEvent(event);
  };

  test('following the theme sets no MutationObserver (one would tax every mutation of the page)', () => {
    const real = globalThis.MutationObserver;
    let made = 0;
    globalThis.MutationObserver = class extends real {
      constructor(callback: MutationCallback) {
        super(callback);
        made++;
      }
    };
    try {
      const lifetime = new AbortController();
      overlaysFollowTheme(document, lifetime.signal);
      make();
      lifetime.abort();
    } finally {
      globalThis.MutationObserver = real;
    }
    expect(made).toBe(0);
  });

  test('follow LinkedIn switching theme on <body>', () => {
    const lifetime = new AbortController();
    overlaysFollowTheme(document, lifetime.signal);
    const host = make();
    expect(host.getAttribute('data-theme')).toBe('light');
    document.body.className = 'theme theme--dark';
    animationFor('body', 'dark');
    expect(host.getAttribute('data-theme')).toBe('dark');
    // Someone else's animation says nothing about the theme.
    document.body.className = 'theme theme--light';
    animationStarts(document.body, 'fade-in');
    expect(host.getAttribute('data-theme')).toBe('dark');
    lifetime.abort();
  });

  test('follow LinkedIn switching theme, until the content script goes', () => {
    document.documentElement.className = 'theme theme--light';
    const lifetime = new AbortController();
    overlaysFollowTheme(document, lifetime.signal);
    const host = make();
    expect(host.getAttribute('data-theme')).toBe('light');
    document.documentElement.className = 'theme theme--dark';
    animationFor('html', 'dark');
    expect(host.getAttribute('data-theme')).toBe('dark');
    lifetime.abort();
    // Gone with the script: its rule too.
    expect(document.querySelector('style[data-inmail-ledger-theme]')).toBeNull();
    document.documentElement.className = 'theme theme--light';
    animationStarts(document.documentElement, 'inmail-ledger-theme-x-light');
    expect(host.getAttribute('data-theme')).toBe('dark');
  });

  test('go when the run that made them stops, and all go when the script is invalidated', () => {
    const run = new AbortController();
    const host = make(run.signal);
    expect(host.isConnected).toBe(true);
    // Made once, then reused.
    expect(make(run.signal)).toBe(host);
    run.abort();
    expect(host.isConnected).toBe(false);
    make();
    overlay(
      'person-chip',
      document.body,
      (h) => document.body.append(h),
      'Person',
      new AbortController().signal,
    );
    removeOverlays(document);
    expect(document.querySelectorAll(`[${OVERLAY_ATTRIBUTE}]`)).toHaveLength(0);
  });
});
