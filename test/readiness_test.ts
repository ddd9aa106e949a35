import * as coda from "@codahq/packs-sdk";
import {Limits} from "@codahq/packs-sdk/dist/testing/upload_validation";
import {assert} from "chai";
import fc from "fast-check";
import {
  actionSummary,
  decisionSummary,
  issueSummary,
  keyResultSummary,
  metricSummary,
  objectiveSummary,
} from "../src/agent/narrative";
import {Unindexed} from "../schemas/knowledge";
import {AgentLimits, MaxToolsPerSkill} from "../src/agent/limits";
import {pack} from "../src/pack";

/**
 * Is the pack ready for Superhuman Go? Everything here is discovered from the pack
 * definition (its skills, formulas, sync tables and their schemas), so a new skill,
 * tool or indexed table is checked the moment it is registered.
 */

type Schema = coda.GenericObjectSchema;
const formulas = new Map(pack.formulas.map(f => [f.name, f]));
const tables = new Map(pack.syncTables.map(t => [t.name, t]));
const skillNames = new Set(pack.skills.map(s => s.name));
const schemaOf = (table: coda.SyncTable) => table.schema as Schema;
const propertyName = (p: coda.PropertyIdentifier) => (typeof p === "string" ? p : p.property);

/** Every `Name` or `Table.Property` a prompt writes in backticks. */
export function namesIn(prompt: string): string[] {
  return [...prompt.matchAll(/`([^`]+)`/g)].map(m => m[1]);
}

function packFormulasOf(skill: coda.Skill): string[] {
  return skill.tools.flatMap(t => (t.type === coda.ToolType.Pack ? (t.formulas ?? []).map(f => f.formulaName) : []));
}

/** Whether a parameter holds numbers or dates (alone or in a list). */
function kindOf(param: {type: unknown}): "number" | "date" | undefined {
  const type = typeof param.type === "object" ? (param.type as {items: coda.Type}).items : param.type;
  if (type === coda.Type.number) return "number";
  if (type === coda.Type.date) return "date";
  return undefined;
}

/** A description that states a range (0 to 1, 1–12, 2 or more, one of 1, 2, 3) or a unit. */
const NumberContract =
  /-?\d[\d,.e]*\s*(to|–|and)\s*-?\d|\b\d+ or more\b|\bone of \d|\b(minutes?|days?|months?|periods?|percent|fraction)\b|\bunit\b/i;
/** A description that says the value is a date (or a day), not only what it is for. */
const DateContract = /\b(a|any|each) (date|day)\b|\bdate from the year\b/i;
/** An action's description says it is safe to run again. */
const RetryContract = /safe to (retry|run again|repeat)|running it again|run(ning)? again/i;

describe("readiness for Superhuman Go", function () {
  describe("the SDK's limits", function () {
    it("the pack's stated limits are the SDK's own", function () {
      assert.equal(AgentLimits.maxSkills, Limits.MaxSkillCount);
      assert.equal(AgentLimits.promptLength, Limits.PromptLength);
      assert.equal(AgentLimits.nameLength, Limits.BuildingBlockName);
      assert.equal(AgentLimits.descriptionLength, Limits.BuildingBlockDescription);
      assert.equal(AgentLimits.filterableProperties, Limits.FilterableProperties);
      assert.equal(AgentLimits.buildingBlocksPerType, Limits.BuildingBlockCountPerType);
    });

    it("counts stay within them", function () {
      assert.isAbove(pack.skills.length, 0, "the pack has skills");
      assert.isAtMost(pack.skills.length, AgentLimits.maxSkills);
      assert.isAtMost(pack.formulas.length, AgentLimits.buildingBlocksPerType);
      assert.isAtMost(pack.syncTables.length, AgentLimits.buildingBlocksPerType);
      assert.equal(skillNames.size, pack.skills.length, "skill names are unique");
    });
  });

  for (const skill of pack.skills) {
    describe(`skill ${skill.name}`, function () {
      const tools = packFormulasOf(skill);

      it("fits the SDK's limits", function () {
        assert.match(skill.name, /^[A-Za-z][A-Za-z0-9_]*$/);
        assert.isAtMost(skill.name.length, AgentLimits.nameLength);
        assert.isAtMost(skill.displayName.length, AgentLimits.nameLength);
        assert.isAtLeast(skill.description.length, 40, "the description routes questions to it: say what it does");
        assert.isAtMost(skill.description.length, AgentLimits.descriptionLength);
        assert.isAtLeast(skill.prompt.length, 200, "the prompt describes the job");
        assert.isAtMost(skill.prompt.length, AgentLimits.promptLength);
      });

      it("searches the synced tables and offers a few of the pack's formulas, each one real", function () {
        assert.isTrue(
          skill.tools.some(t => t.type === coda.ToolType.Knowledge),
          "the knowledge tool gives it the synced tables",
        );
        assert.isAbove(tools.length, 0, "it names the formulas it may call");
        assert.isAtMost(tools.length, MaxToolsPerSkill);
        for (const name of tools) {
          assert.isTrue(formulas.has(name), `${skill.name} offers ${name}, which is not a formula of the pack`);
        }
        assert.equal(new Set(tools).size, tools.length, "no tool twice");
      });

      it("names only real formulas, tables, properties and skills, and can call every formula it names", function () {
        const named = namesIn(skill.prompt);
        assert.isAbove(named.length, 0, "a prompt names what to use in backticks");
        for (const name of named) {
          const [head, property] = name.split(".");
          if (property !== undefined) {
            const table = tables.get(head);
            assert.exists(table, `${skill.name} names ${name}: ${head} is not a sync table`);
            assert.property(
              schemaOf(table!).properties,
              property,
              `${skill.name} names ${name}: ${head} has no property ${property}`,
            );
          } else if (formulas.has(name)) {
            assert.include(tools, name, `${skill.name} tells the agent to use ${name} but does not offer it as a tool`);
          } else if (tables.has(name)) {
            assert.exists(
              schemaOf(tables.get(name)!).index,
              `${skill.name} names ${name}, which is not indexed as knowledge`,
            );
          } else {
            assert.isTrue(
              skillNames.has(name),
              `${skill.name} names ${name}: no formula, sync table or skill has that name`,
            );
          }
        }
        for (const name of tools) {
          assert.include(named, name, `${skill.name} offers ${name} but its prompt never says when to use it`);
        }
      });
    });
  }

  it("the chat skill routes to every other skill", function () {
    const chat = pack.skills.find(s => s.name === "LeadershipChat");
    assert.exists(chat);
    const named = namesIn(chat!.prompt);
    for (const s of pack.skills) if (s !== chat) assert.include(named, s.name);
  });

  describe("indexed knowledge", function () {
    for (const table of pack.syncTables) {
      const schema = schemaOf(table);
      const props = schema.properties;
      it(`${table.name} is indexed with a title, a link and searchable text, or left out for a stated reason`, function () {
        if (!schema.index) {
          assert.property(
            Unindexed,
            table.name,
            `${table.name} has no index and no reason in schemas/knowledge.ts Unindexed`,
          );
          return;
        }
        assert.notProperty(Unindexed, table.name, "an indexed table is not also listed as unindexed");
        assert.isNotTrue("contentCategorization" in schema.index, "a custom index");
        const index = schema.index as coda.CustomIndexDefinition;
        const title = schema.titleProperty && propertyName(schema.titleProperty);
        const link = schema.linkProperty && propertyName(schema.linkProperty);
        assert.exists(title, "titleProperty is set, so answers cite the row");
        assert.exists(link, "linkProperty is set, so answers link to the row");
        assert.include(props[title!], {type: coda.ValueType.String});
        assert.include(props[link!], {type: coda.ValueType.String, codaType: coda.ValueHintType.Url});
        assert.isAbove(index.properties.length, 0);
        for (const p of index.properties) {
          const name = propertyName(typeof p === "object" && "strategy" in p ? p.property : p);
          assert.property(props, name, `indexed ${name} is a property`);
          assert.equal(props[name].type, coda.ValueType.String, `indexed ${name} is text`);
          assert.isString(props[name].description);
        }
        for (const p of index.contextProperties ?? []) assert.property(props, propertyName(p));
        const filters = (index.filterableProperties ?? []).map(propertyName);
        assert.isAtMost(filters.length, AgentLimits.filterableProperties);
        for (const f of filters) assert.property(props, f, `filterable ${f} is a property`);
        // Whose is it: every person on the row can be filtered on.
        const people = Object.entries(props).filter(
          ([, p]) => p.type === coda.ValueType.Object && (p as Schema).codaType === coda.ValueHintType.Person,
        );
        for (const [name] of people) assert.include(filters, name, `${table.name}.${name} (a person) is filterable`);
      });
    }
  });

  describe("descriptions written for the agent", function () {
    const everyParameter = [
      ...pack.formulas.map(f => ({owner: f.name, params: [...f.parameters, ...(f.varargParameters ?? [])]})),
      ...pack.syncTables.map(t => ({owner: t.name, params: t.getter.parameters})),
    ];
    for (const {owner, params} of everyParameter) {
      it(`${owner}: every number and date parameter states its unit or range`, function () {
        for (const p of params) {
          assert.isString(p.description);
          assert.isAtMost(p.description.length, AgentLimits.descriptionLength);
          const kind = kindOf(p);
          if (kind === "number") {
            assert.match(
              p.description,
              NumberContract,
              `${owner}(${p.name}) states no unit or range: "${p.description}"`,
            );
          }
          if (kind === "date") {
            assert.match(
              p.description,
              DateContract,
              `${owner}(${p.name}) does not say it is a date: "${p.description}"`,
            );
          }
        }
      });
    }
    for (const action of pack.formulas.filter(f => f.isAction)) {
      it(`${action.name} says what it changes and that it is safe to run again`, function () {
        assert.match(action.description, /\b(adds|sets|updates|writes)\b/i);
        assert.match(action.description, RetryContract);
      });
    }

    it("the heuristics fail a bare description", function () {
      assert.notMatch("The key result's value today.", NumberContract);
      assert.notMatch("The meeting's date.", DateContract);
      assert.notMatch("When it is due.", DateContract);
      assert.notMatch("Adds an issue to the meeting doc.", RetryContract);
      assert.match("Your confidence it will be met, from 0 to 1.", NumberContract);
      assert.match("How many months to lay out, 1 to 36.", NumberContract);
      assert.match("The check-in's day: a date from the year 1000 to 9999.", DateContract);
    });
  });

  it("finds a backticked name and a table's property in a prompt", function () {
    assert.deepEqual(namesIn("Read `KeyResults.Status`, then call `CheckIn`."), ["KeyResults.Status", "CheckIn"]);
  });

  describe("row summaries on any input", function () {
    const plain = (s: string) => !/undefined|NaN|Infinity|\[object/.test(s);
    const name = fc.string({minLength: 1, maxLength: 80}).filter(plain);
    const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, {nil: undefined});
    const num = fc.double({min: -1e15, max: 1e15, noNaN: true});
    const frac = fc.double({min: 0, max: 1.5, noNaN: true});
    const text = opt(fc.string({maxLength: 30}).filter(plain));
    const day = opt(fc.constantFrom("2026-11-20", "2027-01-05"));
    const clean = (summary: string, title: string) => {
      assert.notMatch(summary, /undefined|NaN|Infinity|\[object/);
      assert.include(summary, title);
      assert.match(summary, /\.$/);
    };

    it("never shows undefined, NaN or an empty clause, and always names the row", function () {
      fc.assert(
        fc.property(
          name,
          text,
          text,
          text,
          opt(num),
          opt(num),
          opt(num),
          opt(frac),
          opt(frac),
          opt(frac),
          opt(num),
          day,
          fc.boolean(),
          (n, owner, team, unit, start, target, current, confidence, progress, expected, forecast, last, stale) => {
            clean(
              keyResultSummary({
                name: n,
                owner,
                team,
                cycle: team,
                unit,
                start,
                target,
                current,
                confidence,
                progress,
                status: "At risk",
                expected,
                forecast,
                lastCheckIn: last,
                stale,
              }),
              n,
            );
            clean(
              objectiveSummary({
                name: n,
                owner,
                team,
                cycle: team,
                score: progress,
                grade: "Red",
                status: "Off track",
                keyResults: start === undefined ? 0 : 2,
                alignment: stale ? ["Orphan: supports no annual goal."] : [],
              }),
              n,
            );
            clean(
              metricSummary({
                name: n,
                area: team,
                owner,
                unit,
                greenAt: start,
                redAt: target,
                latest: current,
                latestDate: last,
                status: "Red",
                trend: "Down",
                streak: 3,
                hot: stale,
                reason: owner,
                stale,
              }),
              n,
            );
            clean(
              issueSummary({
                name: n,
                priority: "High",
                owner,
                source: stale ? "Hot metric" : "Other",
                raised: last,
                ageDays: last ? 0 : undefined,
                status: "Open",
                open: stale,
              }),
              n,
            );
            clean(
              decisionSummary({
                name: n,
                owners: owner ? [owner] : [],
                approvers: team ? [team] : [],
                lane: unit,
                date: last,
                reviewDate: last,
                dueForReview: stale,
                problems: [],
              }),
              n,
            );
            clean(
              actionSummary({
                name: n,
                owner,
                due: last,
                status: "Open",
                done: stale,
                daysOverdue: start === undefined ? undefined : Math.round(start % 30),
                source: team,
              }),
              n,
            );
          },
        ),
        {numRuns: 300},
      );
    });

    it("reads as a sentence for a typical key result", function () {
      assert.equal(
        keyResultSummary({
          name: "Win rate",
          owner: "Jonah Price",
          team: "Sales",
          cycle: "FY2026 Q4",
          unit: "%",
          start: 18,
          target: 26,
          current: 20,
          confidence: 0.5,
          progress: 0.25,
          status: "Off track",
          expected: 0.55,
          lastCheckIn: "2026-11-19",
        }),
        'Key result "Win rate" (Jonah Price, Sales, FY2026 Q4) is at 25% of the way from 18 % to 26 % (now 20 %), Off track where 55% would be on pace; confidence 50%, last checked in 2026-11-19.',
      );
      assert.equal(
        keyResultSummary({name: "Briefings"}),
        'Key result "Briefings" has no progress yet; never checked in.',
      );
    });
  });
});
