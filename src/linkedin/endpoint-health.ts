// Detection health for LinkedIn's answers (DESIGN.md, "Detection strategy"): for each endpoint,
// answers seen and read, and each reason an answer could not be read, with when it last
// happened. Each tab writes its own key (`health:endpoints:<tab>`, see src/messages/storage.ts),
// so two tabs never overwrite each other; the popup adds them up. Never page content.

import { storage } from 'wxt/utils/storage';
import { anchorHealthKeys, endpointHealthKeys } from '../messages/storage';
import { ENDPOINT_KINDS, type EndpointKind } from './endpoints';
import type { Problem } from './read/reading';

export const ENDPOINT_HEALTH_PREFIX = endpointHealthKeys.prefix;
/** A problem older than this no longer makes detection "not OK" (the surface was not used lately). */
export const HEALTH_RECENT_MS = 7 * 24 * 3600_000;

export interface EndpointRecord {
  seen: number;
  read: number;
  lastSeenAt: number;
  /** Reason → how many elements it hit, and when it last happened. */
  problems: Record<string, { count: number; lastAt: number }>;
}

export type EndpointHealth = Partial<Record<EndpointKind, EndpointRecord>>;

/** One tab's record, as stored. */
export type EndpointHealthRecord = EndpointHealth & { writtenAt: number };

/** One tab's record, written (debounced) under the tab's own key. */
export function endpointHealthRecorder(tab: string, write = writeHealth) {
  const health: EndpointHealth = {};
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    note(endpoint: EndpointKind, problems: Problem[], at: number): void {
      const record = health[endpoint] ?? { seen: 0, read: 0, lastSeenAt: at, problems: {} };
      health[endpoint] = record;
      record.seen++;
      record.lastSeenAt = at;
      if (problems.length === 0) record.read++;
      for (const p of problems) {
        const old = record.problems[p.reason];
        record.problems[p.reason] = { count: (old?.count ?? 0) + p.count, lastAt: at };
      }
      if (timer === null)
        timer = setTimeout(() => {
          timer = null;
          void write(tab, health).catch(() => {});
        }, 100);
    },
    /** Writes now (tests, and before the page goes away). */
    flush(): Promise<void> {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      return write(tab, health);
    },
  };
}

function writeHealth(tab: string, health: EndpointHealth): Promise<void> {
  return endpointHealthKeys.set([[tab, { ...health, writtenAt: Date.now() }]]);
}

/** Pages' health records older than this are dropped (each page load writes its own). */
const KEEP_MS = 30 * 24 * 3600_000;

/** Drops the health records of pages long gone, so per-page keys do not pile up. */
export async function pruneHealth(now: number): Promise<void> {
  const stored = await storage.snapshot('local');
  for (const family of [endpointHealthKeys, anchorHealthKeys]) {
    const old = Object.entries(family.of(stored))
      .filter(([, value]) => {
        const writtenAt: unknown = value?.writtenAt;
        return typeof writtenAt !== 'number' || now - writtenAt > KEEP_MS;
      })
      .map(([key]) => key);
    await family.remove(old);
  }
}

/** The words the popup uses for each endpoint. */
export const ENDPOINT_LABELS: Record<EndpointKind, string> = {
  'sales-credits': 'Sales Navigator credit count',
  'sales-create-message': 'Sales Navigator sends',
  'sales-threads': 'Sales Navigator inbox',
  'sales-inbox-conversations': 'Sales Navigator inbox (new version)',
  'voyager-conversations': 'LinkedIn messaging conversation list',
  'voyager-messages': 'LinkedIn messaging conversation',
  'voyager-create-message': 'LinkedIn messaging sends',
  'recruiter-inmail-cost': 'Recruiter InMail cost',
  'recruiter-other': 'Recruiter messages',
};

export interface HealthProblem {
  endpoint: EndpointKind;
  label: string;
  reason: string;
  count: number;
  lastAt: number;
}

/** Every tab's records added up: the problems that happened lately, most recent first. */
export function recentProblems(stored: Record<string, unknown>, now: number): HealthProblem[] {
  const merged = new Map<string, HealthProblem>();
  for (const value of Object.values(endpointHealthKeys.of(stored))) {
    for (const [endpoint, record] of endpointRecords(value)) {
      for (const [reason, p] of Object.entries(record.problems ?? {})) {
        if (now - p.lastAt > HEALTH_RECENT_MS) continue;
        const id = `${endpoint}\n${reason}`;
        const old = merged.get(id);
        merged.set(id, {
          endpoint,
          label: ENDPOINT_LABELS[endpoint],
          reason,
          count: (old?.count ?? 0) + p.count,
          lastAt: Math.max(old?.lastAt ?? 0, p.lastAt),
        });
      }
    }
  }
  return [...merged.values()].sort((a, b) => b.lastAt - a.lastAt);
}

/** Whether any answer of ours was seen lately (so "Tracking works" means something). */
export function answersSeenLately(stored: Record<string, unknown>, now: number): boolean {
  return Object.values(endpointHealthKeys.of(stored)).some((value) =>
    endpointRecords(value).some(([, r]) => now - r.lastSeenAt <= HEALTH_RECENT_MS),
  );
}

/** A tab's record by endpoint (one written by an older version may lack some, or be no object). */
function endpointRecords(value: EndpointHealthRecord | null): [EndpointKind, EndpointRecord][] {
  if (typeof value !== 'object' || value === null) return [];
  return ENDPOINT_KINDS.flatMap((endpoint) => {
    const record = value[endpoint];
    return typeof record === 'object' && record !== null
      ? [[endpoint, record] as [EndpointKind, EndpointRecord]]
      : [];
  });
}
