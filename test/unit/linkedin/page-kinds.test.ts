import { describe, expect, test } from 'vitest';
import {
  CONTENT_MATCHES,
  PAGE_KINDS,
  PAGE_PATTERNS,
  type PageKind,
  pageKind,
  threadOfPage,
} from '../../../src/linkedin/page-kinds';

const PAGES: Record<PageKind, string[]> = {
  'sales-lead': [
    'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd',
    'https://www.linkedin.com/sales/people/ACwAAA123,NAME_SEARCH,abcd?trk=x',
  ],
  'sales-search': ['https://www.linkedin.com/sales/search/people?query=(keywords%3Acto)'],
  'sales-inbox': ['https://www.linkedin.com/sales/inbox', 'https://www.linkedin.com/sales/inbox/2-abc'],
  'sales-home': ['https://www.linkedin.com/sales/home', 'https://www.linkedin.com/sales/home/'],
  'sales-list': [
    'https://www.linkedin.com/sales/lists/people/7012345678901234567',
    'https://www.linkedin.com/sales/lists/people/7012345678901234567?sortCriteria=CREATED_TIME&sortOrder=DESCENDING',
  ],
  messaging: ['https://www.linkedin.com/messaging/', 'https://www.linkedin.com/messaging/thread/2-abc/'],
  profile: ['https://www.linkedin.com/in/samlee', 'https://www.linkedin.com/in/samlee/'],
  'people-search': [
    'https://www.linkedin.com/search/results/people/?keywords=data%20platform',
    'https://www.linkedin.com/search/results/people/?keywords=cto&network=%5B%22S%22%5D&page=2',
  ],
  feed: [
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/feed/?trk=nav',
    'https://www.linkedin.com/feed',
  ],
  recruiter: ['https://www.linkedin.com/talent/hire/123/discover/recruiterSearch'],
};

describe('page kinds', () => {
  test('every kind has pages to test it with (a new kind without a URL fails here)', () => {
    expect(Object.keys(PAGES).sort()).toEqual([...PAGE_KINDS].sort());
    for (const kind of PAGE_KINDS) expect(PAGES[kind]?.length ?? 0, kind).toBeGreaterThan(0);
    expect(Object.keys(PAGE_PATTERNS).sort()).toEqual([...PAGE_KINDS].sort());
  });

  for (const kind of PAGE_KINDS) {
    test(`${kind}: its pattern matches its pages and no other kind's`, () => {
      for (const url of PAGES[kind] ?? []) expect(pageKind(url), url).toBe(kind);
      for (const other of PAGE_KINDS) {
        for (const url of PAGES[other] ?? []) {
          expect(PAGE_PATTERNS[kind].test(new URL(url).pathname), `${kind} on ${url}`).toBe(kind === other);
        }
      }
    });
  }

  test('pages that are none of ours, or not LinkedIn, match nothing', () => {
    for (const url of [
      'https://www.linkedin.com/in/samlee/details/experience/',
      'https://www.linkedin.com/sales/lists/people',
      'https://www.linkedin.com/search/results/all/?keywords=cto',
      'https://www.linkedin.com/search/results/companies/?keywords=acme',
      'https://www.linkedin.com/feedback/',
      'https://www.linkedin.com/company/acme/',
      'https://www.linkedin.com.evil.example/sales/home',
      'https://www.linkedin.com.evil.example/feed/',
      'http://www.linkedin.com/sales/home',
      'not a url',
    ]) {
      expect(pageKind(url), url).toBeNull();
    }
  });

  test('the content scripts run on every LinkedIn page: it is one single-page app', () => {
    expect(CONTENT_MATCHES).toEqual(['https://www.linkedin.com/*']);
  });

  test('the thread a page shows', () => {
    expect(threadOfPage('https://www.linkedin.com/sales/inbox/2-TmV3VGhyZWFk')).toBe('2-TmV3VGhyZWFk');
    expect(threadOfPage('https://www.linkedin.com/messaging/thread/2-abc/')).toBe('2-abc');
    expect(threadOfPage('https://www.linkedin.com/feed/')).toBeNull();
  });
});
