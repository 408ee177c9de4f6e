// The tap under LinkedIn's own traffic at its worst: aborted requests, network errors, server
// errors, streamed bodies, every XHR response type, non-JSON bodies on our endpoints. The page
// must receive exactly what it would without us, and never see an error of ours.

import { expect, test } from './fixtures';

const LEAD = 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd';

test('the page gets exactly what LinkedIn sent, whatever happens to the request', async ({
  context,
  extension,
}) => {
  const errors: string[] = [];
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  const body = '{"elements":[{"type":"LSS_INMAIL","value":7}],"note":"ünïcødé ✓"}';
  await page.route('https://www.linkedin.com/sales-api/**', (route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.has('fail')) return route.abort('failed');
    if (url.searchParams.has('error')) return route.fulfill({ status: 500, body: 'oops' });
    if (url.searchParams.has('text'))
      return route.fulfill({ status: 200, contentType: 'text/plain', body: 'not json {' });
    return route.fulfill({ status: 200, contentType: 'application/json', body });
  });
  await page.goto(LEAD);
  const results = await page.evaluate(async (body) => {
    const url = '/sales-api/salesApiCredits?q=findCreditGrant&creditGrantType=LSS_INMAIL';
    const out: Record<string, unknown> = {};
    out.fetchText = await (await fetch(url)).text();
    out.fetchJson = JSON.stringify(await (await fetch(url)).json());
    out.fetchRequest = await (await fetch(new Request(url))).text();
    // Streamed: read chunk by chunk from the body the page got.
    const reader = (await fetch(url)).body?.getReader();
    let streamed = '';
    const decoder = new TextDecoder();
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      streamed += decoder.decode(chunk.value, { stream: true });
    }
    out.streamed = streamed;
    const aborted = new AbortController();
    const pending = fetch(url, { signal: aborted.signal });
    aborted.abort();
    out.aborted = await pending.then(
      () => 'resolved',
      (e: Error) => e.name,
    );
    out.networkError = await fetch(`${url}&fail=1`).then(
      () => 'resolved',
      (e: Error) => e.name,
    );
    const failed = await fetch(`${url}&error=1`);
    out.serverError = [failed.status, await failed.text()];
    out.notJson = await (await fetch(`${url}&text=1`)).text();
    const xhr = (type: XMLHttpRequestResponseType, extra = '') =>
      new Promise<unknown>((done) => {
        const x = new XMLHttpRequest();
        x.open('GET', url + extra);
        x.responseType = type;
        x.onload = async () => {
          const r = x.response;
          if (r instanceof Blob) done(await r.text());
          else if (r instanceof ArrayBuffer) done(new TextDecoder().decode(r));
          else done(typeof r === 'string' ? r : JSON.stringify(r));
        };
        x.onerror = () => done('error');
        x.onabort = () => done('abort');
        x.send();
        if (extra === '&abort') x.abort();
      });
    out.xhrText = await xhr('');
    out.xhrJson = await xhr('json');
    out.xhrBlob = await xhr('blob');
    out.xhrBuffer = await xhr('arraybuffer');
    out.xhrAbort = await xhr('', '&abort');
    out.xhrError = await xhr('', '&fail=1');
    out.expected = body;
    return out;
  }, body);
  expect(results).toEqual({
    fetchText: body,
    fetchJson: JSON.stringify(JSON.parse(body)),
    fetchRequest: body,
    streamed: body,
    aborted: 'AbortError',
    networkError: 'TypeError',
    serverError: [500, 'oops'],
    notJson: 'not json {',
    xhrText: body,
    xhrJson: JSON.stringify(JSON.parse(body)),
    xhrBlob: body,
    xhrBuffer: body,
    xhrAbort: 'abort',
    xhrError: 'error',
    expected: body,
  });
  expect(errors).toEqual([]);
  // And the tap did read the good responses: with no seat yet, LinkedIn's counts wait in "unassigned".
  await expect
    .poll(async () => {
      const { snapshot } = await extension.send<{ snapshot: { unassigned: { type: string }[] } }>({
        type: 'get-snapshot',
      });
      return snapshot.unassigned.filter((u) => u.type === 'observed-balance').length;
    })
    .toBeGreaterThan(0);
});
