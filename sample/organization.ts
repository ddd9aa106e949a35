import {addDays, differenceInCalendarDays} from "date-fns";
import {day, isoDay} from "../src/engine/calendar";
import {round, seeded} from "./random";
import type {
  AnnualGoal,
  CheckIn,
  Imperative,
  KeyResult,
  Objective,
  Organization,
  Person,
  RetrospectiveNote,
  Team,
} from "./types";

/**
 * Northstar Analytics, the built-in sample organization: a B2B software company
 * with four strategic imperatives, six annual goals and seven teams, seen midway
 * through its fourth quarter. A few objectives are misaligned on purpose so the
 * alignment check has something to find.
 */

const person = (name: string): Person => ({name, email: `${name.split(" ")[0].toLowerCase()}@northstar.example.com`});

export const People = {
  ceo: person("Maya Lindqvist"),
  sales: person("Diego Ramos"),
  marketing: person("Priya Natarajan"),
  product: person("Tom Okafor"),
  engineering: person("Hana Sato"),
  success: person("Lena Fischer"),
  people: person("Sam Whitaker"),
  finance: person("Grace Mbeki"),
  ae: person("Jonah Price"),
  pm: person("Aisha Rahman"),
  sre: person("Mateo Silva"),
  csm: person("Ivy Chen"),
};

const imperatives: Imperative[] = [
  {
    id: "SI1",
    name: "Win the mid-market",
    owner: People.ceo.name,
    description: "Be the first choice for analytics teams at companies of 200 to 2,000 people.",
  },
  {
    id: "SI2",
    name: "Become a platform",
    owner: People.product.name,
    description: "Let customers and partners build on Northstar instead of around it.",
  },
  {
    id: "SI3",
    name: "Grow efficiently",
    owner: People.finance.name,
    description: "Every new dollar of revenue costs less to win and to serve.",
  },
  {
    id: "SI4",
    name: "A place where great people do their best work",
    owner: People.people.name,
    description: "Hire, grow and keep people who raise the bar.",
  },
];

const goals: AnnualGoal[] = [
  {id: "AG1", name: "Grow ARR from $38M to $52M", imperativeId: "SI1", owner: People.sales.name, fiscalYear: 2026},
  {id: "AG2", name: "Net revenue retention of 115%", imperativeId: "SI1", owner: People.success.name, fiscalYear: 2026},
  {
    id: "AG3",
    name: "Launch the partner API with 20 integrations",
    imperativeId: "SI2",
    owner: People.product.name,
    fiscalYear: 2026,
  },
  {
    id: "AG4",
    name: "New customers see value within 14 days",
    imperativeId: "SI2",
    owner: People.success.name,
    fiscalYear: 2026,
  },
  {id: "AG5", name: "Reach a 10% operating margin", imperativeId: "SI3", owner: People.finance.name, fiscalYear: 2026},
  {
    id: "AG6",
    name: "Engagement of 80 and regretted attrition under 6%",
    imperativeId: "SI4",
    owner: People.people.name,
    fiscalYear: 2026,
  },
];

const teams: Team[] = [
  {id: "sales", name: "Sales", lead: People.sales},
  {id: "marketing", name: "Marketing", lead: People.marketing},
  {id: "product", name: "Product", lead: People.product},
  {id: "engineering", name: "Engineering", lead: People.engineering},
  {id: "success", name: "Customer Success", lead: People.success},
  {id: "people", name: "People", lead: People.people},
  {id: "finance", name: "Finance", lead: People.finance},
];

const Cycle = {name: "FY2026 Q4", start: "2026-10-01", end: "2026-12-31"};
const AsOf = "2026-11-20";

const objectives: Objective[] = [
  {
    id: "O1",
    name: "Close the quarter with record mid-market bookings",
    teamId: "sales",
    owner: People.sales,
    cycle: Cycle.name,
    goalIds: ["AG1"],
  },
  {
    id: "O2",
    name: "Make every rep productive within 60 days",
    teamId: "sales",
    owner: People.ae,
    cycle: Cycle.name,
    goalIds: ["AG1", "AG5"],
  },
  {
    id: "O3",
    name: "Fill the pipeline with qualified mid-market demand",
    teamId: "marketing",
    owner: People.marketing,
    cycle: Cycle.name,
    goalIds: ["AG1"],
  },
  {id: "O4", name: "Refresh the brand", teamId: "marketing", owner: People.marketing, cycle: Cycle.name, goalIds: []},
  {
    id: "O5",
    name: "Ship the partner API to general availability",
    teamId: "product",
    owner: People.product,
    cycle: Cycle.name,
    goalIds: ["AG3"],
  },
  {
    id: "O6",
    name: "Make onboarding self-serve",
    teamId: "product",
    owner: People.pm,
    cycle: Cycle.name,
    goalIds: ["AG4"],
  },
  {
    id: "O7",
    name: "Make the platform fast and dependable at scale",
    teamId: "engineering",
    owner: People.engineering,
    cycle: Cycle.name,
    goalIds: ["AG3", "AG2"],
  },
  {
    id: "O8",
    name: "Move reporting onto the new data warehouse",
    teamId: "engineering",
    owner: People.sre,
    cycle: Cycle.name,
    goalIds: ["AG9"],
  },
  {
    id: "O9",
    name: "Turn at-risk accounts into advocates",
    teamId: "success",
    owner: People.success,
    cycle: Cycle.name,
    goalIds: ["AG2", "AG4"],
  },
  {
    id: "O10",
    name: "Grow revenue inside the base",
    teamId: "success",
    owner: People.csm,
    cycle: Cycle.name,
    goalIds: ["AG2"],
  },
  {
    id: "O11",
    name: "Hire the leaders the plan needs",
    teamId: "people",
    owner: People.people,
    cycle: Cycle.name,
    goalIds: ["AG6"],
  },
  {
    id: "O12",
    name: "Give every manager a coaching rhythm",
    teamId: "people",
    owner: People.people,
    cycle: Cycle.name,
    goalIds: ["AG6"],
  },
  {
    id: "O13",
    name: "Bring cost to serve down",
    teamId: "finance",
    owner: People.finance,
    cycle: Cycle.name,
    goalIds: ["AG5"],
  },
  {
    id: "O14",
    name: "Close the books in five days",
    teamId: "finance",
    owner: People.finance,
    cycle: Cycle.name,
    goalIds: ["AG5"],
  },
];

