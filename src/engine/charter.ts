import {normalize} from "./columns";
import type {Maybe} from "./contract";
import {isBlank, list, quote, sameLength, show} from "./contract";
import {said} from "./names";
import {fail} from "./errors";

/**
 * The leaders' charter: how peer leaders agree to decide together. Each leader
 * answers five questions (what we own together, what is at risk and how much
 * risk they accept, their red lines, whose expertise they defer to, and their
 * lane); the findings say where the next conversation should start.
 */

export const Authorities = ["Decides alone", "Coordinates", "Owns outright"] as const;
export type Authority = (typeof Authorities)[number];

const AuthorityWords: Record<string, Authority> = {
  decidesalone: "Decides alone",
  alone: "Decides alone",
  decides: "Decides alone",
  sole: "Decides alone",
  coordinates: "Coordinates",
  coordinate: "Coordinates",
  coordinated: "Coordinates",
  coordinateswith: "Coordinates",
  ownsoutright: "Owns outright",
  owns: "Owns outright",
  outright: "Owns outright",
};

export function parseAuthority(text: string): Authority | undefined {
  return AuthorityWords[normalize(text)];
}

export interface LaneAnswer {
  leader: string;
  /** The kind of decision, or the outcome owned outright. */
  kind: string;
  authority?: Authority;
  with: readonly string[];
}

export interface SharedOutcome {
  outcome: string;
  agreed: readonly string[];
  notYet: readonly string[];
}

export interface ToleranceAnswer {
  leader: string;
  area: string;
  tolerance?: number;
}

/** Risk tolerance runs from 1 (avoid risk) to 5 (seek it). */
export const ToleranceScale = {low: 1, high: 5} as const;

const same = (a: string, b: string) => normalize(a) === normalize(b);
const has = (list: readonly string[], name: string) => list.some(x => same(x, name));
const names = (list: readonly string[]) => list.map(said).join(", ");

/** Who has not agreed to share an outcome: those who said not yet, and every leader on the roster who has not answered. */
export function outcomeGaps(
  o: SharedOutcome,
  roster: readonly string[],
): {notYet: string[]; unanswered: string[]; findings: string[]} {
  const notYet = o.notYet.filter(n => !has(o.agreed, n));
  const unanswered = roster.filter(n => !has(o.agreed, n) && !has(o.notYet, n));
  const findings: string[] = [];
  if (notYet.length || unanswered.length) {
    const who = [
      notYet.length ? `${names(notYet)} said not yet` : "",
      unanswered.length ? `${names(unanswered)} ${unanswered.length === 1 ? "has" : "have"} not answered` : "",
    ]
      .filter(Boolean)
      .join("; ");
    findings.push(
      `Not everyone shares this outcome yet: ${who}. Until all agree it is jointly owned, collaboration on it stays optional.`,
    );
  }
  if (!o.agreed.length && !o.notYet.length && !roster.length) {
    findings.push("Nobody has answered: ask each leader whether they share this outcome.");
  }
  return {notYet, unanswered, findings};
}

/** Findings on each lane answer, in the order given: shared outright ownership, kinds nobody decides, coordination with nobody. */
export function laneFindings(lanes: readonly LaneAnswer[]): string[][] {
  const byKind = new Map<string, number[]>();
  lanes.forEach((l, i) => {
    const key = normalize(l.kind);
    if (!key) return;
    byKind.set(key, [...(byKind.get(key) ?? []), i]);
  });
  return lanes.map(l => {
    const out: string[] = [];
    const peers = (byKind.get(normalize(l.kind)) ?? []).map(i => lanes[i]);
    if (l.authority === "Owns outright") {
      const others = peers
        .filter(p => p !== l && p.authority === "Owns outright" && !same(p.leader, l.leader))
        .map(p => p.leader);
      if (others.length) {
        out.push(
          `${said(l.leader)} and ${names(others)} both own ${quote(l.kind)} outright: one leader owns an outcome outright; the others coordinate.`,
        );
      }
    }
    if (l.kind && peers.length && peers.every(p => p.authority === "Coordinates")) {
      out.push(
        `Nobody decides ${quote(l.kind)}: every leader who named it coordinates on it. Name the one leader who decides.`,
      );
    }
    if (l.authority === "Coordinates" && !l.with.length) {
      out.push(`${said(l.leader)} coordinates on ${quote(l.kind)} with nobody named: say with whom.`);
    }
    if (!l.authority) {
      out.push(
        `Say whether ${said(l.leader)} decides ${quote(l.kind || "this")} alone, coordinates on it, or owns it outright.`,
      );
    }
    return out;
  });
}

export interface Spread {
  area: string;
  low: number;
  high: number;
  spread: number;
  lowLeaders: string[];
  highLeaders: string[];
  sentence: string;
}

