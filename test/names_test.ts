import {assert} from "chai";
import fc from "fast-check";
import {normalize} from "../src/engine/columns";
import {editDistance, mentionAt, nearestName} from "../src/engine/names";

/** Names people give in every script: the same name never normalizes like another. */
const Scripts = [
  "財務",
  "営業",
  "人事",
  "Финансы",
  "Продажи",
  "Выручка",
  "المبيعات",
  "المالية",
  "Équipe",
  "Ventes",
  "São Paulo",
  "🚀 Growth",
  "💰 Finance",
];

const codePoints = (s: string) => [...s].length;
/** Any code point but a lone surrogate. */
const anyCodePoint = fc
  .integer({min: 0, max: 0x10ffff})
  .filter(c => c < 0xd800 || c > 0xdfff)
  .map(c => String.fromCodePoint(c));

describe("engine: names matched loosely", function () {
  it("counts the edits between two names", function () {
    assert.equal(editDistance("keyresult", "keyresults"), 1);
    assert.equal(editDistance("checkins", "checkns"), 1);
    assert.equal(editDistance("kitten", "sitting"), 3);
    assert.equal(editDistance("", "abc"), 3);
    assert.equal(editDistance("same", "same"), 0);
  });

  it("counts an emoji or a CJK character as one character, never as its UTF-16 halves", function () {
    assert.equal(editDistance("🚀", ""), 1);
    assert.equal(editDistance("🚀growth", "growth"), 1);
    assert.equal(editDistance("🚀growth", "💰growth"), 1);
    assert.equal(editDistance("財務", "営業"), 2);
    assert.equal(editDistance("𠮷野家", "吉野家"), 1, "a character outside the BMP is one character");
  });

  it("is symmetric and bounded by the names' lengths in code points, in any script (fast-check)", function () {
    const name = fc.oneof(
      fc.string({maxLength: 30}),
      fc.string({unit: anyCodePoint, maxLength: 20}),
      fc.string({unit: "grapheme", maxLength: 12}),
    );
    fc.assert(
      fc.property(name, name, (a, b) => {
        const d = editDistance(a, b);
        assert.equal(d, editDistance(b, a));
        assert.isAtMost(d, Math.max(codePoints(a), codePoints(b)));
        assert.isAtLeast(d, Math.abs(codePoints(a) - codePoints(b)));
      }),
      {numRuns: 300},
    );
  });

  it("finds the name a mistyped one meant, and none when nothing is close", function () {
    const names = ["Partner API general availability", "Capacity audit finished", "Employee NPS"];
    assert.equal(nearestName("Partner API general availabilty", names), "Partner API general availability");
    assert.equal(nearestName("NPS", names), "Employee NPS");
    assert.isUndefined(nearestName("Hosting contract renewed", names));
    assert.isUndefined(nearestName("", names));
    assert.isUndefined(nearestName("Capacity", []));
  });

  it("finds the name meant in any script, and never one that shares no character", function () {
    assert.equal(nearestName("財務部", Scripts), "財務");
    assert.equal(nearestName("Выручкa", Scripts), "Выручка", "a Latin a typed in a Cyrillic word");
    assert.equal(nearestName("🚀 Grwth", Scripts), "🚀 Growth");
    assert.equal(nearestName("Sao Paulo", Scripts), "São Paulo");
    assert.equal(nearestName("المبيعا", Scripts), "المبيعات");
    assert.isUndefined(nearestName("総務", ["人事", "営業"]), "two characters wholly different are another name");
    assert.isUndefined(nearestName("🎯", ["🚀", "💰"]));
  });
});

