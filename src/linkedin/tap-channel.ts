// The isolated script's end of the tap's private channel (see tap.ts): it offers one end of a
// MessageChannel, now and, if the tap has not run yet, once more when the tap says it is ready;
// the first offer the tap takes seals the channel. Messages arrive only on our port; nothing a
// page script posts to the window is ever read.

import { TAP_PORT_EVENT, TAP_READY_EVENT } from './tap';

export function openTapChannel(win: Window, onMessage: (data: unknown) => void, signal?: AbortSignal): void {
  const channel = new MessageChannel();
  let sealed = false;
  const offer = () => {
    if (sealed) return;
    const event = new MessageEvent(TAP_PORT_EVENT, { ports: [channel.port2], cancelable: true });
    // The tap cancels the event when it takes the port.
    sealed = !win.dispatchEvent(event);
    if (sealed) win.removeEventListener(TAP_READY_EVENT, offer, true);
  };
  win.addEventListener(TAP_READY_EVENT, offer, true);
  channel.port1.onmessage = (event) => onMessage(event.data);
  signal?.addEventListener('abort', () => {
    win.removeEventListener(TAP_READY_EVENT, offer, true);
    channel.port1.close();
  });
  offer();
}