/** The area where the leaders' stated risk tolerance spreads widest: where the next conversation should start. */
export function widestSpread(answers: readonly ToleranceAnswer[]): Spread | undefined {
  const byArea = new Map<string, ToleranceAnswer[]>();
  for (const a of answers) {
    if (a.tolerance === undefined || !normalize(a.area)) continue;
    const key = normalize(a.area);
    byArea.set(key, [...(byArea.get(key) ?? []), a]);
  }
  let best: Spread | undefined;
  for (const list of byArea.values()) {
    const values = list.map(a => a.tolerance!);
    const low = Math.min(...values);
    const high = Math.max(...values);
    if (high - low <= 0 || (best && high - low <= best.spread)) continue;
    const at = (v: number) => list.filter(a => a.tolerance === v).map(a => a.leader);
    const area = list[0].area;
    best = {
      area,
      low,
      high,
      spread: high - low,
      lowLeaders: at(low),
      highLeaders: at(high),
      sentence: `Risk tolerance on ${said(area)} spreads widest, from ${show(low)} (${names(at(low))}) to ${show(high)} (${names(at(high))}): start the next conversation there.`,
    };
  }
  return best;
}

export interface DecisionFacts {
  owners: readonly string[];
  approvers: readonly string[];
  consulted: readonly string[];
  kind: string;
}

/**
 * Whether a decision sits in its owner's lane: a decision owned outside the
 * owner's lane, over-collaboration on a decision one leader may take alone, and
 * coordination the owner's lane asks for but the decision left out.
 */
export function laneCheck(d: DecisionFacts, lanes: readonly LaneAnswer[]): string[] {
  if (!d.kind.trim()) return [];
  const forKind = lanes.filter(l => same(l.kind, d.kind));
  if (!forKind.length) return [];
  const out: string[] = [];
  const deciders = forKind.filter(l => l.authority === "Decides alone" || l.authority === "Owns outright");
  const owner = d.owners[0];
  if (owner) {
    const mine = forKind.filter(l => same(l.leader, owner));
    const decidesHere = mine.some(l => l.authority === "Decides alone" || l.authority === "Owns outright");
    if (!decidesHere && deciders.length) {
      out.push(
        `${said(owner)} owns this decision, but ${quote(d.kind)} lies in ${names(deciders.map(l => l.leader))}'s lane: the lane's owner decides, or the lanes change.`,
      );
    } else if (!mine.length) {
      out.push(
        `${quote(d.kind)} is not in ${said(owner)}'s lane: add it to the Lanes table or give the decision to the leader whose lane it is.`,
      );
    }
    const alone = mine.find(l => l.authority === "Decides alone" || l.authority === "Owns outright");
    const others = [...d.approvers, ...d.consulted].filter(n => !same(n, owner));
    const coordinate = mine.filter(l => l.authority === "Coordinates");
    const approvers = d.approvers.filter(n => !same(n, owner)).length;
    if (alone && !coordinate.length && approvers) {
      out.push(
        `Over-collaboration: ${quote(d.kind)} is ${said(owner)}'s to decide alone, yet ${approvers} approver${approvers === 1 ? "" : "s"} signed off; consult if useful, but let the owner decide.`,
      );
    }
    for (const l of coordinate) {
      const missing = l.with.filter(w => !has(others, w));
      if (missing.length) {
        out.push(
          `${said(owner)}'s lane says to coordinate ${quote(d.kind)} with ${names(missing)}, who ${missing.length === 1 ? "is" : "are"} neither approver nor consulted.`,
        );
      }
    }
  }
  return out;
}

/** Lanes given as three lists side by side, as a formula takes them: each leader, the kind of decision, and the authority. */
export function lanesFrom(
  leaders: readonly Maybe<string>[],
  kinds: readonly Maybe<string>[],
  authorities: readonly Maybe<string>[],
): LaneAnswer[] {
  list("laneLeaders", leaders);
  sameLength(["laneLeaders", "laneKinds"], leaders, kinds);
  sameLength(["laneLeaders", "laneAuthorities"], leaders, authorities);
  const out: LaneAnswer[] = [];
  leaders.forEach((leader, i) => {
    const authorityText = String(authorities[i] ?? "").trim();
    const authority = parseAuthority(authorityText);
    if (authorityText && !authority) {
      fail(`Lane ${i + 1} has the authority ${quote(authorityText)}; use one of: ${Authorities.join(", ")}.`);
    }
    if (isBlank(leader) || !String(leader).trim()) return;
    out.push({leader: String(leader).trim(), kind: String(kinds[i] ?? "").trim(), authority, with: []});
  });
  return out;
}
