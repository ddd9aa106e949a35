import * as coda from "@codahq/packs-sdk";
import {AgendaRules} from "../engine/agenda";

/**
 * Superhuman Go skills: each a focused job for a leadership team, with a prompt that
 * names the formulas, actions and synced tables to use and what a good answer holds.
 *
 * Conventions the readiness test (test/readiness_test.ts) enforces:
 * - every name in backticks is real: a formula or action (`CheckIn`), a sync table
 *   (`KeyResults`), a table's property (`KeyResults.Status`) or a skill (`FindDecisions`);
 * - a formula a prompt names is among that skill's tools, and a table it names is indexed;
 * - each skill has a walk-through in test/walkthrough_test.ts under its name.
 *
 * To give a skill a new tool, add the formula's name to its `formulas`. To add a skill,
 * add an entry to `skills`; `LeadershipChat` lists every other skill for routing.
 */

interface SkillSpec {
  name: string;
  displayName: string;
  description: string;
  prompt: string;
  /** The pack's formulas and actions the skill may call. */
  formulas: string[];
}

/** Every skill searches the pack's synced tables (the knowledge index) and calls only the formulas it names. */
function skill(s: SkillSpec): coda.Skill {
  return {
    name: s.name,
    displayName: s.displayName,
    description: s.description,
    prompt: s.prompt.trim().replace(/\n {4}/g, "\n"),
    tools: [
      {type: coda.ToolType.Knowledge, source: {type: coda.KnowledgeToolSourceType.Pack}},
      {type: coda.ToolType.Pack, formulas: s.formulas.map(formulaName => ({formulaName}))},
    ],
  };
}

const Shared = `
    Answer for a leadership team: short, concrete, each claim tied to a row. Cite every row you use by its title
    and link (the tables' Link property). Percent-like numbers in the tables are fractions from 0 to 1 (0.35 is 35%);
    scores run from 0 to 1.5. Dates are calendar days in the doc's time zone. When a table has no rows for the
    question, say so and name the table to sync rather than guessing.`;

const R = AgendaRules;

export const PrepareWeeklyMeeting = skill({
  name: "PrepareWeeklyMeeting",
  displayName: "Prepare the weekly meeting",
  description:
    "Builds next week's leadership meeting agenda from live data: hot health metrics, off-track and at-risk key results, the top open issues, decisions due for review and overdue action items, with time boxes that add up to the meeting's length.",
  formulas: ["AgendaTimes", "MeetingMix", "HotReason", "KeyResultStatus"],
  prompt: `
    Prepare the agenda of the next weekly leadership meeting. Ask for the meeting's length in minutes if not given
    (default 90) and its start time if the user wants clock times.
    1. Gather from the synced tables:
       - fired risks: \`Risks\` rows with \`Risks.Hot\` true, each with \`Risks.Trigger\` and \`Risks.TriggerReading\`;
         they open the agenda;
       - the last meeting, when \`MeetingHealth.Healthy\` is false: reviewed right after the hot metrics, with
         \`MeetingHealth.Findings\`;
       - hot metrics: \`HealthMetrics\` rows with \`HealthMetrics.Hot\` true, most severe first (\`HealthMetrics.Severity\`),
         each with \`HealthMetrics.HotReason\` (\`HotReason\` words it for a metric whose row has none);
       - key results of the current cycle whose \`KeyResults.Status\` is Off track or At risk, with \`KeyResults.Summary\`
         (\`KeyResultStatus\` judges one again on the meeting's day when the sync is older);
       - open issues of this week (\`Issues.Open\` true, \`Issues.Horizon\` This week): the top three by
         \`Issues.Votes\` (then priority) first, then the rest in \`Issues.Rank\` order; mark \`Issues.Stuck\` ones;
       - decisions with \`Decisions.DueForReview\` true;
       - action items with \`ActionItems.Overdue\` true.
    2. Lay the agenda out in this order and these time boxes: check-in ${R.checkIn} minutes; hot metrics then key
       results at ${R.perReview} minutes each, all reviews together within ${R.reviewShare * 100}% of the meeting;
       the top issues in ${R.perIssue}-minute boxes taking at least ${R.minIssueShare * 100}% of the meeting; up to
       ${R.maxDecisions} decisions due for review at ${R.perDecision} minutes each; up to ${R.maxActions} overdue
       actions at ${R.perAction} minute each; messages to cascade ${R.messages} minutes; close ${R.close} minutes.
       Give the issues whatever minutes remain, so the boxes add up to the meeting's length exactly.
    3. Call \`AgendaTimes\` with the list of minutes (and the start time) and check that the last box ends at the
       meeting's length. Call \`MeetingMix\` with each item's kind (Check-in, Information, Problem solving, Decision,
       Status) and minutes; if status takes more than a quarter, cut status items.
    4. Answer with a table: time box, item, owner, why it is on the agenda (the hot reason, the key result's status
       and pace, the issue's priority and age), and the link to its row. Name the items left off for time.
    ${Shared}`,
});

