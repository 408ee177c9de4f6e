// @vitest-environment happy-dom
// The page features as declared: every file in src/linkedin/features/ is one feature and the
// registry lists it (a forgotten registration fails here), each runs on known page kinds, and
// the selectors it declared find what they anchor to on the fixture pages, and nothing on
// pages where that thing is absent.

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Feature, runsOn } from '../../../src/linkedin/page/feature';
import { FEATURES } from '../../../src/linkedin/page/registry';
import { PAGE_KINDS, type PageKind } from '../../../src/linkedin/page-kinds';

const ROOT = join(import.meta.dirname, '../../..');
const DIR = join(ROOT, 'src/linkedin/features');
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.ts'));

const isFeature = (value: unknown): value is Feature =>
  typeof value === 'object' && value !== null && 'instance' in value && 'selectors' in value;

function page(path: string): Document {
  return new DOMParser().parseFromString(
    readFileSync(join(ROOT, 'test/fixtures/linkedin', path), 'utf8'),
    'text/html',
  );
}

const matches = (feature: Feature, doc: Document) =>
  feature.selectors.reduce((n, selector) => n + doc.querySelectorAll(selector).length, 0);

/**
 * Where each feature's anchors are, and a page where they are not. A new feature with
 * selectors gets a line here (the test below says so).
 */
const ANCHORS: Record<string, { on: string[]; notOn: string[] }> = {
  'sn-composer': { on: ['sales/lead.html'], notOn: ['messaging/profile.html', 'sales/search.html'] },
  'messaging-composer': {
    on: ['messaging/profile.html', 'search/people.html', 'feed/feed.html'],
    notOn: ['sales/lead.html', 'recruiter/profile.html'],
  },
  'inbox-header': { on: ['sales/inbox.html', 'sales/thread.html'], notOn: [] },
  'person-chip': { on: ['sales/lead.html', 'sales/search.html'], notOn: ['messaging/profile.html'] },
  'thread-status': { on: ['sales/thread.html', 'messaging/messaging.html'], notOn: [] },
  'recruiter-composer': { on: ['recruiter/profile.html'], notOn: ['sales/search.html'] },
};

describe('the feature registry', () => {
  test('there are features to check', () => {
    expect(FILES.length).toBeGreaterThan(0);
    expect(FEATURES.length).toBe(FILES.length);
  });

  for (const file of FILES) {
    test(`features/${file} declares one feature, registered under its file name`, async () => {
      const module = (await import(join(DIR, file))) as Record<string, unknown>;
      const declared = Object.values(module).filter(isFeature);
      expect(declared, 'one defineFeature(...) export per file').toHaveLength(1);
      const feature = declared[0] as Feature;
      expect(feature.id).toBe(basename(file, '.ts'));
      expect(FEATURES, `${feature.id} is missing from src/linkedin/page/registry.ts`).toContain(feature);
    });
  }

  test('each registered feature is listed once and has its file', () => {
    const ids = FEATURES.map((feature) => feature.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(FILES, id).toContain(`${id}.ts`);
  });

  test('each feature runs on page kinds we know, and on at least one', () => {
    for (const feature of FEATURES) {
      const kinds = [...PAGE_KINDS, null].filter((kind) => runsOn(feature, kind as PageKind | null));
      expect(kinds.length, feature.id).toBeGreaterThan(0);
      if (feature.pages !== 'all')
        for (const kind of feature.pages) expect(PAGE_KINDS, feature.id).toContain(kind);
      for (const kind of feature.except) expect(PAGE_KINDS, feature.id).toContain(kind);
    }
  });

  test('pages and exceptions decide where a feature runs', () => {
    const byId = (id: string) => FEATURES.find((feature) => feature.id === id) as Feature;
    expect(runsOn(byId('sn-composer'), 'sales-lead')).toBe(true);
    expect(runsOn(byId('sn-composer'), 'messaging')).toBe(false);
    // Messaging overlays open on any LinkedIn page, of a kind we know or not, but not in Sales Navigator.
    expect(runsOn(byId('messaging-composer'), null)).toBe(true);
    expect(runsOn(byId('messaging-composer'), 'feed')).toBe(true);
    expect(runsOn(byId('messaging-composer'), 'sales-inbox')).toBe(false);
    expect(runsOn(byId('messaging-composer'), 'recruiter')).toBe(false);
    expect(runsOn(byId('thread-status'), null)).toBe(false);
  });
});

describe('declared selectors', () => {
  test('every feature that declares selectors says where they are found', () => {
    for (const feature of FEATURES)
      if (feature.selectors.length > 0) expect(Object.keys(ANCHORS), feature.id).toContain(feature.id);
  });

  for (const feature of FEATURES) {
    const anchors = ANCHORS[feature.id];
    if (!anchors) continue;
    test(`${feature.id}: its selectors parse, find its anchors, and nothing where they are absent`, () => {
      for (const selector of feature.selectors)
        expect(() => document.querySelectorAll(selector), selector).not.toThrow();
      for (const path of anchors.on) expect(matches(feature, page(path)), path).toBeGreaterThan(0);
      for (const path of anchors.notOn) expect(matches(feature, page(path)), path).toBe(0);
    });
  }

  test('the person chip is told about each search result row, and the lead header', () => {
    const personChip = FEATURES.find((feature) => feature.id === 'person-chip') as Feature;
    const names = personChip.selectors[0] as string;
    expect(page('sales/search.html').querySelectorAll(names)).toHaveLength(3);
    expect(page('sales/lead.html').querySelectorAll(names)).toHaveLength(1);
  });
});
