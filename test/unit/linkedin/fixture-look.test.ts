// The fixture pages look like LinkedIn (issue 13, point 17): each carries the one stylesheet
// test/fixtures/linkedin/pages/look.css in its <style data-look> (LinkedIn's system font stack,
// its card radius, light and dark by `theme--dark`), never a page in the browser's default Times.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../../fixtures/linkedin');
const CSS = readFileSync(join(ROOT, 'pages/look.css'), 'utf8').trim();
const PAGES = ['sales', 'messaging', 'search', 'feed', 'recruiter'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.html'))
    .map((f) => `${dir}/${f}`),
);

const dedent = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/^ {6}/, ''))
    .join('\n')
    .trim();

describe('the fixture pages', () => {
  test('there are pages to check', () => expect(PAGES.length).toBeGreaterThanOrEqual(12));

  for (const page of PAGES)
    test(`${page} carries look.css as it is (node test/fixtures/linkedin/pages/inline-look.mjs copies it)`, () => {
      const html = readFileSync(join(ROOT, page), 'utf8');
      const block = /<style data-look>([\s\S]*?)<\/style>/.exec(html)?.[1];
      expect(block, 'no <style data-look>').toBeDefined();
      expect(dedent(block as string)).toBe(CSS);
    });

  test('the look: LinkedIn’s system font stack, its card radius, and a dark theme by theme--dark', () => {
    expect(CSS).toMatch(
      /font: 400 14px\/1\.42857 -apple-system, system-ui, BlinkMacSystemFont, "Segoe UI", Roboto/,
    );
    expect(CSS).toContain('border-radius: 8px;');
    expect(CSS).toMatch(/html\.theme--dark,\s*body\.theme--dark \{/);
  });
});
