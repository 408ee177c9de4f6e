import { describe, expect, test } from 'vitest';
import { type PageKind, pageKind } from '../../../src/linkedin/page-kinds';

const PAGES: Record<PageKind, string[]> = {
  'sales-lead': [
    'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd',
    'https://www.linkedin.com/sales/people/ACwAAA123,NAME_SEARCH,abcd?trk=x',
  ],
  'sales-search': ['https://www.linkedin.com/sales/search/people?query=(keywords%3Acto)'],
  'sales-inbox': ['https://www.linkedin.com/sales/inbox', 'https://www.linkedin.com/sales/inbox/2-abc'],
  'sales-home': ['https://www.linkedin.com/sales/home', 'https://www.linkedin.com/sales/home/'],
  messaging: ['https://www.linkedin.com/messaging/', 'https://www.linkedin.com/messaging/thread/2-abc/'],
  profile: ['https://www.linkedin.com/in/samlee', 'https://www.linkedin.com/in/samlee/'],
  recruiter: ['https://www.linkedin.com/talent/hire/123/discover/recruiterSearch'],
};

describe('page kinds', () => {
  for (const [kind, urls] of Object.entries(PAGES)) {
    test(`${kind}: matches its pages and no other kind`, () => {
      for (const url of urls) expect(pageKind(url)).toBe(kind);
    });
  }

  test('pages that are none of ours, or not LinkedIn, match nothing', () => {
    for (const url of [
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/in/samlee/details/experience/',
      'https://www.linkedin.com/sales/lists/people',
      'https://www.linkedin.com.evil.example/sales/home',
      'http://www.linkedin.com/sales/home',
      'not a url',
    ]) {
      expect(pageKind(url)).toBeNull();
    }
  });
});
