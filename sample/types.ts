/** The plain shape of an organization's strategy and OKRs, as its docs hold them. */
export interface Imperative {
  id: string;
  name: string;
  owner: string;
  description: string;
}

export interface AnnualGoal {
  id: string;
  name: string;
  imperativeId: string;
  owner: string;
  fiscalYear: number;
}

export interface Person {
  name: string;
  email: string;
}

export interface Team {
  id: string;
  name: string;
  lead: Person;
}

export interface Objective {
  id: string;
  name: string;
  teamId: string;
  owner: Person;
  cycle: string;
  /** The annual goals it supports, by id; may name a goal that no longer exists. */
  goalIds: string[];
}

export interface CheckIn {
  date: string;
  value: number;
  confidence: number;
  note: string;
}

export interface KeyResult {
  id: string;
  name: string;
  objectiveId: string;
  owner: Person;
  start: number;
  target: number;
  current: number;
  kind: "Auto" | "StayAbove" | "StayBelow";
  confidence: number;
  weight: number;
  unit: string;
  checkIns: CheckIn[];
  /** How often its owner checks it in, as the team wrote it (weekly when blank). */
  cadence?: string;
}

/** What a team wrote about a key result when its cycle closed. */
export interface RetrospectiveNote {
  keyResultId: string;
  happened: string;
  learnt: string;
}

export interface Organization {
  name: string;
  /** The day the sample is seen from, so every run prints the same briefing. */
  asOf: string;
  cycle: {name: string; start: string; end: string};
  imperatives: Imperative[];
  goals: AnnualGoal[];
  teams: Team[];
  objectives: Objective[];
  keyResults: KeyResult[];
  /** The teams' retrospective notes, by key result. */
  retrospective?: RetrospectiveNote[];
}
