// Dates and counts as a rep reads them, in the seat's time zone.

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "Dec 3" in the zone. */
export function shortDate(at: number, timeZone: string): string {
  const key = `short|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone });
    dateFormats.set(key, f);
  }
  return f.format(at);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Whole local calendar days from `now` to `at` in the zone (0 = today). */
export function daysFromNow(now: number, at: number, timeZone: string): number {
  const day = (t: number) => {
    const [y, m, d] = localDay(t, timeZone).split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d) / 86_400_000;
  };
  return day(at) - day(now);
}

/** "2026-12-03" in the zone. */
export function localDay(at: number, timeZone: string): string {
  const key = `iso|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
    dateFormats.set(key, f);
  }
  return f.format(at);
}

export function inDays(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

/** "just now", "3 minutes ago", "2 hours ago", "5 days ago". */
export function ago(at: number, now: number): string {
  const minutes = Math.round((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${plural(hours, 'hour')} ago`;
  return `${plural(Math.round(hours / 24), 'day')} ago`;
}
