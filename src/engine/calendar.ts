import {UTCDate} from "@date-fns/utc";
import {addDays} from "date-fns/addDays";
import {differenceInCalendarDays} from "date-fns/differenceInCalendarDays";
import {isValid} from "date-fns/isValid";
import {lightFormat} from "date-fns/lightFormat";
import {Contract, quote} from "./contract";
import {fail} from "./errors";

/**
 * Calendar days. A Day is the instant of midnight UTC of its calendar day, and all
 * date math runs on UTCDate so the host's own time zone never shifts a day.
 *
 * Reading a date (toDay) follows one rule: an instant is the calendar day it falls
 * on in the doc's time zone, which is how Coda passes a date-only value (midnight
 * in the doc's zone). An instant at exactly midnight UTC is no exception: in a
 * zone west of UTC it is the day before. Text is read as the ISO day it spells.
 * Without a time zone the nearest UTC midnight is taken, which is right within
 * ±12 hours of UTC. Days run from the year 1000 to 9999.
 */
export type Day = Date;

const DayMs = 24 * 60 * 60 * 1000;
const HalfDayMs = DayMs / 2;

/**
 * The Day of a year, month (0–11) and day of the month. Unlike Date.UTC, years 0
 * to 99 stay in their own century; the month and day may overflow as in Date.UTC.
 */
export function utcDay(year: number, month: number, date: number): Day {
  const d = new UTCDate(0);
  d.setUTCFullYear(year, month, date);
  d.setUTCHours(0, 0, 0, 0);
  return d;
}

/** The error for a day outside the years 1000 to 9999; `what` names it. */
export function inRange(what: string, d: Date): Day {
  const t = d.getTime();
  const year = Number.isNaN(t) ? NaN : new UTCDate(t).getUTCFullYear();
  if (!(year >= Contract.firstYear && year <= Contract.lastYear)) {
    fail(`${what} falls in the year ${Number.isNaN(year) ? "?" : year}: dates run from the year 1000 to 9999.`);
  }
  return d;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

/** Days already read, by zone and instant: a long list repeats its dates. */
const zoneDays = new Map<string, Map<number, number>>();

/** The calendar day of an instant in an IANA time zone, or undefined when the zone is unknown. */
function dayInZone(t: number, timezone: string): Day | undefined {
  let known = zoneDays.get(timezone);
  const hit = known?.get(t);
  if (hit !== undefined) return new UTCDate(hit);
  const found = readDayInZone(t, timezone);
  if (found) {
    if (!known || known.size > 50_000) zoneDays.set(timezone, (known = new Map()));
    known.set(t, found.getTime());
  }
  return found;
}

function readDayInZone(t: number, timezone: string): Day | undefined {
  let format = zoneFormats.get(timezone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone: timezone,
        year: "numeric",
        month: "numeric",
        day: "numeric",
        era: "short",
      });
    } catch {
      format = null; // An unknown zone, or no time-zone data in this runtime.
    }
    zoneFormats.set(timezone, format);
  }
  if (!format) return undefined;
  let year = NaN;
  let month = NaN;
  let date = NaN;
  let bc = false;
  for (const part of format.formatToParts(t)) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") date = Number(part.value);
    else if (part.type === "era") bc = /^B/i.test(part.value);
  }
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(date)) return undefined;
  return utcDay(bc ? 1 - year : year, month - 1, date);
}

/**
 * The calendar day a date parameter names: the day it falls on in the doc's time
 * zone (see the rule above). Text is read as an ISO date (YYYY-MM-DD).
 */
export function toDay(name: string, value: Date | string | number | null | undefined, timezone?: string): Day {
  if (value === null || value === undefined || value === "") fail(`${name} is blank: give it a date.`);
  if (typeof value === "string") return day(value, name);
  const date = value instanceof Date ? value : typeof value === "number" ? new Date(value) : undefined;
  if (!date || !isValid(date)) fail(`${name} is not a date: ${quote(value)}.`);
  const t = date.getTime();
  // Far outside the calendar (the largest date JavaScript holds, say): no zone brings it back.
  const utcYear = new UTCDate(t).getUTCFullYear();
  if (utcYear < Contract.firstYear - 1 || utcYear > Contract.lastYear + 1) inRange(name, date);
  return inRange(name, (timezone ? dayInZone(t, timezone) : undefined) ?? nearestUtcDay(t));
}

/** The day whose midnight UTC is nearest an instant: a day in a zone within ±12 hours of UTC. */
function nearestUtcDay(t: number): Day {
  const utc = new UTCDate(t + HalfDayMs);
  return utcDay(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

/** Parses an ISO calendar date (YYYY-MM-DD, anything after the day is ignored) as a Day. */
export function day(iso: string, name?: string): Day {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) fail(`${name ? `${name}: ` : ""}${quote(iso)} is not a date in the form YYYY-MM-DD.`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const d = utcDay(year, month - 1, date);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== date) {
    fail(`${name ? `${name}: ` : ""}${quote(match[0].trim())} is not a day of the calendar.`);
  }
  return inRange(name ?? quote(iso), d);
}

/** YYYY-MM-DD; a day outside the years 1000 to 9999 is an error, never a wrong date. */
export function isoDay(d: Date): string {
  inRange("The date", d);
  return lightFormat(new UTCDate(d.getTime()), "yyyy-MM-dd");
}

export function daysBetween(from: Date, to: Date): number {
  return differenceInCalendarDays(new UTCDate(to.getTime()), new UTCDate(from.getTime()));
}

export function plusDays(d: Date, days: number): Day {
  return addDays(new UTCDate(d.getTime()), days);
}

/**
 * Today's calendar day in the given IANA time zone (the doc's), falling back to
 * UTC when the runtime cannot resolve the zone.
 */
export function today(timezone?: string, now: Date = new Date()): Day {
  return (
    (timezone ? dayInZone(now.getTime(), timezone) : undefined) ??
    utcDay(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  );
}
