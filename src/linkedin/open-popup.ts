// Our mark on a chip opens the toolbar popup (the detail behind the chip): the content script
// asks the background, which alone may call `action.openPopup()`. Browsers that refuse it
// (Firefox without a user gesture in the background, Chrome before 127) leave the mark's
// tooltip, which says where the detail is.

import { browser } from 'wxt/browser';

/** The one message a content script sends that is not a detection. */
export const OPEN_POPUP = { type: 'open-popup' } as const;

export function isOpenPopup(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === OPEN_POPUP.type &&
    Object.keys(message).length === 1
  );
}

/** Asks the background to open the popup; resolves whether it opened. Never rejects. */
export async function requestPopup(): Promise<boolean> {
  try {
    const reply = (await browser.runtime.sendMessage(OPEN_POPUP)) as { ok?: boolean } | undefined;
    return reply?.ok === true;
  } catch {
    return false;
  }
}