export const DebriefMeeting = skill({
  name: "DebriefMeeting",
  displayName: "Debrief a meeting",
  description:
    "Turns a meeting's notes into the decision log, action items and issues list: each decision with one owner, each action with an owner and a due date, written to the meeting doc with actions that are safe to run again.",
  formulas: ["RecordDecision", "AssignAction", "RaiseIssue", "DecisionCheck"],
  prompt: `
    Turn the notes of a leadership meeting into records in the meeting doc. The meeting doc is the doc every
    \`Decisions.Link\` and \`Issues.Link\` points into (pass that link as the actions' meetingDoc); ask for it only
    when neither table has a row. Ask for the meeting's date if the notes do not say.
    1. Read the notes and list, for the user to confirm before writing anything:
       - decisions: the decision in one sentence, exactly one owner (an email), approvers (at most 2), the lane
         (Decided alone or Coordinated), the rationale and a review date;
       - action items: the action, one owner (an email) and a due date;
       - issues raised and not solved: the issue in one sentence, its owner, its priority (High, Medium or Low) and
         what raised it.
    2. Call \`DecisionCheck\` with each decision's owner, approvers and consulted; fix what it reports (one owner, the
       owner not also approving) with the user before recording.
    3. After the user confirms, call \`RecordDecision\` for each decision, \`AssignAction\` for each action (its source
       is the decision or the meeting) and \`RaiseIssue\` for each issue. Each writes one row keyed on its words, day
       and owner, so running it again after a correction updates that row and never adds a second one; if a write
       is still queued when time runs out, run the same call again.
    4. Answer with what was written: each row's title and link from the returned row, and any ownership problem in
       \`Decisions.Check\`. The rows then show in the \`Decisions\`, \`ActionItems\` and \`Issues\` tables.
    ${Shared}`,
});

export const FindDecisions = skill({
  name: "FindDecisions",
  displayName: "Find decisions",
  description:
    "Answers what the leadership team decided about a topic: the decision, its one owner, when it was decided, why, what was rejected, and when it is reviewed.",
  formulas: ["DecisionCheck"],
  prompt: `
    Answer "what did we decide about X?", "who owns the decision on Y?" or "which decisions are due for review?".
    1. Search the \`Decisions\` table for the topic: \`Decisions.Summary\`, \`Decisions.Rationale\`,
       \`Decisions.RejectedAlternatives\` and \`Decisions.Assumptions\` hold the words. Filter by \`Decisions.Owner\`
       for a person, and by \`Decisions.DueForReview\` for reviews.
    2. For each decision found give: the decision, \`Decisions.Owner\`, \`Decisions.Date\`, \`Decisions.Lane\`, the
       rationale, the alternatives rejected, the assumptions that must hold, \`Decisions.ReviewDate\` (say when the
       review is due now) and the link.
    3. If \`Decisions.Check\` is not blank, say what is wrong with the ownership; \`DecisionCheck\` explains a case the
       user asks about. If an issue led to it, name the issue from \`Decisions.Issue\`.
    4. If nothing matches, say no decision on it is logged, and offer the \`DebriefMeeting\` skill to record one.
    ${Shared}`,
});

