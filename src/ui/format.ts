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
