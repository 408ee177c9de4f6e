// `ledger har`: what the extension would read from a HAR (DESIGN.md contract 5), through the
// same endpoint matchers, readers and merge rules, with one memory for the whole file (who is
// us, once known, holds for all of it). A HAR shows no composer: readers get no page side.

import { ENDPOINT_KINDS, type EndpointKind } from '../linkedin/endpoints';
import { readAnswer } from '../linkedin/read/answer';
import { type Memory, newMemory, profileIdOf } from '../linkedin/read/reading';
import type { Detection } from '../messages/detection';
import { UsageError } from './args';
import { answersOf, type Har } from './har-file';
import { type HarDetection, mergeDetections } from './har-merge';

export interface EndpointFigures {
  endpoint: EndpointKind;
  /** 2xx answers. */
  seen: number;
  /** 2xx answers every element of which was read. */
  read: number;
  /** Each reason once: "<reason>" when it hit one element, "<reason> (<n> elements)" otherwise. */
  problems: string[];
}

export interface HarReading {
  detections: HarDetection[];
  endpoints: EndpointFigures[];
}

const PROFILE_ID = /^AC[wo]AA[A-Za-z0-9_-]{1,100}$/;
const MEMBER = /^urn:li:member:\d{1,20}$/;

/** Seeds the memory with `--account`: a profile URN or the profile id in one, or a member URN. */
export function seedAccount(memory: Memory, account: string): void {
  const id = profileIdOf(account) ?? (PROFILE_ID.test(account) ? account : undefined);
  if (id !== undefined) memory.me.add(id);
  else if (MEMBER.test(account)) memory.members.add(account);
  else
    throw new UsageError(
      `--account '${account}' is not an fs_salesProfile or fsd_profile URN, a profile id (ACwAA…, ACoAA…) or urn:li:member:N`,
    );
}

export function readHar(har: Har, account?: string): HarReading {
  const memory = newMemory();
  if (account !== undefined) seedAccount(memory, account);
  const figures = new Map<EndpointKind, { seen: number; read: number; problems: Map<string, number> }>();
  const found: (Detection & { at: string })[] = [];
  for (const answer of answersOf(har)) {
    const f = figures.get(answer.endpoint) ?? { seen: 0, read: 0, problems: new Map<string, number>() };
    figures.set(answer.endpoint, f);
    if (answer.status < 200 || answer.status >= 300) continue;
    f.seen++;
    const reading = readAnswer(answer, memory);
    if (reading.problems.length === 0) f.read++;
    for (const p of reading.problems) f.problems.set(p.reason, (f.problems.get(p.reason) ?? 0) + p.count);
    // Times: LinkedIn's own when the reader found one, else the moment the page saw the answer.
    const at = new Date(answer.seenAt).toISOString();
    for (const d of reading.detections) found.push({ ...d, at: d.at ?? at });
  }
  return {
    detections: mergeDetections(found),
    endpoints: ENDPOINT_KINDS.flatMap((endpoint) => {
      const f = figures.get(endpoint);
      if (f === undefined) return [];
      const problems = [...f.problems].map(([reason, n]) => (n === 1 ? reason : `${reason} (${n} elements)`));
      return [{ endpoint, seen: f.seen, read: f.read, problems }];
    }),
  };
}
