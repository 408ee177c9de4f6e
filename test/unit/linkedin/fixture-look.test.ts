// The fixture pages look like LinkedIn (issue 13, point 17): each carries the one stylesheet
// test/fixtures/linkedin/pages/look.css in its <style data-look> (LinkedIn's system font stack,
// its card radius, light and dark by `theme--dark`), never a page in the browser's default Times.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LOOK_CSS, LOOK_PLACEHOLDER, withLook } from '../../fixtures/linkedin/pages/look';

const ROOT = join(import.meta.dirname, '../../fixtures/linkedin');
const CSS = LOOK_CSS;
const PAGES = ['sales', 'messaging', 'search', 'feed', 'recruiter'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.html'))
    .map((f) => `${dir}/${f}`),
);

describe('the fixture pages', () => {
  test('there are pages to check', () => expect(PAGES.length).toBeGreaterThanOrEqual(12));

  for (const page of PAGES)
    test(`${page} is served with look.css in its <head> (its placeholder filled)`, () => {
      const html = readFileSync(join(ROOT, page), 'utf8');
      expect(html, 'no <style data-look></style> placeholder').toContain(LOOK_PLACEHOLDER);
      const served = withLook(html);
      const block = /<style data-look>([\s\S]*?)<\/style>/.exec(served)?.[1];
      expect(block?.trim()).toBe(CSS);
      expect(served.indexOf('<style data-look>')).toBeLessThan(served.indexOf('</head>'));
    });

  test('the look: LinkedIn’s system font stack, its card radius, and a dark theme by theme--dark', () => {
    expect(CSS).toMatch(
      /font: 400 14px\/1\.42857 -apple-system, system-ui, BlinkMacSystemFont, "Segoe UI", Roboto/,
    );
    expect(CSS).toContain('border-radius: 8px;');
    expect(CSS).toMatch(/html\.theme--dark,\s*body\.theme--dark \{/);
  });
});
