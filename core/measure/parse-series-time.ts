/**
 * Timestamps as measurement exports write them: ISO-8601 (with or without `T`, seconds, fraction and
 * zone; a missing zone means UTC so that the result never depends on the machine's clock settings),
 * a bare date, or unix seconds / milliseconds. Pure: no Date.parse, whose zone handling varies. A
 * date or time that does not exist (2024-02-31, 24:00:00, minute 60) is refused, never rolled over
 * into the next day as Date.UTC would, and `describeBadTimestamp` says why.
 */

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC = /^\d+(?:\.\d+)?$/;

/** Unix seconds below this are seconds, above it milliseconds (1e11 s is the year 5138). */
const MS_THRESHOLD = 1e11;

/** Epoch milliseconds of a timestamp, or NaN when it is not one. */
export function parseTimestamp(text: string): number {
  const fast = parsePlainDateTime(text);
  if (fast >= 0) return fast;
  const s = text.trim();
  if (NUMERIC.test(s)) {
    const n = Number(s);
    return n >= MS_THRESHOLD ? n : n * 1000;
  }
  const m = ISO.exec(s);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(sec ?? 0);
  if (impossibleDateTime(Number(y), month, day, hour, minute, second) || !validZone(zone)) return Number.NaN;
  let ms = Date.UTC(Number(y), month - 1, day, hour, minute, second);
  if (frac) ms += Number(`0.${frac}`) * 1000;
  return ms - zoneOffsetMs(zone);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why these fields name no instant (a day the month lacks, hour 24, minute 60…), or null when they do. */
function impossibleDateTime(year: number, month: number, day: number, hour: number, minute: number, second: number) {
  if (!(month >= 1 && month <= 12)) return `there is no month ${month}`;
  const days = daysInMonth(year, month);
  if (!(day >= 1 && day <= days)) return `${MONTHS[month - 1]} ${year} has ${days} days, not ${day}`;
  if (!(hour >= 0 && hour <= 23)) return `hour ${hour} does not exist (hours run from 00 to 23)`;
  if (!(minute >= 0 && minute <= 59)) return `minute ${minute} does not exist`;
  if (!(second >= 0 && second <= 59)) return `second ${second} does not exist`;
  return null;
}

function validZone(zone: string | undefined): boolean {
  if (!zone || /^(Z|UTC|GMT)$/i.test(zone)) return true;
  const digits = zone.slice(1).replace(':', '');
  return Number(digits.slice(0, 2)) <= 14 && Number(digits.slice(2) || 0) <= 59;
}

/** What is wrong with a timestamp that did not parse, for the problem at its line. */
export function describeBadTimestamp(text: string): string {
  const m = ISO.exec(text.trim());
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  if (m) {
    const [, y, mo, d, h, mi, sec, , zone] = m;
    const why = impossibleDateTime(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0));
    if (why) return `timestamp ${shown} is not a real date and time: ${why}`;
    if (!validZone(zone)) return `timestamp ${shown} has a time zone offset that does not exist (${zone})`;
  }
  return `timestamp ${shown} is not ISO-8601 or unix seconds/milliseconds`;
}

const dayCache = { key: '', first: 0, ms: 0 };

/**
 * `YYYY-MM-DD HH:MM:SS` (or with `T`), the form of most exports, read by character codes with the
 * day's Date.UTC cached: a year of minutes parses in tens of milliseconds. -1 when not that form.
 */
function parsePlainDateTime(s: string): number {
  if (s.length !== 19) return -1;
  const sep = s.charCodeAt(10);
  if (
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    (sep !== 32 && sep !== 84) ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return -1;
  const month = readTwoDigits(s, 5);
  const day = readTwoDigits(s, 8);
  const hour = readTwoDigits(s, 11);
  const minute = readTwoDigits(s, 14);
  const second = readTwoDigits(s, 17);
  const year = readTwoDigits(s, 0) * 100 + readTwoDigits(s, 2);
  if (!(year >= 0) || impossibleDateTime(year, month, day, hour, minute, second)) return -1;
  if (s.charCodeAt(0) !== dayCache.first || s.slice(0, 10) !== dayCache.key) {
    dayCache.key = s.slice(0, 10);
    dayCache.first = s.charCodeAt(0);
    dayCache.ms = Date.UTC(year, month - 1, day);
  }
  return dayCache.ms + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** Two decimal digits at i, or NaN (which fails every range check above). */
function readTwoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || /^(Z|UTC|GMT)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  return sign * (hours * 60 + minutes) * 60_000;
}

/** Parses a JSON timestamp: a number (unix seconds or ms) or a string of either kind. */
export function parseTimestampValue(value: unknown): number {
  if (typeof value === 'number')
    return Number.isFinite(value) ? (value >= MS_THRESHOLD ? value : value * 1000) : Number.NaN;
  if (typeof value === 'string') return parseTimestamp(value);
  return Number.NaN;
}
