import {fail} from "./errors";
import {agendaTimes} from "./meetings";
import type {MeetingKind} from "./meetings";

/**
 * Builds the next leadership meeting's agenda from live data. Reviews stay short
 * (a fifth of the meeting), the top issues get most of the time in ten-minute
 * boxes, and the time boxes add up to the meeting's length exactly.
 */

export interface AgendaSource {
  name: string;
  owner?: string;
  link?: string;
  detail?: string;
}

export interface AgendaInputs {
  length: number;
  facilitator?: string;
  hotItems: AgendaSource[];
  keyResults: AgendaSource[];
  issues: AgendaSource[];
  decisionsDue: AgendaSource[];
  overdueActions: AgendaSource[];
  messages: AgendaSource[];
  /** The last meeting, when it was low-health: reviewed right after the hot metrics. */
  meetingHealth?: AgendaSource[];
  /** Risks whose trigger has fired: reviewed first. */
  firedRisks?: AgendaSource[];
}

export interface AgendaItem {
  order: number;
  item: string;
  kind: MeetingKind;
  minutes: number;
  timeBox: string;
  owner?: string;
  source: string;
  link?: string;
}

export const AgendaRules = {
  checkIn: 5,
  close: 5,
  reviewShare: 0.2,
  perReview: 2,
  perDecision: 3,
  maxDecisions: 2,
  perAction: 1,
  maxActions: 5,
  messages: 5,
  perIssue: 10,
  minIssueShare: 0.5,
} as const;

/** An item before its place and clock times are known. */
type Draft = Omit<AgendaItem, "order" | "timeBox">;

export function buildAgenda(input: AgendaInputs): AgendaItem[] {
  const L = input.length;
  if (!Number.isInteger(L) || L < 30 || L > 480) {
    fail(`lengthMinutes must be a whole number of minutes from 30 to 480, not ${L}.`);
  }
  const R = AgendaRules;
  const head: Draft[] = [
    {
      item: "Check-in: one sentence each on where you are",
      kind: "Check-in",
      minutes: R.checkIn,
      owner: input.facilitator,
      source: "Meeting",
    },
  ];
  const tail: Draft[] = [];
  // Reviews: hot metrics first, then off-track and at-risk key results, within a fifth of the meeting.
  const reviewSlots = Math.floor((L * R.reviewShare) / R.perReview);
  const reviews: Draft[] = [
    ...(input.firedRisks ?? []).map(r => ({
      item: `Risk fired: ${r.name}${r.detail ? ` (${r.detail})` : ""}`,
      kind: "Information" as const,
      minutes: R.perReview,
      owner: r.owner,
      source: "Risk register",
      link: r.link,
    })),
    ...input.hotItems.map(h => ({
      item: `Hot metric: ${h.name}${h.detail ? ` (${h.detail})` : ""}`,
      kind: "Information" as const,
      minutes: R.perReview,
      owner: h.owner,
      source: "Health metrics",
      link: h.link,
    })),
    ...(input.meetingHealth ?? []).map(h => ({
      item: `Meeting health: ${h.name}${h.detail ? ` (${h.detail})` : ""}`,
      kind: "Information" as const,
      minutes: R.perReview,
      owner: h.owner ?? input.facilitator,
      source: "Meeting health",
      link: h.link,
    })),
    ...input.keyResults.map(k => ({
      item: `Key result: ${k.name}${k.detail ? ` (${k.detail})` : ""}`,
      kind: "Information" as const,
      minutes: R.perReview,
      owner: k.owner,
      source: "OKRs",
      link: k.link,
    })),
  ];
  const shown = reviews.slice(0, reviewSlots);
  if (reviews.length > shown.length && shown.length) {
    const last = shown[shown.length - 1];
    shown[shown.length - 1] = {
      ...last,
      item: `${last.item}; ${reviews.length - shown.length} more in the HotItems and KeyResults tables`,
    };
  }
  const decisions = input.decisionsDue.slice(0, R.maxDecisions).map(d => ({
    item: `Review decision: ${d.name}`,
    kind: "Decision" as const,
    minutes: R.perDecision,
    owner: d.owner,
    source: "Decision log",
    link: d.link,
  }));
  const actions = input.overdueActions.slice(0, R.maxActions).map(a => ({
    item: `Overdue action: ${a.name}${a.detail ? ` (${a.detail})` : ""}`,
    kind: "Status" as const,
    minutes: R.perAction,
    owner: a.owner,
    source: "Action items",
    link: a.link,
  }));
  if (input.overdueActions.length > actions.length && actions.length) {
    const last = actions[actions.length - 1];
    actions[actions.length - 1] = {
      ...last,
      item: `${last.item}; ${input.overdueActions.length - actions.length} more overdue`,
    };
  }
  const messages = input.messages.map(m => m.name).join("; ");
  tail.push(...decisions, ...actions);
  tail.push({
    item: messages
      ? `Messages to cascade: ${messages}`
      : "Messages to cascade: agree what each leader tells their team",
    kind: "Information",
    minutes: R.messages,
    owner: input.facilitator,
    source: "Meeting",
  });
  tail.push({
    item: "Close: decisions, owners and due dates read back",
    kind: "Check-in",
    minutes: R.close,
    owner: input.facilitator,
    source: "Meeting",
  });

  // Problem solving gets the rest, and at least half the meeting: trim reviews first, then the tail, if needed.
  const fixed = () => [...head, ...shown, ...tail].reduce((n, d) => n + d.minutes, 0);
  const floor = Math.ceil(L * R.minIssueShare);
  while (L - fixed() < floor && shown.length) shown.pop();
  while (L - fixed() < floor && tail.length > 2) tail.shift();
  const remaining = L - fixed();
  const problem = problemSolving(input.issues, remaining, input.facilitator);

  const drafts = [...head, ...shown, ...problem, ...tail];
  const boxes = agendaTimes(drafts.map(d => d.minutes));
  return drafts.map((d, i) => ({...d, order: i + 1, timeBox: boxes[i]}));
}

