/**
 * Which parts of the pack must ask for the user's account. Everything that
 * reaches the Docs API needs it: every action and every sync table but the two
 * that lay out dates from their parameters alone. The pure calculation formulas
 * need none; that they really make no request is checked by running them in the
 * isolate with no network (runner.ts).
 *
 * The check reads compiled pack metadata, the form the SDK uploads, so the
 * isolate run applies it to the BUILT bundle.
 */

/** Sync tables that compute their rows from their parameters and need no account. */
export const AccountFreeSyncTables: readonly string[] = ["Cadence", "Playbook", "ExecutiveProgram"];

export interface ConnectionMetadata {
  formulas?: ReadonlyArray<{name: string; isAction?: boolean; connectionRequirement?: string}>;
  syncTables?: ReadonlyArray<{name: string; getter: {connectionRequirement?: string}}>;
}

/** One sentence per action or sync table that reaches the API without requiring an account. */
export function connectionFindings(metadata: ConnectionMetadata): string[] {
  const findings: string[] = [];
  const stated = (value: string | undefined) =>
    value === undefined ? "no connectionRequirement" : `connectionRequirement "${value}"`;
  for (const formula of metadata.formulas ?? []) {
    if (formula.isAction && formula.connectionRequirement !== "required") {
      findings.push(
        `The action ${formula.name} writes through the Docs API but has ${stated(formula.connectionRequirement)}; it must be "required".`,
      );
    }
  }
  for (const table of metadata.syncTables ?? []) {
    if (AccountFreeSyncTables.includes(table.name)) continue;
    if (table.getter.connectionRequirement !== "required") {
      findings.push(
        `The sync table ${table.name} reads through the Docs API but has ${stated(table.getter.connectionRequirement)}; it must be "required".`,
      );
    }
  }
  return findings;
}