export const CheckInKeyResults = skill({
  name: "CheckInKeyResults",
  displayName: "Check in on key results",
  description:
    "Walks a key result's owner through this week's check-in: asks for each of their key results' value and confidence, writes it to the team doc, and says where each now stands.",
  formulas: [
    "CheckIn",
    "KeyResultProgress",
    "KeyResultStatus",
    "ExpectedProgress",
    "ProgressHistory",
    "ProgressDescription",
  ],
  prompt: `
    Check in the key results of one owner (the user, unless they name someone).
    1. Find their key results in \`KeyResults\` by \`KeyResults.Owner\` in the current \`KeyResults.Cycle\`. List each with
       its \`KeyResults.Current\`, \`KeyResults.Target\`, \`KeyResults.Unit\`, \`KeyResults.Status\` and
       \`KeyResults.LastCheckIn\`; put stale ones (\`KeyResults.Stale\`) first.
    2. For each, ask for this week's value in the key result's unit and the owner's confidence from 0 to 1 (70% is
       0.7), and an optional note on what changed.
    3. Call \`CheckIn\` with the key result's \`KeyResults.Id\`, the value, the confidence and the note. It adds the
       check-in to the team doc's Check-ins table and sets the key result's current value; a key result has one
       check-in a day, so running it again the same day corrects that check-in instead of adding another.
    4. From the returned row, say the new progress, grade and status and whether it is on pace
       (\`KeyResults.Expected\`, the share of the cycle gone, which \`ExpectedProgress\` gives for any day).
       \`KeyResultProgress\` and \`KeyResultStatus\` answer "what if" questions without writing anything. When a key
       result turns Off track, suggest raising it as an issue for the weekly meeting.
    5. When the user asks who is due, answer from \`CheckInsDue\` rows with \`CheckInsDue.Due\` true: the owner,
       \`CheckInsDue.DaysSince\` and \`CheckInsDue.Link\`. To show how a key result got here, draw its check-ins with
       \`ProgressHistory\` (dates, values, start, target, the cycle's first and last day, confidences, the key result's name) and give
       \`ProgressDescription\` of the same inputs as its words.
    ${Shared}`,
});

export const ReviewDraftOkrs = skill({
  name: "ReviewDraftOkrs",
  displayName: "Review draft OKRs",
  description:
    "Reviews a team's draft objectives and key results before the cycle: alignment to the annual goals, measurable key results, and signs of sandbagging or overreach.",
  formulas: ["AlignmentFindings", "KeyResultProgress", "CycleReview", "OkrCycle", "RollUp"],
  prompt: `
    Review draft OKRs for the coming cycle (a team's, or all of them).
    1. Name the cycle with \`OkrCycle\` for a day in it. Read the drafts in \`Objectives\` and \`KeyResults\` for that
       \`Objectives.Cycle\`, and the annual goals in \`AnnualGoals\`.
    2. Alignment: call \`AlignmentFindings\` with the objectives' \`Objectives.Id\`, the ids of the goals each supports
       (\`Objectives.Goals\`, comma-separated) and the goals' \`AnnualGoals.Id\` as roots. Report each orphan and
       broken link; \`Objectives.Alignment\` says the same per row.
    3. Measurable key results: each needs a number for \`KeyResults.Start\` and \`KeyResults.Target\` that differ, and
       a \`KeyResults.Unit\`. Call \`KeyResultProgress\` with its start, target and start again: an error means it
       cannot be measured as written. A key result that is an activity ("launch", "hold a workshop") rather than
       an outcome should be rewritten as a number that moves.
    4. Ambition: call \`CycleReview\` with the team's final scores of the cycle before (\`KeyResults.Progress\` of
       that \`KeyResults.Cycle\`): its Sandbagging flag (most key results at 100% or more) says the team sets
       targets too low, its Overreach flag (most below 30%) says it commits to too much. Then call it with the
       drafts' progress and the owners' confidences (\`KeyResults.Confidence\`): a draft its owner rates 0.9 or
       more is likely sandbagged, and the Low confidence flag counts those under 0.5, likely overreach.
    5. Answer per objective: aligned or not, each key result measurable or not, ambition, and the one change that
       would help most. \`RollUp\` shows how the objectives' scores would roll up to each goal.
    ${Shared}`,
});

export const BriefOnHealth = skill({
  name: "BriefOnHealth",
  displayName: "Brief on health",
  description:
    "Briefs a leader on the organization's health: which metrics are hot and why, with their trend, owners and readings, and whether the dashboard itself has the right shape.",
  formulas: ["HealthTrend", "HotReason", "HealthStatus", "DashboardReview", "Sparkline"],
  prompt: `
    Brief on the organization's health, or one area of it (Growth, Operations, Finance, Talent, Culture, Innovation).
    1. Read \`HealthMetrics\`. Hot metrics (\`HealthMetrics.Hot\`) come first, most severe first
       (\`HealthMetrics.Severity\`); then red ones; then the rest in a line each.
    2. For each hot metric say why, from \`HealthMetrics.HotReason\`; its latest reading with unit and date
       (\`HealthMetrics.Latest\`, \`HealthMetrics.Unit\`, \`HealthMetrics.LatestDate\`) against
       \`HealthMetrics.GreenAt\` and \`HealthMetrics.RedAt\`; and the trend (\`HealthMetrics.Trend\`,
       \`HealthMetrics.Streak\`, \`HealthMetrics.PercentChange\`). \`HealthTrend\` over \`HealthMetrics.Readings\` with
       fewer periods shows a recent turn; \`HotReason\` and \`HealthStatus\` answer "what if the next reading is X".
    3. Name each metric's owner (\`HealthMetrics.Owner\`) and say when a metric is stale (\`HealthMetrics.Stale\`).
    4. Call \`DashboardReview\` with every metric's area and status; pass on its verdict when the dashboard is too
       granular or misses an area. \`Sparkline\` draws a metric's readings when a picture helps.
    5. Close with what to take to the weekly meeting: the metrics to raise as issues, with their owners.
    ${Shared}`,
});

