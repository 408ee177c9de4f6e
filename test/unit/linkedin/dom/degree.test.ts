// @vitest-environment happy-dom
// A person's degree mark read as assistive technology reads it: aria labels and every text
// node on its own, hidden or not; never a class name, never text run together.

import { describe, expect, test } from 'vitest';
import { degreeOf, findDegreeMark } from '../../../../src/linkedin/dom/degree';
import { readPerson } from '../../../../src/linkedin/dom/person';

const fragment = (html: string): HTMLElement => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
};
const first = (html: string) => fragment(html).firstElementChild as HTMLElement;

describe('degreeOf', () => {
  test.each([
    ['<span aria-label="1st degree connection">1st</span>', 1],
    ['<span aria-label="2nd degree connection">2nd</span>', 2],
    ['<span aria-label="3rd+ degree connection">3rd+</span>', 3],
    ['<span aria-label="Kontakt 1. Grades">1.</span>', 1],
    ['<span aria-label="Kontakt 3. Grades">3.</span>', 3],
    // The visible mark hidden from screen readers, and the words only screen readers hear.
    [
      '<span><span aria-hidden="true">1st</span><span class="visually-hidden">1st degree connection</span></span>',
      1,
    ],
    [
      '<span><span aria-hidden="true">2nd</span><span class="a11y-text">2nd degree connection</span></span>',
      2,
    ],
    [
      '<span><span aria-hidden="true">• 3rd+</span><span class="_x9k2q1">3rd+ degree connection</span></span>',
      3,
    ],
    [
      '<span><span aria-hidden="true">1.</span><span class="visually-hidden">Kontakt 1. Grades</span></span>',
      1,
    ],
    // A visible mark alone, even aria-hidden, still counts.
    ['<span aria-hidden="true">1st</span>', 1],
    ['<span class="_degree_1tn4ub">· 2nd</span>', 2],
    ['<span aria-hidden="true">3rd+</span>', 3],
    // The hidden words alone.
    ['<span class="visually-hidden">3rd degree connection</span>', 3],
    ['<span class="visually-hidden">2nd-degree connection</span>', 2],
  ])('%s → %i', (html, degree) => expect(degreeOf(first(html))).toBe(degree));

  test.each([
    ['<span>Out of network</span>'],
    ['<span aria-label="Premium member">Premium</span>'],
    ['<span>1st quarter results</span>'],
    ['<span>Use 1 of 150 InMail credits</span>'],
    ['<span></span>'],
  ])('%s → nothing', (html) => expect(degreeOf(first(html))).toBeNull());

  test('the full phrase wins over a short mark when they disagree', () => {
    expect(
      degreeOf(
        first('<span><span>1st</span><span class="visually-hidden">3rd degree connection</span></span>'),
      ),
    ).toBe(3);
  });

  test('text nodes are read one by one, never run together', () => {
    // Run together, these would read "1st1st degree connection" and "3rd2nd": no word boundary.
    const joined = first(
      '<span><span aria-hidden="true">1st</span><span>1st degree connection</span></span>',
    );
    expect(joined.textContent).toBe('1st1st degree connection');
    expect(/\b1st degree\b/.test(joined.textContent ?? '')).toBe(false);
    expect(degreeOf(joined)).toBe(1);
    // "1st" in a run of text is not a mark; as its own node it is.
    expect(degreeOf(first('<span>Ranked 1st in sales</span>'))).toBeNull();
    const separate = first('<span><b>Ranked</b><b>1st</b></span>');
    expect(separate.textContent).toBe('Ranked1st');
    expect(degreeOf(separate)).toBe(1);
  });

  test('typed fields are not the mark', () => {
    expect(degreeOf(first('<div><textarea>1st degree connection</textarea></div>'))).toBeNull();
    expect(degreeOf(first('<div><div contenteditable="true"><p>1st</p></div></div>'))).toBeNull();
  });
});

describe('findDegreeMark', () => {
  test('the wrapper of a visible mark and its hidden words', () => {
    const card = fragment(
      '<h1 data-anonymize="person-name">Dana Ortiz</h1><span class="_degree_1tn4ub" data-mark><span aria-hidden="true">1st</span><span class="_a11y_x8d2">1st degree connection</span></span><p>Director</p>',
    );
    const mark = findDegreeMark(card);
    expect(mark?.hasAttribute('data-mark')).toBe(true);
    expect(degreeOf(mark as HTMLElement)).toBe(1);
  });

  test('siblings without a wrapper: the first of them, never the whole card', () => {
    const card = fragment(
      '<section><h1>Priya Natarajan</h1><span class="dist-value" aria-hidden="true">3rd</span><span class="visually-hidden">3rd degree connection</span><p>Head of Data</p></section>',
    );
    const mark = findDegreeMark(card);
    expect(mark?.className).toBe('dist-value');
    expect(degreeOf(mark as HTMLElement)).toBe(3);
  });

  test('an aria-label badge, German', () => {
    const card = fragment(
      '<a data-anonymize="person-name">Jonas</a><span aria-label="Kontakt 1. Grades">1.</span>',
    );
    expect(findDegreeMark(card)?.getAttribute('aria-label')).toBe('Kontakt 1. Grades');
  });

  test('nothing when the card shows no degree; typed fields and skipped parts are not read', () => {
    expect(findDegreeMark(fragment('<h1>Sam Lee</h1><p>VP Sales</p>'))).toBeNull();
    expect(findDegreeMark(fragment('<textarea>1st degree connection</textarea>'))).toBeNull();
    const composer = fragment(
      '<ul><li><span>1st degree connection</span></li></ul><p>Use 1 of 9 InMail credits</p>',
    );
    expect(findDegreeMark(composer)).not.toBeNull();
    expect(findDegreeMark(composer, 'ul')).toBeNull();
  });

  test('readPerson reads the hidden-text form', () => {
    const card = fragment(
      '<section><h1 data-anonymize="person-name">Noor Haddad</h1><span><span aria-hidden="true">3rd</span><span class="a11y-text">3rd degree connection</span></span><button aria-label="Message Noor Haddad">Message</button></section>',
    ).firstElementChild as HTMLElement;
    const person = readPerson(card);
    expect(person).toMatchObject({ name: 'Noor Haddad', degree: 3, openProfile: false });
    expect(person.degreeBadge?.textContent).toBe('3rd3rd degree connection');
  });
});
