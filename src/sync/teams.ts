import * as coda from "@codahq/packs-sdk";
import {copyDoc, resolveDocId, sharePermission, updateRow, writeLanded} from "../api/client";
import * as cells from "../engine/cells";
import {normalize} from "../engine/columns";
import {cell, readTable} from "./source";
import {TeamFields, TeamsTable} from "./tables";

/**
 * The leadership doc's list of teams, and the team doc each one gets: a copy
 * of the team doc made once by hand, titled after the team, shared with its
 * lead, its link written on the team's row for the KeyResults sync to read
 * (its docs parameter can be the Team Doc column: `Teams.[Team Doc]`).
 */

export interface TeamDocRequest {
  leadershipDoc: string;
  team: string;
  templateDoc: string;
}

export interface TeamDocResult {
  Team: string;
  Link: string;
  Shared: string;
  Created: boolean;
}

/** The title a team's copy gets: the same for every click, so a second click finds the first copy. */
export const teamDocTitle = (team: string) => `${team} OKRs`;

/**
 * Makes the team's doc, once: a row whose Team Doc holds a link already is
 * left as it is; otherwise the template is copied (or the copy made by an
 * earlier click is found), shared with the lead's email when the row gives one,
 * and its link written on the row, by the row's id.
 */
export async function makeTeamDoc(context: coda.ExecutionContext, request: TeamDocRequest): Promise<TeamDocResult> {
  const team = request.team.trim();
  if (!team) throw new coda.UserVisibleError("The team is blank: give the team's name as the Teams table spells it.");
  const docId = await resolveDocId(context, request.leadershipDoc);
  const table = await readTable(context, docId, TeamsTable, TeamFields, {fresh: true});
  const rows = table.rows.filter(
    r => normalize(cells.text(cell(r, table.map, "Team")) || cells.text(r.name)) === normalize(team),
  );
  if (!rows.length) {
    throw new coda.UserVisibleError(
      `The Teams table has no team named "${team.slice(0, 40)}": add its row, or give the name as the table spells it.`,
    );
  }
  if (rows.length > 1) {
    throw new coda.UserVisibleError(
      `The Teams table lists "${team.slice(0, 40)}" ${rows.length} times: keep one row for it, then click again.`,
    );
  }
  const row = rows[0];
  const linkColumn = table.map.TeamDoc;
  if (!linkColumn) {
    throw new coda.UserVisibleError(
      `The Teams table has no Team Doc column: add one (Text), where the team doc's link goes. See SetupCheck.`,
    );
  }
  // A link typed as formatted text keeps its address; a plain link is its own text.
  const existing = cells.url(cell(row, table.map, "TeamDoc")) ?? cells.text(cell(row, table.map, "TeamDoc"));
  if (existing) return {Team: team, Link: existing, Shared: "", Created: false};

  const templateId = await resolveDocId(context, request.templateDoc);
  if (templateId === docId) {
    throw new coda.UserVisibleError(
      "The template is the leadership doc itself: give the link of the team doc to copy.",
    );
  }
  const copy = await copyDoc(context, {title: teamDocTitle(team), sourceDocId: templateId});
  const lead = cells.people(cell(row, table.map, "Lead")).find(p => p.email);
  if (lead) await sharePermission(context, copy.id, lead.email, "write");
  const requestId = await updateRow(context, docId, table.ref, row.id, [
    {column: linkColumn.name, value: copy.browserLink},
  ]);
  if (!(await writeLanded(context, requestId))) {
    throw new coda.UserVisibleError(
      `${copy.name} is made, but its link is queued, not yet on the team's row: click again in a minute, which finds the copy.`,
    );
  }
  return {Team: team, Link: copy.browserLink, Shared: lead?.email ?? "", Created: true};
}
