import {addMonths} from "date-fns/addMonths";
import {subDays} from "date-fns/subDays";
import type {Day} from "./calendar";
import {inRange, isoDay, utcDay} from "./calendar";
import type {Maybe} from "./contract";
import {count, isBlank, quote} from "./contract";
import {fail} from "./errors";

export interface Cycle {
  name: string;
  start: Day;
  end: Day;
  number: number;
  fiscalYear: number;
}

export const CycleLengths = [1, 2, 3, 4, 6, 12] as const;

/** The month a fiscal year starts: 1 (January) to 12, January when blank. */
export function fiscalStartMonth(value: Maybe<number>): number {
  return count("fiscalYearStartMonth", value, 1, 12, 1);
}

function cycleName(fiscalYear: number, months: number, number: number): string {
  switch (months) {
    case 12:
      return `FY${fiscalYear}`;
    case 6:
      return `FY${fiscalYear} H${number}`;
    case 3:
      return `FY${fiscalYear} Q${number}`;
    default:
      return `FY${fiscalYear} C${number}`;
  }
}

/**
 * The OKR cycle that contains a date. A fiscal year is named by the calendar year
 * in which it ends (a year starting in July 2026 is FY2027). Cycles tile the year.
 */
export function okrCycle(date: Day, monthsPerCycle?: Maybe<number>, fiscalYearStartMonth?: Maybe<number>): Cycle {
  const months = count("monthsPerCycle", monthsPerCycle, 1, 12, 3);
  if (!(CycleLengths as readonly number[]).includes(months)) {
    fail(`monthsPerCycle must divide the year evenly: use one of ${CycleLengths.join(", ")}, not ${months}.`);
  }
  const startMonth = fiscalStartMonth(fiscalYearStartMonth);
  inRange("The date", date);

  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth();
  const monthsIntoFiscalYear = (((monthIndex - (startMonth - 1)) % 12) + 12) % 12;
  const fiscalStartIndex = monthIndex - monthsIntoFiscalYear;
  const number = Math.floor(monthsIntoFiscalYear / months) + 1;
  const cycleStartIndex = fiscalStartIndex + (number - 1) * months;
  const start = inRange("The cycle", utcDay(Math.floor(cycleStartIndex / 12), cycleStartIndex % 12, 1));
  const end = inRange("The cycle", subDays(addMonths(start, months), 1));
  const fiscalYearEndIndex = fiscalStartIndex + 11;
  const fiscalYear = Math.floor(fiscalYearEndIndex / 12);
  if (fiscalYear > 9999) fail(`The date falls in fiscal year ${fiscalYear}: fiscal years run up to 9999.`);
  return {name: cycleName(fiscalYear, months, number), start, end, number, fiscalYear};
}

export function cycleToRow(cycle: Cycle) {
  return {
    name: cycle.name,
    start: isoDay(cycle.start),
    end: isoDay(cycle.end),
    number: cycle.number,
    fiscalYear: cycle.fiscalYear,
  };
}

/**
 * The cycle a name like "FY2026 Q4", "FY2027 H1", "FY2026" or "FY2026 C3" stands
 * for. C cycles need their length in months, which the name does not say.
 */
export function cycleFromName(
  name: string,
  fiscalYearStartMonth?: Maybe<number>,
  monthsPerCycle?: Maybe<number>,
): Cycle {
  const match = /^\s*FY\s?(\d{4})(?:\s+([QHC])(\d{1,2}))?\s*$/i.exec(name);
  if (!match) fail(`${quote(name)} is not a cycle name such as FY2026 Q4, FY2026 H1 or FY2026.`);
  const fiscalYear = Number(match[1]);
  const letter = (match[2] ?? "").toUpperCase();
  const number = match[3] ? Number(match[3]) : 1;
  let months: number;
  if (letter === "Q") months = 3;
  else if (letter === "H") months = 6;
  else if (letter === "") months = 12;
  else {
    if (isBlank(monthsPerCycle)) {
      fail(`The cycle ${quote(name)} does not say how many months it lasts: set monthsPerCycle.`);
    }
    months = count("monthsPerCycle", monthsPerCycle, 1, 12);
    if (!(CycleLengths as readonly number[]).includes(months)) {
      fail(`monthsPerCycle must divide the year evenly: use one of ${CycleLengths.join(", ")}, not ${months}.`);
    }
  }
  if (number < 1 || number > 12 / months) {
    fail(`${quote(name)} names cycle ${number}, but a fiscal year has only ${12 / months} cycles of ${months} months.`);
  }
  const startMonth = fiscalStartMonth(fiscalYearStartMonth);
  // The fiscal year ends in calendar year `fiscalYear`, in the month before it starts again.
  const lastMonthIndex = fiscalYear * 12 + ((startMonth + 10) % 12);
  const firstMonthIndex = lastMonthIndex - 11;
  const startIndex = firstMonthIndex + (number - 1) * months;
  return okrCycle(
    inRange(`The cycle ${quote(name)}`, utcDay(Math.floor(startIndex / 12), startIndex % 12, 1)),
    months,
    startMonth,
  );
}