describe("engine: names as people write them (normalize)", function () {
  it("matches a letter whose upper case has no single character, however its accent is typed", function () {
    // ǰ has no one-character capital: its capital is J and a combining caron.
    assert.equal(normalize("J\u030C"), normalize("\u01F0"));
    assert.equal(normalize("J\u030Cournal"), normalize("\u01F0ournal"));
  });
  it("keeps what it gave for every ASCII name (fast-check)", function () {
    fc.assert(
      fc.property(fc.string({unit: "binary-ascii", maxLength: 40}), name => {
        assert.equal(normalize(name), name.toLowerCase().replace(/[^a-z0-9]/g, ""));
      }),
      {numRuns: 500},
    );
  });

  it("keeps the letters and digits of every script, so different names stay different", function () {
    const keys = Scripts.map(normalize);
    for (const k of keys) assert.isNotEmpty(k);
    assert.equal(new Set(keys).size, Scripts.length);
    assert.deepEqual(keys.slice(-2), ["🚀growth", "💰finance"], "an emoji is kept as itself");
    assert.notEqual(normalize("Equipe"), normalize("Équipe"), "an accent is a letter's own");
    assert.notEqual(normalize("١٢"), normalize("١٣"), "Arabic-Indic digits");
  });

  it("matches case, spacing, punctuation, width and composition in every script", function () {
    assert.equal(normalize("ÉQUIPE"), normalize("équipe"));
    assert.equal(normalize("E\u0301quipe"), normalize("Équipe"), "e and a combining acute accent is é");
    assert.equal(normalize("SÃO  PAULO"), normalize("São-Paulo"));
    assert.equal(normalize("ФИНАНСЫ"), normalize("финансы"));
    assert.equal(normalize("Ｆｉｎａｎｃｅ"), normalize("Finance"), "full-width letters");
    assert.equal(normalize("ｶﾞ"), normalize("ガ"), "half-width katakana");
    assert.equal(normalize("財務・営業"), normalize("財務 営業"));
    assert.equal(normalize("ΟΔΟΣ ΑΒ"), normalize("ΟΔΟΣΑΒ"), "a Greek final sigma is a sigma, space or no space");
    assert.equal(normalize("🚀 Growth!"), normalize("🚀growth"));
    assert.equal(normalize("Customer’s NPS"), normalize("Customer's NPS"));
  });

  it("never makes two names alike that differ in a letter, digit or emoji (fast-check)", function () {
    const grapheme = fc.oneof(
      fc.string({unit: "grapheme", minLength: 1, maxLength: 1}),
      fc.constantFrom(...[...Scripts.join("")]),
    );
    const separator = fc.constantFrom("", " ", "-", "'", "’", ".", "_", "  ", "・", "،");
    const part = fc.tuple(grapheme, separator).map(([g, s]) => g + s);
    fc.assert(
      fc.property(fc.array(part, {minLength: 1, maxLength: 12}), fc.nat(), grapheme, (parts, at, other) => {
        const i = at % parts.length;
        const letter = [...parts[i]][0];
        fc.pre(normalize(letter) !== "" && normalize(other) !== "" && normalize(letter) !== normalize(other));
        const changed = parts.map((p, j) => (j === i ? p.replace(letter, other) : p));
        assert.notEqual(
          normalize(changed.join("")),
          normalize(parts.join("")),
          `${parts.join("")} / ${changed.join("")}`,
        );
      }),
      {numRuns: 2000},
    );
  });

  it("puts marks that dropped spacing leaves side by side in canonical order, so a key is its own key", function () {
    // A spacing Greek breathing with a grave, then an isolated Arabic kasratan: NFKC gives each a space and a
    // combining mark; without the spaces the marks meet out of canonical order.
    const key = normalize("\u1fcd\ufe74");
    assert.equal(key, "\u064d\u0313\u0300");
    assert.equal(normalize(key), key);
  });

  it("gives the same key for a key (fast-check)", function () {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({unit: anyCodePoint, maxLength: 30}), fc.string({unit: "grapheme", maxLength: 20})),
        name => {
          assert.equal(normalize(normalize(name)), normalize(name));
        },
      ),
      {numRuns: 1000},
    );
  });
});

describe("engine: a name mentioned in a sentence (mentionAt)", function () {
  it("finds whole words in any case and script, and not a name inside a longer word", function () {
    assert.equal(mentionAt("Take the hybrid path: a small team", "Hybrid"), 2);
    assert.equal(mentionAt("Go with the Parallel Model after all", "parallel model"), 3);
    assert.equal(mentionAt("Hybridity is not a path", "Hybrid"), -1);
    assert.equal(mentionAt("Partner-API docs go out", "Partner"), 0, "punctuation separates words");
    assert.equal(mentionAt("Выбрали гибридный путь", "Гибридный путь"), 1);
    assert.equal(mentionAt("Éviter l’externalisation", "EXTERNALISATION"), 2);
    assert.isAtLeast(
      mentionAt("決定：混合モデルで進める", "混合モデル"),
      0,
      "a script without spaces is searched inside",
    );
    assert.equal(mentionAt("anything", ""), -1);
  });
});
