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

/**
 * What is known of one zone's offsets: over [from, to), the offset at `from` and every
 * change after it, in time order. Grown a UTC year at a time as instants ask for more.
 */
interface ZoneOffsets {
  from: number;
  to: number;
  firstOffset: number;
  changeAt: number[];
  changeTo: number[];
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const zones = new Map<string, ZoneOffsets>();

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

/** The offset at `start` and the changes in [start, end), read from Intl. */
function readYear(timeZone: string, start: number, end: number) {
  const startOffset = intlOffset(timeZone, start);
  const changes: { at: number; offset: number }[] = [];
  // Weekly samples: no zone changes its offset twice within a week.
  let prevAt = start;
  let prev = startOffset;
  for (let t = Math.min(start + WEEK_MS, end); ; t = Math.min(t + WEEK_MS, end)) {
    const o = intlOffset(timeZone, t);
    if (o !== prev) {
      const at = findChange(timeZone, prevAt, t, prev);
      if (at < end) changes.push({ at, offset: o });
      prev = o;
    }
    prevAt = t;
    if (t === end) break;
  }
  return { startOffset, changes };
}

function utcYear(at: number): number {
  let y = Math.floor(at / 31_556_952_000) + 1970;
  if (Date.UTC(y, 0, 1) > at) y -= 1;
  else if (Date.UTC(y + 1, 0, 1) <= at) y += 1;
  return y;
}

/** Grows what is known of a zone until it covers `at`. */
function cover(zone: ZoneOffsets, timeZone: string, at: number): void {
  while (at >= zone.to) {
    const year = utcYear(zone.to);
    const end = Date.UTC(year + 1, 0, 1);
    const { startOffset, changes } = readYear(timeZone, zone.to, end);
    const current = zone.changeTo.length ? zone.changeTo[zone.changeTo.length - 1] : zone.firstOffset;
    if (startOffset !== current) {
      zone.changeAt.push(zone.to);
      zone.changeTo.push(startOffset);
    }
    for (const c of changes) {
      zone.changeAt.push(c.at);
      zone.changeTo.push(c.offset);
    }
    zone.to = end;
  }
  while (at < zone.from) {
    const year = utcYear(zone.from - 1);
    const start = Date.UTC(year, 0, 1);
    const { startOffset, changes } = readYear(timeZone, start, zone.from);
    const at0: number[] = [];
    const to0: number[] = [];
    let current = startOffset;
    for (const c of changes) {
      at0.push(c.at);
      to0.push(c.offset);
      current = c.offset;
    }
    if (current !== zone.firstOffset) {
      at0.push(zone.from);
      to0.push(zone.firstOffset);
    }
    zone.changeAt = [...at0, ...zone.changeAt];
    zone.changeTo = [...to0, ...zone.changeTo];
    zone.firstOffset = startOffset;
    zone.from = start;
  }
}

let lastName = '';
let lastZone: ZoneOffsets | null = null;

/** UTC offset of the zone at an instant, in ms (local wall clock − UTC). */
export function offsetAt(timeZone: string, at: number): number {
  let zone = lastName === timeZone ? lastZone : zones.get(timeZone);
  if (!zone) {
    const year = utcYear(at);
    const from = Date.UTC(year, 0, 1);
    zone = { from, to: from, firstOffset: intlOffset(timeZone, from), changeAt: [], changeTo: [] };
    zones.set(timeZone, zone);
  }
  lastName = timeZone;
  lastZone = zone;
  if (at < zone.from || at >= zone.to) cover(zone, timeZone, at);
  // The last change at or before `at`, by binary search.
  const { changeAt, changeTo } = zone;
  let lo = 0;
  let hi = changeAt.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((changeAt[mid] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? zone.firstOffset : (changeTo[lo - 1] as number);
}

/** The wall clock of an instant, encoded as if it were a UTC instant. */
export function wallClock(timeZone: string, at: number): number {
  return at + offsetAt(timeZone, at);
}

/** The instant a wall clock (encoded as UTC) names, resolved "compatible". */
export function fromWallClock(timeZone: string, wall: number): number {
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  // No change within a day either side (no zone changes twice in two days): one answer.
  if (before === after) return wall - before;
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