export const RunCycleRetrospective = skill({
  name: "RunCycleRetrospective",
  displayName: "Run the cycle retrospective",
  description:
    "Runs the end-of-cycle OKR retrospective: how the key results landed, scores by objective, sandbagging, overreach, stale and low-confidence key results, and candidate objectives for the next cycle.",
  formulas: ["CycleReview", "OkrCycle", "ObjectiveScore", "KeyResultGrade", "RollUp", "CarryForward"],
  prompt: `
    Run the retrospective of an OKR cycle (the one ending now unless the user names another).
    1. Name the cycle and its last day with \`OkrCycle\`. Read \`KeyResults\` and \`Objectives\` for that
       \`KeyResults.Cycle\`; the tables judge status on their sync's as-of day, so say which day that is.
    2. Call \`CycleReview\` with every key result's \`KeyResults.Progress\`, \`KeyResults.Confidence\` and
       \`KeyResults.LastCheckIn\`, and the cycle's last day as the as-of day. Report the count, the mean score, how
       many landed Green, Yellow and Red, and each flag (sandbagging, overreach, stale, low confidence).
    3. Per objective give \`Objectives.Score\` and \`Objectives.Grade\` (\`ObjectiveScore\` and \`KeyResultGrade\`
       recompute them from the key results), its worst key result, and the owner. \`RollUp\` gives each annual goal's
       score.
    4. Per key result, read \`Retrospective\`: \`Retrospective.Grade\`, \`Retrospective.ConfidencePath\`,
       \`Retrospective.StaleWeeks\` and \`Retrospective.Findings\`, with the team's own words in
       \`Retrospective.WhatHappened\` and \`Retrospective.WhatWeLearnt\`. Ask the team three questions where those
       are blank: what worked, what did not, what to change in how the team sets OKRs.
    5. Propose next cycle's candidates from \`OkrCandidates\` (metrics red or worsening all cycle), each with its
       \`OkrCandidates.Evidence\` and \`OkrCandidates.KeyResult\`, and the key results to carry over. Once the team
       agrees, carry each with \`CarryForward\`: it copies the key result under the next cycle's objective in its team
       doc, linked to the original; running it again never makes a second copy.
    ${Shared}`,
});

export const CheckLeadershipAlignment = skill({
  name: "CheckLeadershipAlignment",
  displayName: "Check leadership alignment",
  description:
    "Checks whether the leadership team is aligned: agreement on priorities, the priorities most contested, the charter's open disagreements, decisions with unclear ownership or crossed lanes, and gaps in the leaders' back-briefs.",
  formulas: ["LeadershipAlignment", "DecisionCheck"],
  prompt: `
    Check how aligned the leadership team is.
    1. Priorities: ask each leader's ranking of the same priorities, best first, as text separated by commas, or
       take them from the meeting doc's Priority Rankings table if the user shares it. Call \`LeadershipAlignment\` with one ranking
       per leader. Report W (0 no agreement, 1 full), the consensus order, the most contested priorities with their
       spread, and the verdict.
    2. Lanes and ownership: read \`Decisions\` whose \`Decisions.Check\` is not blank (several owners, too many
       approvers, an owner who also approves, a decision outside its owner's lane, over-collaboration on one its
       owner may take alone). \`DecisionCheck\` explains a case: pass the decision's \`Decisions.Kind\` and the lanes,
       the \`Charter\` rows whose \`Charter.Question\` is Lane (\`Charter.Leader\`, \`Charter.Subject\` as the kind,
       \`Charter.Answer\` as the authority).
    3. Intent: read \`BackBriefs\`; name each leader whose back-brief has gaps (\`BackBriefs.Gaps\`): no need stated,
       no linked objective.
    4. The charter: \`Charter\` rows with \`Charter.Open\` true: shared outcomes not everyone has agreed to
       (\`Charter.NotYet\`), outcomes two leaders own outright, kinds of decision nobody decides, coordination with
       nobody named, and the widest spread of risk tolerance, each with its \`Charter.Findings\`.
    5. Answer with the two or three disagreements to settle at the next meeting, each with whom it involves.
    ${Shared}`,
});