/**
 * Key results as [id, objective, name, owner, start, target, pace, unit, kind,
 * confidence, weight]. Pace is where the trend lands by the cycle's end as a share
 * of the way from start to target, so the check-ins tell a believable story.
 */
type KeyResultRow = [string, string, string, Person, number, number, number, string, KeyResult["kind"], number, number];

const keyResultRows: KeyResultRow[] = [
  ["KR1", "O1", "New mid-market bookings", People.sales, 0, 4_200_000, 0.92, "$", "Auto", 0.7, 2],
  ["KR2", "O1", "Win rate on qualified opportunities", People.ae, 18, 26, 0.55, "%", "Auto", 0.5, 1],
  ["KR3", "O1", "Average sales cycle in days", People.ae, 74, 60, 0.35, "days", "Auto", 0.4, 1],
  ["KR4", "O2", "Days to first closed deal for new reps", People.ae, 95, 60, 0.8, "days", "Auto", 0.6, 1],
  ["KR5", "O2", "Reps certified on the new pitch", People.sales, 0, 24, 1.05, "reps", "Auto", 0.9, 1],
  ["KR6", "O3", "Sales-qualified opportunities created", People.marketing, 0, 320, 0.97, "opps", "Auto", 0.8, 2],
  ["KR7", "O3", "Cost per qualified opportunity", People.marketing, 2400, 1800, 0.6, "$", "Auto", 0.5, 1],
  ["KR8", "O4", "Brand guidelines adopted across all channels", People.marketing, 0, 100, 0.7, "%", "Auto", 0.7, 1],
  ["KR9", "O5", "Endpoints live in the public API", People.product, 12, 40, 1.0, "endpoints", "Auto", 0.85, 1],
  ["KR10", "O5", "Partners building on the beta", People.pm, 3, 20, 0.45, "partners", "Auto", 0.3, 2],
  ["KR11", "O5", "Published integrations", People.pm, 4, 20, 0.4, "integrations", "Auto", 0.25, 1],
  ["KR12", "O6", "Customers finishing onboarding without help", People.pm, 22, 60, 0.9, "%", "Auto", 0.7, 1],
  ["KR13", "O6", "Median days to first dashboard", People.pm, 31, 14, 0.85, "days", "Auto", 0.65, 1],
  ["KR14", "O7", "p95 query latency in ms", People.engineering, 1800, 800, 1.0, "ms", "Auto", 0.8, 1],
  ["KR15", "O7", "Monthly uptime", People.sre, 99.5, 99.95, 1, "%", "StayAbove", 0.9, 1],
  ["KR16", "O7", "Sev-1 incidents per month", People.sre, 4, 1, 0.5, "incidents", "StayBelow", 0.6, 1],
  ["KR17", "O8", "Reports moved to the warehouse", People.sre, 0, 140, 0.5, "reports", "Auto", 0.55, 1],
  ["KR18", "O9", "At-risk accounts with a recovery plan", People.success, 10, 100, 1.0, "%", "Auto", 0.8, 1],
  ["KR19", "O9", "Gross revenue churn this quarter", People.csm, 3.1, 1.8, 0.3, "%", "Auto", 0.2, 2],
  ["KR20", "O10", "Expansion bookings", People.csm, 0, 1_100_000, 0.75, "$", "Auto", 0.55, 2],
  ["KR21", "O10", "Accounts with an executive sponsor", People.success, 40, 80, 0.95, "accounts", "Auto", 0.75, 1],
  ["KR22", "O11", "Director roles filled", People.people, 0, 6, 0.65, "hires", "Auto", 0.5, 1],
  ["KR23", "O11", "Offer acceptance rate", People.people, 70, 85, 1.0, "%", "Auto", 0.85, 1],
  ["KR24", "O12", "Managers holding weekly one-to-ones", People.people, 45, 95, 0.98, "%", "Auto", 0.8, 1],
  ["KR25", "O12", "Engagement score", People.people, 71, 78, 0.6, "points", "Auto", 0.5, 1],
  ["KR26", "O13", "Hosting cost per customer per month", People.finance, 410, 330, 0.95, "$", "Auto", 0.8, 2],
  ["KR27", "O13", "Support tickets per 100 customers", People.csm, 58, 40, 0.5, "tickets", "Auto", 0.5, 1],
  ["KR28", "O14", "Days to close the books", People.finance, 11, 5, 0.9, "days", "Auto", 0.75, 1],
];

