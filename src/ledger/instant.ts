// ISO 8601 instants as the ledger file writes them: an explicit offset, at most milliseconds.
// Parsed by hand (no RegExp, no Date) because summarize reads one per event, a million
// times for a large ledger, and Date.parse accepts forms the file format does not.

const DIGIT_0 = 48;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by `count` digits at `at`, or -1 when one of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let v = 0;
  for (let k = at; k < at + count; k++) {
    const c = text.charCodeAt(k) - DIGIT_0;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const LETTER_T = 84;
const LETTER_Z = 90;

/** Epoch milliseconds of a strict ISO 8601 instant with offset, or null when it is not one. */
export function parseInstant(text: string): number | null {
  const n = text.length;
  if (n < 17 || n > 29) return null;
  // YYYY-MM-DDTHH:MM
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    text.charCodeAt(10) !== LETTER_T ||
    text.charCodeAt(13) !== COLON ||
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59
  ) {
    return null;
  }
  let i = 16;
  let second = 0;
  let ms = 0;
  if (text.charCodeAt(i) === COLON) {
    second = digits(text, i + 1, 2);
    if (second < 0 || second > 59) return null;
    i += 3;
    if (text.charCodeAt(i) === DOT) {
      let places = 0;
      i++;
      for (let c = text.charCodeAt(i) - DIGIT_0; c >= 0 && c <= 9; c = text.charCodeAt(i) - DIGIT_0) {
        if (++places > 3) return null;
        ms = ms * 10 + c;
        i++;
      }
      if (places === 0) return null;
      ms *= places === 1 ? 100 : places === 2 ? 10 : 1;
    }
  }
  let offset = 0;
  const sign = text.charCodeAt(i);
  if (sign === LETTER_Z && i === n - 1) {
    offset = 0;
  } else if ((sign === PLUS || sign === DASH) && i === n - 6 && text.charCodeAt(i + 3) === COLON) {
    const oh = digits(text, i + 1, 2);
    const om = digits(text, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return null;
    offset = (sign === DASH ? -1 : 1) * (oh * 60 + om) * 60_000;
  } else {
    return null;
  }
  const monthDays = month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] as number);
  if (day > monthDays) return null;
  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms - offset;
}

/** ISO 8601 in UTC with milliseconds, the form every output uses. */
export function formatInstant(at: number): string {
  return new Date(at).toISOString();
}
