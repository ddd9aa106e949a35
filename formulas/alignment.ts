import * as coda from "@codahq/packs-sdk";
import {isoDay, toDay} from "../src/engine/calendar";
import {count} from "../src/engine/contract";
import {MaxTriggerLength, parseTrigger} from "../src/engine/triggers";
import {preworkDue, PreworkBusinessDays} from "../src/engine/sessions";
import {handleError} from "./errors";

/** Executive alignment formulas: reading a risk trigger, and when an executive session's pre-work is due. */

const none = coda.ConnectionRequirement.None;

export const TriggerSyntaxSchema = coda.makeObjectSchema({
  description: "How a risk trigger reads.",
  properties: {
    Valid: {type: coda.ValueType.Boolean, description: "True when the trigger follows the grammar."},
    Conditions: {
      type: coda.ValueType.String,
      description: "The conditions it tests, one per line, with AND and OR groups.",
    },
    Names: {type: coda.ValueType.String, description: "The metrics and key results it names."},
    Position: {
      type: coda.ValueType.Number,
      description: "When it does not parse: the character where reading stopped (1 is the first).",
    },
    Expected: {type: coda.ValueType.String, description: "When it does not parse: what was expected there."},
    Message: {type: coda.ValueType.String, description: "What the trigger says, or what is wrong with it and where."},
  },
  displayProperty: "Message",
});

export const TriggerSyntax = coda.makeFormula({
  name: "TriggerSyntax",
  description:
    'How a risk trigger reads: the metric or key result it names and the test, such as "Cash runway < 6", "Employee NPS falls 3 weeks" or \'KR "Partners building on the beta" confidence < 0.5\'. When it does not parse: where and what was expected.',
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "trigger",
      description: `The trigger as text, up to ${MaxTriggerLength} characters.`,
    }),
  ],
  resultType: coda.ValueType.Object,
  schema: TriggerSyntaxSchema,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {
      params: ["Cash runway < 6 or Employee NPS falls 3 weeks"],
      result: {
        Valid: true,
        Conditions: "Cash runway < 6\nor Employee NPS falls 3 weeks",
        Names: "Cash runway, Employee NPS",
        Message: "Fires when: Cash runway < 6, or Employee NPS falls 3 weeks.",
      },
    },
    {
      params: ["Cash runway <"],
      result: {
        Valid: false,
        Position: 14,
        Expected: "a number, such as 6 or 50%",
        Message:
          "At character 14: expected a number, such as 6 or 50%, found the end. Write a number after <, such as: Cash runway < 6",
      },
    },
  ],
  execute: async function ([trigger]) {
    const parsed = parseTrigger(trigger ?? "");
    if (!parsed.ok) {
      return {
        Valid: false,
        Position: parsed.error.position,
        Expected: parsed.error.expected,
        Message: parsed.error.message,
      };
    }
    const groups = parsed.trigger.any.map(g => g.map(c => c.text).join(" and "));
    const names = [
      ...new Set(
        parsed.trigger.any.flat().map(c => (c.subject.kind === "keyResult" ? `KR ${c.subject.name}` : c.subject.name)),
      ),
    ];
    return {
      Valid: true,
      Conditions: groups.join("\nor "),
      Names: names.join(", "),
      Message: `Fires when: ${groups.join(", or ")}.`,
    };
  },
});

export const PreworkDue = coda.makeFormula({
  name: "PreworkDue",
  description:
    "When an executive session's pre-work is due: a number of business days (Monday to Friday) before the session, five by default.",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.Date,
      name: "sessionDate",
      description: "The session's date: a date from the year 1000 to 9999, read in the doc's time zone.",
    }),
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "businessDays",
      description: "Business days before the session: a whole number from 0 to 60. Default 5.",
      optional: true,
    }),
  ],
  resultType: coda.ValueType.String,
  codaType: coda.ValueHintType.Date,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {params: ["2026-12-08"], result: "2026-12-01"},
    {params: ["2026-12-08", 2], result: "2026-12-04"},
  ],
  execute: async function ([sessionDate, businessDays], context) {
    return isoDay(
      preworkDue(
        toDay("sessionDate", sessionDate, context.timezone),
        count("businessDays", businessDays, 0, 60, PreworkBusinessDays),
      ),
    );
  },
});

export const alignmentFormulas = [TriggerSyntax, PreworkDue];
