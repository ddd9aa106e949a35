import {UTCDate} from "@date-fns/utc";
import {addDays, differenceInCalendarDays, isValid, lightFormat} from "date-fns";
import {fail} from "./errors";

/**
 * Calendar days. Coda passes a date as the instant of midnight in the doc's time
 * zone, which lies within 14 hours of midnight UTC; rounding to the nearest UTC
 * midnight recovers the calendar day for every inhabited time zone. All date math
 * then runs on UTCDate so the host's own time zone never shifts a day.
 */
export type Day = Date;

const HalfDayMs = 12 * 60 * 60 * 1000;

export function toDay(name: string, value: Date | string | number | null | undefined): Day {
  if (value === null || value === undefined || value === "") fail(`${name} is blank: give it a date.`);
  const date = value instanceof Date ? value : new Date(value);
  if (!isValid(date)) fail(`${name} is not a date: ${String(value)}.`);
  const t = date.getTime();
  const utc = new UTCDate(t + HalfDayMs);
  return new UTCDate(Date.UTC(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate()));
}

/** Parses an ISO calendar date (YYYY-MM-DD) as a Day. */
export function day(iso: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) fail(`"${iso}" is not a date in the form YYYY-MM-DD.`);
  return new UTCDate(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

export function isoDay(d: Date): string {
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
  if (timezone) {
    try {
      const parts = new Intl.DateTimeFormat("en-CA", {
        timeZone: timezone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }).format(now);
      return day(parts);
    } catch {
      // Unknown zone or no time-zone data in this runtime: use UTC below.
    }
  }
  return new UTCDate(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
