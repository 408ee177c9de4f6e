// The network tap, run in the page's own world at document_start: it watches LinkedIn's own
// fetch and XMLHttpRequest responses for the few endpoints in endpoints.ts and hands their
// text to our isolated script. It never changes a request or a response, never reads the
// body of any other request, and never throws into the page.

import { type EndpointKind, endpointOf } from './endpoints';

export const TAP_SOURCE = 'inmail-ledger-tap';
const MAX_BODY = 1_000_000;

/** What crosses from the page's world to ours: small, plain, and validated on arrival. */
export interface TapMessage {
  source: typeof TAP_SOURCE;
  kind: EndpointKind;
  status: number;
  request: string | null;
  response: string;
}

function bodyText(body: unknown): string | null {
  return typeof body === 'string' && body.length <= MAX_BODY ? body : null;
}

export function installTap(win: Window & typeof globalThis): void {
  const post = (kind: EndpointKind, status: number, request: string | null, response: string) => {
    if (response.length > MAX_BODY) return;
    const message: TapMessage = { source: TAP_SOURCE, kind, status, request, response };
    try {
      win.postMessage(message, win.location.origin);
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
