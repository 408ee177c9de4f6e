// Calendar arithmetic in an IANA time zone, without Temporal (not in Node 20 or
// Chromium yet) and fast enough to run for every send of a 1,000,000-event ledger.
//
// A zone's UTC offsets are read from Intl once per zone and year and kept as a
// short list of transitions; every later question is a binary search. Local
// times that do not exist or occur twice (DST) resolve as Temporal's
// `disambiguation: "compatible"` does: a gap moves forward by its length, an
// overlap takes the earlier instant (CREDIT-RULES.md, "N days").

export const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Offsets of one zone during one UTC year: offset at its start, then changes. */
interface YearOffsets {
  start: number;
  startOffset: number;
  changes: { at: number; offset: number }[];
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const years = new Map<string, Map<number, YearOffsets>>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone (IANA names and their aliases). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The offset (local − UTC, ms) straight from Intl; whole seconds. */
function intlOffset(timeZone: string, at: number): number {
  const whole = Math.floor(at / 1000) * 1000;
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const p of formatter(timeZone).formatToParts(whole)) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value);
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
      case 'era':
        bc = p.value.startsWith('B');
        break;
    }
  }
  const year = bc ? 1 - y : y;
  const local = new Date(0);
  local.setUTCFullYear(year, mo - 1, d);
  local.setUTCHours(h, mi, s, 0);
  return local.getTime() - whole;
}

/** The first instant in (lo, hi] whose offset differs from the offset at lo. */
function findChange(timeZone: string, lo: number, hi: number, before: number): number {
  let a = lo;
  let b = hi;
  while (b - a > 1000) {
    const mid = a + Math.floor((b - a) / 2000) * 1000;
    if (intlOffset(timeZone, mid) === before) a = mid;
    else b = mid;
  }
  return b;
}

function yearOffsets(timeZone: string, year: number): YearOffsets {
  let zone = years.get(timeZone);
  if (!zone) {
    zone = new Map();
    years.set(timeZone, zone);
  }
  let entry = zone.get(year);
  if (entry) return entry;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const startOffset = intlOffset(timeZone, start);
  const changes: { at: number; offset: number }[] = [];
  // Weekly samples: no zone changes its offset twice within a week.
  let prevAt = start;
  let prev = startOffset;
  for (let t = Math.min(start + WEEK_MS, end); ; t = Math.min(t + WEEK_MS, end)) {
    const o = intlOffset(timeZone, t);
    if (o !== prev) {
      changes.push({ at: findChange(timeZone, prevAt, t, prev), offset: o });
      prev = o;
    }
    prevAt = t;
    if (t === end) break;
  }
  // The sample at `end` belongs to next year; keep only changes inside this one.
  entry = { start, startOffset, changes: changes.filter((c) => c.at < end) };
  zone.set(year, entry);
  return entry;
}

function utcYear(at: number): number {
  let y = Math.floor(at / 31_556_952_000) + 1970;
  if (Date.UTC(y, 0, 1) > at) y -= 1;
  else if (Date.UTC(y + 1, 0, 1) <= at) y += 1;
  return y;
}

/** UTC offset of the zone at an instant, in ms (local wall clock − UTC). */
export function offsetAt(timeZone: string, at: number): number {
  const { startOffset, changes } = yearOffsets(timeZone, utcYear(at));
  let offset = startOffset;
  for (const c of changes) {
    if (c.at > at) break;
    offset = c.offset;
  }
  return offset;
}

/** The wall clock of an instant, encoded as if it were a UTC instant. */
export function wallClock(timeZone: string, at: number): number {
  return at + offsetAt(timeZone, at);
}

/** The instant a wall clock (encoded as UTC) names, resolved "compatible". */
export function fromWallClock(timeZone: string, wall: number): number {
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  const early = wall - Math.max(before, after);
  const late = wall - Math.min(before, after);
  if (offsetAt(timeZone, early) === Math.max(before, after)) return early;
  if (offsetAt(timeZone, late) === Math.min(before, after)) return late;
  // A gap: the wall clock does not exist; read it with the offset before it.
  return wall - before;
}

/** N calendar days after an instant, at the same local time in the zone. */
export function addDays(timeZone: string, at: number, days: number): number {
  return fromWallClock(timeZone, wallClock(timeZone, at) + days * DAY_MS);
}

/** The first instant of a local date (year, month 1–12, day), "compatible". */
export function startOfLocalDay(timeZone: string, year: number, month: number, day: number): number {
  return fromWallClock(timeZone, utcDate(year, month, day));
}

/** Local calendar fields of an instant. */
export function localDate(timeZone: string, at: number): { year: number; month: number; day: number } {
  const d = new Date(wallClock(timeZone, at));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** "YYYY-MM-DD" of an instant in the zone. */
export function localDateString(timeZone: string, at: number): string {
  return new Date(wallClock(timeZone, at)).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcDate(year, month + 1, 0)).getUTCDate();
}

/** Midnight UTC of a date; months and days may overflow as Date.UTC allows. */
function utcDate(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}
