import {assert} from "chai";
import fc from "fast-check";
import {day, isoDay, plusDays} from "../src/engine/calendar";
import {healthTrend} from "../src/engine/health";
import {meetingHealth, ratingTrend} from "../src/engine/meeting_health";
import {assertWordAgrees} from "./support/trend";

describe("a trend's word and its printed ends", function () {
  it("says Up when the line rises, though the last rating ends below the first", function () {
    const sample = [7.5, 7.75, 8, 8, 8.25, 8.38, 8.5, 8.63, 8.57, 8.75, 8.75, 8.86, 7];
    const trend = ratingTrend(sample)!;
    assert.equal(trend.direction, "Up");
    assert.equal(
      trend.detail,
      "Up over the last 13 meetings: the least-squares line of the average rating rises from 7.94 at the first to 8.51 at the last.",
    );
    assertWordAgrees(trend.detail, "Up");
    assert.equal(
      ratingTrend([8, undefined, 7])!.detail,
      "Down over the last 3 meetings: the least-squares line of the average rating falls from 8 at the first to 7 at the last.",
    );
    assert.isUndefined(ratingTrend([undefined, 8, undefined]), "one rated meeting is no trend");
    assert.equal(
      ratingTrend([7, 1, 1])!.detail,
      "Down over the last 3 meetings: the least-squares line of the average rating falls from 6 at the first to 1 at the last.",
      "a steep line is shown within the rating scale",
    );
  });

  it("never contradicts its ends, and its word is HealthTrend's", function () {
    const average = fc.option(fc.double({min: 1, max: 10, noNaN: true}), {nil: undefined, freq: 5});
    fc.assert(
      fc.property(fc.array(average, {minLength: 2, maxLength: 13}), averages => {
        const trend = ratingTrend(averages);
        if (averages.filter(v => v !== undefined).length < 2) return assert.isUndefined(trend);
        assert.equal(trend!.direction, healthTrend(averages).direction);
        assertWordAgrees(trend!.detail, trend!.direction);
      }),
      {numRuns: 2000},
    );
  });

  it("never contradicts its ends on any meeting's row", function () {
    const people = Array.from({length: 6}, (_, i) => ({name: `P${i}`, email: `p${i}@example.com`}));
    const week = fc.array(fc.integer({min: 1, max: 10}), {maxLength: people.length});
    fc.assert(
      fc.property(fc.array(week, {minLength: 2, maxLength: 20}), weeks => {
        const meetings = weeks.map((_, i) => ({
          id: `m${i}`,
          name: `M${i}`,
          date: plusDays(day("2026-08-04"), 7 * i),
          kind: "",
          attendees: people,
          problems: [],
        }));
        const ratings = weeks.flatMap((given, i) =>
          given.map((rating, j) => ({meetingId: `m${i}`, attendee: people[j], rating, reason: "why"})),
        );
        for (const row of meetingHealth(meetings, ratings, [], [])) {
          if (row.trendDetail) assertWordAgrees(row.trendDetail, row.trend);
          else assert.isUndefined(row.trend, isoDay(row.meeting.date!));
          for (const n of (row.trendDetail ?? "").match(/-?\d+(\.\d+)?(?= at the)/g) ?? []) {
            assert.isAtLeast(Number(n), 1, row.trendDetail);
          }
        }
      }),
      {numRuns: 300},
    );
  });
});