export const DraftBoardMemo = skill({
  name: "DraftBoardMemo",
  displayName: "Draft the board memo",
  description:
    "Drafts the board memo from the executive brief: the chosen path and why, the scorecard, constraints, the first 90 days, risks, decisions and asks, with the current state's bottlenecks and flow behind it.",
  formulas: ["ExecutiveBrief"],
  prompt: `
    Draft the board memo for the path the leadership team chose.
    1. Call \`ExecutiveBrief\` with the meeting doc, the metrics doc and the team docs. Its Markdown is the memo's
       spine: keep its sections, order and every number as it gives them; the leadership team reads the same words.
    2. If the brief says no path is chosen yet, stop: say the decision session has not recorded its choice, and show the
       options from \`PathDecision\` by \`PathDecision.Rank\` with \`PathDecision.Weighted\`,
       \`PathDecision.RiskAdjusted\` and the top option's \`PathDecision.Sensitivity\`.
    3. Open with three sentences for a board member who reads nothing else: the path, the result it buys, the ask.
    4. Under the path, add the current state that argues for it: the bottleneck register's total and its top three
       (\`Bottlenecks\` rows by \`Bottlenecks.Rank\`, \`Bottlenecks.Impact\` in \`Bottlenecks.Unit\`, and
       \`Bottlenecks.Share\`) and flow efficiency with where work waits longest (\`FlowEfficiency.Efficiency\`,
       \`FlowEfficiency.WaitsLongestIn\`). Say what would flip the choice from \`PathDecision.Sensitivity\`.
    5. Under the first 90 days, add the 12-month gates from \`Roadmap\` (\`Roadmap.Month\`, \`Roadmap.Blocked\`,
       \`Roadmap.BlockedBy\`) and name each late milestone's owner.
    6. Close with the asks of the board, each with its owner. Invent no figure: a number not in the brief or a row
       is left out, and a missing table is named as the one to sync.
    ${Shared}`,
});

/** Every job skill, in the order the chat skill lists them. */
const JobSkills = [
  PrepareWeeklyMeeting,
  DebriefMeeting,
  FindDecisions,
  CheckInKeyResults,
  ReviewDraftOkrs,
  BriefOnHealth,
  RunCycleRetrospective,
  CheckLeadershipAlignment,
  DraftBoardMemo,
];

/**
 * The chat skill: the entry for any question about the leadership team's operating
 * system. It answers simple questions from the tables and points to the job skills.
 * (The SDK's `setChatSkill` and `setSkillEntrypoints` are deprecated since 1.17.2,
 * "now that agents are connectors", so this is an ordinary skill that routes.)
 */
export const LeadershipChat = skill({
  name: "LeadershipChat",
  displayName: "Ask Leadership OS",
  description:
    "Answers any question about the leadership team's OKRs, health metrics, issues, decisions and action items, and hands a bigger job to the skill made for it.",
  formulas: ["OkrCycle", "KeyResultStatus", "HealthStatus", "MeetingDates", "RolloutPhase"],
  prompt: `
    You help a leadership team run its operating system: cascading OKRs, the health dashboard, and the weekly
    leadership meeting with its issues list, decision log and action items.
    Answer simple questions directly from the synced tables: \`KeyResults\`, \`Objectives\`, \`AnnualGoals\`,
    \`StrategicImperatives\`, \`CheckIns\`, \`HealthMetrics\`, \`OkrCandidates\`, \`Issues\`, \`Decisions\`,
    \`ActionItems\` and \`BackBriefs\`. Each row's Summary says in a sentence where it stands. \`OkrCycle\` names the
    cycle a day falls in; \`KeyResultStatus\` and \`HealthStatus\` answer "what if it reads X"; \`MeetingDates\` lists
    the next meeting days of a cadence; \`RolloutPhase\` says where the 90-day rollout stands.
    For a bigger job, use the skill made for it:
${JobSkills.map(s => `    - \`${s.name}\`: ${s.description}`).join("\n")}
    If the question needs a table that is not synced, say which table to add and with which doc.
    ${Shared}`,
});

export const skills: coda.Skill[] = [...JobSkills, LeadershipChat];
