// A HAR file (what Chrome's DevTools saves: Network, "Save all as HAR") as the answers of our
// endpoints, in the order the page saw them (DESIGN.md contract 5).

import { endpointOf } from '../linkedin/endpoints';
import type { Answer } from '../linkedin/read/answer';

export class HarError extends Error {}

/** The parts of a HAR entry we use; the rest of the file is passed over (or redacted). */
export interface HarEntry {
  pageref?: string;
  startedDateTime: string;
  time: number;
  request: { method: string; url: string; postData?: { text?: string } };
  response: { status: number; content?: { text?: string; encoding?: string } };
}

export interface Har {
  log: { entries: HarEntry[] } & Record<string, unknown>;
}

export function parseHar(text: string): Har {
  let har: unknown;
  try {
    har = JSON.parse(text);
  } catch (error) {
    throw new HarError(`not JSON: ${(error as Error).message}`);
  }
  const entries = (har as Har | null)?.log?.entries;
  if (!Array.isArray(entries)) throw new HarError('log.entries: missing (not a HAR file)');
  entries.forEach(checkEntry);
  return har as Har;
}

function checkEntry(e: HarEntry, k: number): void {
  const bad = (field: string, what: string) => new HarError(`log.entries[${k}].${field}: ${what}`);
  if (typeof e?.request?.method !== 'string') throw bad('request.method', 'missing');
  if (typeof e.request.url !== 'string') throw bad('request.url', 'missing');
  if (typeof e.response?.status !== 'number') throw bad('response.status', 'missing');
  if (Number.isNaN(Date.parse(e.startedDateTime)))
    throw bad('startedDateTime', `'${e.startedDateTime}' is not a date`);
  if (typeof e.time !== 'number') throw bad('time', 'missing');
}

/** The text of a body, decoded when DevTools stored it as base64. */
export function contentText(content: HarEntry['response']['content']): string {
  const text = content?.text ?? '';
  return content?.encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
}

/**
 * Every answer of an endpoint of ours, non-2xx ones included (they count as touched, not seen),
 * ordered by when the page saw it: the entry's start plus its duration (contract 5), ties in
 * file order.
 */
export function answersOf(har: Har): Answer[] {
  const answers: Answer[] = [];
  for (const e of har.log.entries) {
    const endpoint = endpointOf(e.request.method, e.request.url);
    if (endpoint === null) continue;
    answers.push({
      endpoint,
      status: e.response.status,
      request: e.request.postData?.text ?? null,
      response: contentText(e.response.content),
      seenAt: Math.round(Date.parse(e.startedDateTime) + Math.max(0, e.time)),
    });
  }
  // Array.prototype.sort is stable: equal moments keep file order.
  return answers.sort((a, b) => a.seenAt - b.seenAt);
}
