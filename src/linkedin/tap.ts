// The network tap, run in the page's own world at document_start: it watches LinkedIn's own
// fetch and XMLHttpRequest answers for the endpoints in endpoints.ts and hands their text to
// our isolated script over a private MessagePort. It never changes a request or a response,
// never reads the body of any other request, and never throws into the page.
//
// The private channel (DESIGN.md, detection strategy 1): both scripts run at document_start,
// before any page script. The isolated script dispatches a cancelable event carrying one end
// of a MessageChannel; the tap takes it (cancelling the event, which tells the isolated side it
// was taken) and from then on talks only through that port, which no page script ever holds.
// Whichever script runs second completes the handshake (the tap announces itself with a ready
// event the isolated side answers synchronously); each side takes exactly one port, so a page
// script that replays the events later gets nothing and can send nothing.

import { type EndpointKind, endpointOf } from './endpoints';

export const TAP_PORT_EVENT = 'inmail-ledger:tap-port';
export const TAP_READY_EVENT = 'inmail-ledger:tap-ready';
const MAX_BODY = 1_000_000;

/** What crosses from the page's world to ours: small, plain, and validated on arrival. */
export interface TapMessage {
  kind: EndpointKind;
  status: number;
  request: string | null;
  response: string;
}

function bodyText(body: unknown): string | null {
  return typeof body === 'string' && body.length <= MAX_BODY ? body : null;
}

export function installTap(win: Window & typeof globalThis): void {
  // Our own references, taken before any page script could replace them.
  const apply = Reflect.apply;
  const portPost = win.MessagePort.prototype.postMessage;
  const addListener = win.EventTarget.prototype.addEventListener;
  const removeListener = win.EventTarget.prototype.removeEventListener;
  let port: MessagePort | null = null;

  const onPort = (event: Event) => {
    const offered = (event as MessageEvent).ports?.[0];
    if (port !== null || offered === undefined) return;
    port = offered;
    event.preventDefault(); // tells the isolated script its port was taken
    event.stopImmediatePropagation();
    apply(removeListener, win, [TAP_PORT_EVENT, onPort, true]);
  };
  apply(addListener, win, [TAP_PORT_EVENT, onPort, true]);
  // The isolated script may already have run: ask it, synchronously, for its port.
  try {
    win.dispatchEvent(new win.CustomEvent(TAP_READY_EVENT));
  } catch {
    // Without a channel the tap stays silent.
  }

  const post = (kind: EndpointKind, status: number, request: string | null, response: string) => {
    if (port === null || response.length > MAX_BODY) return;
    const message: TapMessage = { kind, status, request, response };
    try {
      apply(portPost, port, [message]);
    } catch {
      // Never let our bookkeeping reach the page.
    }
  };

  const originalFetch = win.fetch;
  win.fetch = function tappedFetch(this: unknown, ...args: Parameters<typeof fetch>) {
    const pending = originalFetch.apply(this, args);
    try {
      const [input, init] = args;
      const request = input instanceof Request ? input : null;
      const url = request ? request.url : String(input);
      const kind = endpointOf(init?.method ?? request?.method ?? 'GET', url);
      if (kind) {
        const requestBody = bodyText(init?.body);
        pending.then(
          (res) => {
            if (!res.ok) return;
            res
              .clone()
              .text()
              .then(
                (text) => post(kind, res.status, requestBody, text),
                () => {},
              );
          },
          () => {},
        );
      }
    } catch {
      // A request we cannot read is one we do not count.
    }
    return pending;
  } as typeof fetch;

  const XHR = win.XMLHttpRequest.prototype;
  const originalOpen = XHR.open;
  const originalSend = XHR.send;
  const seen = new WeakMap<XMLHttpRequest, EndpointKind>();
  XHR.open = function tappedOpen(this: XMLHttpRequest, ...args: unknown[]) {
    try {
      const kind = endpointOf(String(args[0]), String(args[1]));
      if (kind) seen.set(this, kind);
      else seen.delete(this);
    } catch {
      // ignore
    }
    return (originalOpen as (...a: unknown[]) => void).apply(this, args);
  } as typeof XHR.open;
  XHR.send = function tappedSend(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const kind = seen.get(this);
    if (kind) {
      const requestBody = bodyText(body);
      this.addEventListener('load', () => {
        try {
          if (this.status < 200 || this.status >= 300) return;
          const type = this.responseType;
          if (type === '' || type === 'text') post(kind, this.status, requestBody, this.responseText);
          else if (type === 'json') post(kind, this.status, requestBody, JSON.stringify(this.response));
          else if (type === 'blob' && this.response instanceof Blob && this.response.size <= MAX_BODY) {
            this.response.text().then(
              (text) => post(kind, this.status, requestBody, text),
              () => {},
            );
          }
        } catch {
          // ignore
        }
      });
    }
    return originalSend.call(this, body);
  };
}