/** What the sales team has written so far about two of its key results. */
const retrospective: RetrospectiveNote[] = [
  {
    keyResultId: "KR1",
    happened: "Two large renewals slipped into January, but the new mid-market package carried most of the quarter.",
    learnt: "Forecast bookings from signed order forms only; verbal commits moved too often to plan on.",
  },
  {
    keyResultId: "KR3",
    happened: "Legal review added a week to most deals until the standard contract was shortened in November.",
    learnt: "Fix the paperwork before chasing speed in the calls.",
  },
  {
    keyResultId: "KR6",
    happened: "Webinars with two customer speakers filled the pipeline faster than paid search did.",
    learnt: "Book customer speakers a quarter ahead; they are the scarce part.",
  },
  {
    keyResultId: "KR9",
    happened: "The endpoint work ran ahead once the schema review moved to a weekly slot.",
    learnt: "A fixed review slot beats reviews on request.",
  },
  {
    keyResultId: "KR14",
    happened: "Caching the top twenty dashboards did most of the latency work by itself.",
    learnt: "Measure which queries users actually run before tuning the engine.",
  },
  {
    keyResultId: "KR18",
    happened: "Every at-risk account got an owner in the first month; plans followed.",
    learnt: "Name the owner first; the plan comes quickly after.",
  },
  {
    keyResultId: "KR22",
    happened: "Two director searches restarted after late declines.",
    learnt: "Keep a second finalist warm until the offer is signed.",
  },
  {
    keyResultId: "KR26",
    happened: "The reserved-capacity deal cut hosting cost in one step in October.",
    learnt: "Negotiate capacity before optimizing workloads one by one.",
  },
];

const Notes = [
  "On plan",
  "Slipped a little this week",
  "Good week",
  "Blocked on a dependency",
  "Recovered after last week",
  "Steady",
];

/** Weekly check-ins from the cycle's start to asOf that follow the key result's pace. */
function checkInsFor(row: KeyResultRow, random: () => number): CheckIn[] {
  const [, , , , start, target, pace, unit, kind, confidence] = row;
  const first = day(Cycle.start);
  const asOf = day(AsOf);
  const cycleDays = differenceInCalendarDays(day(Cycle.end), first);
  const checkIns: CheckIn[] = [];
  for (let d = 7; d <= differenceInCalendarDays(asOf, first); d += 7) {
    const elapsed = d / cycleDays;
    let value: number;
    if (kind === "Auto") {
      const wobble = (random() - 0.5) * 0.06;
      value = start + (target - start) * Math.max(0, pace * elapsed + wobble * elapsed);
    } else {
      // A level to hold: hovers around the target, on the right side when pace is 1.
      const side = pace >= 1 ? 1 : random() < pace ? 1 : -1;
      const margin = Math.abs(target - start) * (0.05 + random() * 0.1) * side;
      value = kind === "StayAbove" ? target + margin : target - margin;
    }
    const scale = unit === "%" ? 2 : Math.abs(target - start) >= 10 ? 0 : 1;
    checkIns.push({
      date: isoDay(addDays(first, d)),
      value: round(value, scale),
      confidence: round(Math.min(1, Math.max(0, confidence + (random() - 0.5) * 0.1)), 2),
      note: Notes[Math.floor(random() * Notes.length)],
    });
  }
  const last = checkIns[checkIns.length - 1];
  last.confidence = confidence;
  return checkIns;
}

export function sampleOrganization(): Organization {
  const random = seeded(2026);
  const keyResults: KeyResult[] = keyResultRows.map(row => {
    const [id, objectiveId, name, owner, start, target, , unit, kind, confidence, weight] = row;
    const checkIns = checkInsFor(row, random);
    return {
      id,
      name,
      objectiveId,
      owner,
      start,
      target,
      kind,
      confidence,
      weight,
      unit,
      checkIns,
      current: checkIns[checkIns.length - 1].value,
    };
  });
  // One key result nobody has updated for weeks: the review should call it stale.
  const stale = keyResults.find(kr => kr.id === "KR8")!;
  stale.checkIns = stale.checkIns.slice(0, 2);
  stale.current = stale.checkIns[1].value;
  // Not every key result moves weekly: a level held all quarter is checked monthly.
  keyResults.find(kr => kr.id === "KR15")!.cadence = "Monthly";
  keyResults.find(kr => kr.id === "KR5")!.cadence = "Every 2 weeks";
  return {
    name: "Northstar Analytics",
    asOf: AsOf,
    cycle: Cycle,
    imperatives,
    goals,
    teams,
    objectives,
    keyResults,
    retrospective,
  };
}
