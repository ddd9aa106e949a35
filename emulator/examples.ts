import * as coda from "@codahq/packs-sdk";

/**
 * Formula examples are written as a user types them: dates as ISO text. Coda hands
 * a formula Date objects, so the harness does the same before executing.
 */
export function asInvoked(formula: coda.Formula, params: unknown[]): unknown[] {
  return params.map((value, i) => {
    const type = formula.parameters[i]?.type ?? formula.varargParameters?.[0]?.type;
    if (value === undefined || value === null) return value;
    if (type === coda.Type.date) return new Date(`${value as string}T12:00:00Z`);
    if (typeof type === "object" && type.type === "array" && type.items === coda.Type.date) {
      return (value as Array<string | undefined>).map(v => (v == null ? v : new Date(`${v}T12:00:00Z`)));
    }
    return value;
  });
}
