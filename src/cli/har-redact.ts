// `ledger har FILE --redact OUT`: a copy of a capture that is safe to share and still reads to
// the same detections (DESIGN.md contract 5). Built from a whitelist, not by deleting the
// known-bad: only LinkedIn's API entries are kept, only a few harmless headers, no cookies;
// in JSON bodies every string is replaced unless it is structure (URNs, enums, class names,
// URLs) and ids are swapped for stable fakes everywhere (Pseudonyms).

import { contentText, type Har, type HarEntry } from './har-file';
import { Pseudonyms } from './pseudonyms';

/** LinkedIn's JSON APIs: where our endpoints live, and where a renamed one would show up. */
const API = /^https:\/\/www\.linkedin\.com\/(?:voyager\/api|sales-api|talent\/api)\//;
const HEADERS = new Set([
  'accept',
  'content-type',
  'x-restli-protocol-version',
  'referer',
  'origin',
  ':method',
  ':path',
  ':authority',
  ':scheme',
]);
/** Random tokens the readers need as they are (a send's id comes from its trackingId). */
const KEEP = new Set(['trackingId', 'originToken', '$type', '$recipeType', '_type', 'recipeType']);
/** Keys whose strings are people's names or words, whatever they look like. */
const NAMES =
  /^(?:first|last|full|formatted|maiden|phoneticFirst|phoneticLast|nick)?name$|^(?:headline|occupation|title|summary|companyName|schoolName|locationName|geoLocationName|publicIdentifier)$/i;
const WORDS = /^(?:body|subject|text|footerText|blockCopy|snippet|systemMessageContent|signature|note)$/;
/** Strings that are structure, not words: kept, with the ids inside them replaced. */
const STRUCTURE =
  /^(?:urn:li:\S+|com\.linkedin\.\S+|[A-Z][A-Z0-9_]*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|-?\d+(?:\.\d+)?|\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})|)$/;
const ID = /^(?:2-[A-Za-z0-9_-]+=*|A[CE][A-Za-z]AA[A-Za-z0-9_-]+)$/;

export interface Redacted {
  har: object;
  /** `--account` as it reads in the redacted copy. */
  account?: string;
}

export function redactHar(har: Har, account?: string): Redacted {
  const p = new Pseudonyms();
  const log = har.log as Har['log'] & {
    version?: string;
    pages?: { id?: string; startedDateTime?: string }[];
  };
  const entries = log.entries.filter((e) => API.test(e.request.url)).map((e) => redactEntry(e, p));
  const fakeAccount = account === undefined ? undefined : p.inString(account);
  return {
    account: fakeAccount,
    har: {
      log: {
        version: log.version ?? '1.2',
        creator: { name: 'inmail-ledger: ledger har --redact', version: '1' },
        comment: `Redacted: names, bodies, e-mail addresses, cookies and tokens replaced; ids replaced consistently.${
          fakeAccount ? ` Read with --account ${fakeAccount}` : ''
        }`,
        pages: (log.pages ?? []).map((page, k) => ({
          id: page.id,
          startedDateTime: page.startedDateTime,
          title: `page ${k + 1}`,
          pageTimings: {},
        })),
        entries,
      },
    },
  };
}

function redactEntry(e: HarEntry, p: Pseudonyms): object {
  const url = redactUrl(e.request.url, p);
  const request = e.request as HarEntry['request'] & { headers?: Header[]; postData?: { mimeType?: string } };
  const response = e.response as HarEntry['response'] & { statusText?: string; headers?: Header[] };
  const requestBody =
    e.request.postData?.text === undefined ? undefined : redactBody(e.request.postData.text, p);
  const responseBody = redactBody(contentText(e.response.content), p);
  return {
    ...(e.pageref === undefined ? {} : { pageref: e.pageref }),
    startedDateTime: e.startedDateTime,
    time: e.time,
    request: {
      method: e.request.method,
      url,
      httpVersion: 'HTTP/2',
      headers: redactHeaders(request.headers, p),
      queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: requestBody?.length ?? 0,
      ...(requestBody === undefined
        ? {}
        : { postData: { mimeType: request.postData?.mimeType ?? 'application/json', text: requestBody } }),
    },
    response: {
      status: e.response.status,
      statusText: response.statusText ?? '',
      httpVersion: 'HTTP/2',
      headers: redactHeaders(response.headers, p),
      cookies: [],
      content: {
        size: responseBody?.length ?? 0,
        mimeType: 'application/json',
        ...(responseBody === undefined ? {} : { text: responseBody }),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: e.time, receive: 0 },
  };
}

interface Header {
  name: string;
  value: string;
}

function redactHeaders(headers: Header[] | undefined, p: Pseudonyms): Header[] {
  return (headers ?? [])
    .filter((h) => HEADERS.has(String(h?.name).toLowerCase()))
    .map((h) => ({
      name: h.name,
      value: /^(?:referer|:path)$/i.test(h.name) ? redactUrl(String(h.value), p) : String(h.value),
    }));
}

/** Ids and slugs replaced; what someone searched for or typed dropped. */
function redactUrl(url: string, p: Pseudonyms): string {
  return p
    .inString(url)
    .replace(/([?&](?:keywords|query|firstName|lastName|name|email)=)[^&#]*/gi, '$1redacted')
    .replace(/((?:keywords|firstName|lastName)(?::|%3A))(?:(?!%2C|%29)[^,)&#])*/gi, '$1redacted');
}

/** A JSON body with its words replaced; a body that is not JSON cannot be checked, so it goes. */
function redactBody(text: string, p: Pseudonyms): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  return JSON.stringify(redactJson(json, p, null));
}

function redactJson(value: unknown, p: Pseudonyms, words: 'name' | 'text' | null, key = ''): unknown {
  if (typeof value === 'string') return redactString(value, p, words, key);
  if (Array.isArray(value)) return value.map((v) => redactJson(v, p, words, key));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      const inner = words ?? (NAMES.test(k) ? 'name' : WORDS.test(k) ? 'text' : null);
      return [p.inString(k), redactJson(v, p, inner, k)];
    }),
  );
}

function redactString(s: string, p: Pseudonyms, words: 'name' | 'text' | null, key: string): string {
  if (KEEP.has(key)) return s;
  // Under a name or a message, only URNs and ids are structure: an all-caps word is still a word.
  if (words !== null) return /^urn:li:\S+$/.test(s) || ID.test(s) ? p.inString(s) : p.freeText(s, words);
  if (STRUCTURE.test(s) || ID.test(s)) return p.inString(s);
  if (/^https?:\/\//.test(s))
    return s.startsWith('https://www.linkedin.com/') ? redactUrl(s, p) : 'https://example.invalid/redacted';
  return p.freeText(s, 'text');
}