/**
 * The problem-solving time: a ten-minute box for each issue, in the order given,
 * as many as the minutes hold. The minutes left over go to the next issue on the
 * list as time allows (fewer than ten), or, once the list has run out, to the
 * issues the team raises in the room.
 */
function problemSolving(issues: readonly AgendaSource[], minutes: number, facilitator: string | undefined): Draft[] {
  const boxed = issues.slice(0, Math.floor(minutes / AgendaRules.perIssue));
  const out: Draft[] = boxed.map(i => ({
    item: `Solve: ${i.name}${i.detail ? ` (${i.detail})` : ""}`,
    kind: "Problem solving" as const,
    minutes: AgendaRules.perIssue,
    owner: i.owner,
    source: "Issues",
    link: i.link,
  }));
  const left = minutes - boxed.length * AgendaRules.perIssue;
  if (!left) return out;
  const next = issues[boxed.length];
  const more = issues.length - boxed.length - 1;
  out.push(
    next
      ? {
          item: `If time allows, solve: ${next.name}${next.detail ? ` (${next.detail})` : ""}${more > 0 ? `; ${more} more on the issues list` : ""}`,
          kind: "Problem solving",
          minutes: left,
          owner: next.owner,
          source: "Issues",
          link: next.link,
        }
      : {
          item: "Open issues: raise and solve what blocks the team",
          kind: "Problem solving",
          minutes: left,
          owner: facilitator,
          source: "Meeting",
        },
  );
  return out;
}

export interface Leader {
  name: string;
  /** 1 is the most senior. */
  seniority?: number;
  role?: string;
}

/**
 * The next facilitator: leaders take turns in the order listed, skipping the
 * most senior leader, who should take part rather than run the meeting.
 */
export function nextFacilitator(leaders: readonly Leader[], pastFacilitators: readonly string[]): string | undefined {
  if (!leaders.length) return undefined;
  const ranked = leaders.filter(l => l.seniority !== undefined);
  const chief =
    leaders.find(l => /\b(ceo|chief executive|president|managing director)\b/i.test(l.role ?? "")) ??
    (ranked.length ? ranked.reduce((a, b) => (b.seniority! < a.seniority! ? b : a)) : undefined);
  const eligible = leaders.filter(l => l !== chief);
  if (!eligible.length) return leaders[0].name;
  const last = [...pastFacilitators].reverse().find(name => eligible.some(l => l.name === name));
  if (last === undefined) return eligible[0].name;
  const at = eligible.findIndex(l => l.name === last);
  return eligible[(at + 1) % eligible.length].name;
}

/** How many issues the votes put first on the agenda. */
export const TopVotedIssues = 3;

export interface AgendaIssue {
  votes: number;
  /** 1 is high. */
  priority: number;
  longTerm: boolean;
}

/**
 * The order issues come up in: the top three by votes (then priority) first,
 * then the rest in the issues list's order, as time allows. A weekly meeting
 * takes this week's issues; a quarterly meeting or an offsite takes the
 * long-term list first, then this week's.
 */
export function issuesForAgenda<T extends AgendaIssue>(issues: readonly T[], longTermMeeting: boolean): T[] {
  const ordered = (pool: readonly T[]) => {
    const top = pool
      .filter(i => i.votes > 0)
      .sort((a, b) => b.votes - a.votes || a.priority - b.priority)
      .slice(0, TopVotedIssues);
    return [...top, ...pool.filter(i => !top.includes(i))];
  };
  const week = ordered(issues.filter(i => !i.longTerm));
  return longTermMeeting ? [...ordered(issues.filter(i => i.longTerm)), ...week] : week;
}
