// @vitest-environment happy-dom
// Our mark asks the background to open the popup; where the browser will not, its tooltip says
// where the details are. Only the exact message is taken as the ask.
import { expect, test } from 'vitest';
import { isOpenPopup, OPEN_POPUP } from '../../../src/linkedin/open-popup';
import { MARK_FALLBACK_TITLE, MARK_TITLE, overlay, showLines } from '../../../src/linkedin/overlay/overlay';

test('only { type: "open-popup" } itself asks for the popup', () => {
  expect(isOpenPopup(OPEN_POPUP)).toBe(true);
  expect(isOpenPopup({ type: 'open-popup', seat: 'x' })).toBe(false);
  expect(isOpenPopup({ type: 'send-detected' })).toBe(false);
  expect(isOpenPopup(null)).toBe(false);
  expect(isOpenPopup('open-popup')).toBe(false);
});

test('a mark whose popup could not be opened says where the details are', async () => {
  const host = overlay(
    'cost-chip',
    document.body,
    (h) => document.body.append(h),
    'Cost',
    new AbortController().signal,
  );
  showLines(host, [{ text: 'Costs 1 credit' }]);
  const mark = host.shadowRoot?.querySelector('button.mark') as HTMLButtonElement;
  expect(mark.title).toBe(MARK_TITLE);
  // No background answers here (the test's browser): the ask fails, the tooltip says so.
  mark.click();
  await expect.poll(() => mark.title).toBe(MARK_FALLBACK_TITLE);
});
