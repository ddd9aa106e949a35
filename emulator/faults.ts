/**
 * Faults the emulator can inject, so tests can show the pack loses nothing and
 * doubles nothing when the service misbehaves as real services do: a 5xx
 * answer, a web page instead of JSON, a page token refused, a connection
 * dropped before or after a write, or rows added or removed while a client
 * pages through a table.
 */

/** The API operations, named as the spec's operationIds. */
export const Operations = [
  "whoami",
  "resolveBrowserLink",
  "listDocs",
  "createDoc",
  "getDoc",
  "addPermission",
  "listTables",
  "getTable",
  "listColumns",
  "listRows",
  "getRow",
  "upsertRows",
  "updateRow",
  "deleteRow",
  "deleteRows",
  "getMutationStatus",
] as const;

export type Operation = (typeof Operations)[number];

export const ServerErrors = [500, 502, 503] as const;
export type ServerError = (typeof ServerErrors)[number];

/** When a fault fires, counted in the requests it applies to from the moment it is injected. */
interface Timing {
  /** Fire on the nth request it applies to, 1 for the next one (default 1). */
  nth?: number;
  /** How many times it fires, on the nth applicable request and those after it (default 1). */
  times?: number;
}

/**
 * - a status: answer 500, 502 or 503 instead of serving the request;
 * - `resetBefore`: drop the connection without an answer before serving (a write is lost);
 * - `resetAfter`: serve the request (a write is accepted, and applied when due), then drop
 *   the connection without an answer.
 * Without an operation the fault applies to every request.
 */
export interface RequestFault extends Timing {
  fault: ServerError | "resetBefore" | "resetAfter";
  operation?: Operation;
}

/**
 * Answers a proxy's HTML error page (`status`, 502 by default) instead of
 * serving the request: a body that is not JSON at all. A write is not applied.
 */
export interface HtmlFault extends Timing {
  fault: "html";
  status?: ServerError;
  operation?: Operation;
}

/**
 * Refuses a list request that carries a page token with 400 `Invalid pageToken.`,
 * as the service refuses a token it no longer accepts. Applies only to requests
 * with a page token (of `operation`, when given).
 */
export interface PageTokenFault extends Timing {
  fault: "badPageToken";
  operation?: Operation;
}

/**
 * Changes a table just before a listRows request with a page token for it is
 * served: adds `insert` rows at the top of the table (copies of its first row)
 * and deletes its first `deleteFirst` rows. Page tokens hold offsets, so an
 * insert makes the walk see rows again and a delete makes it skip rows.
 */
export interface BetweenPagesFault extends Timing {
  fault: "betweenPages";
  /** The table's name or id. */
  table: string;
  insert?: number;
  deleteFirst?: number;
}

export type Fault = RequestFault | HtmlFault | PageTokenFault | BetweenPagesFault;

/** The faults that answer a request in place of the service, chosen by operation. */
export type AnswerFault = RequestFault | HtmlFault | PageTokenFault;

/** An injected fault and how often it has applied and fired so far. */
export type ActiveFault = Fault & {seen: number; fired: number};

export class FaultSet {
  private list: ActiveFault[] = [];

  /** The faults injected since the last clear, spent ones included. */
  get all(): readonly ActiveFault[] {
    return this.list;
  }

  add(fault: Fault): ActiveFault {
    const active = {...fault, seen: 0, fired: 0};
    this.list.push(active);
    return active;
  }

  clear(): void {
    this.list = [];
  }

  /**
   * The fault to fire on a request, if any. Every fault that applies counts the
   * request; the first one in injection order that is due fires.
   */
  take<F extends Fault>(applies: (fault: Fault) => fault is F): (F & ActiveFault) | undefined {
    let firing: (F & ActiveFault) | undefined;
    for (const active of this.list) {
      if (active.fired >= (active.times ?? 1) || !applies(active)) continue;
      active.seen++;
      if (!firing && active.seen >= (active.nth ?? 1)) firing = active as F & ActiveFault;
    }
    if (firing) firing.fired++;
    return firing;
  }
}

/** Reads faults written as JSON (an object or a list of them), as EMULATOR_FAULTS holds them. */
export function parseFaults(json: string): Fault[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error(`The faults are not valid JSON: ${json}`);
  }
  return (Array.isArray(parsed) ? parsed : [parsed]).map(checkFault);
}

function checkFault(value: unknown): Fault {
  const f = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const text = JSON.stringify(value);
  const count = (key: string) => {
    if (f[key] !== undefined && !(Number.isInteger(f[key]) && (f[key] as number) >= 0)) {
      throw new Error(`${key} must be a whole number in the fault ${text}.`);
    }
  };
  ["nth", "times", "insert", "deleteFirst"].forEach(count);
  if (f.fault === "betweenPages") {
    if (typeof f.table !== "string") throw new Error(`A betweenPages fault needs a table name or id: ${text}`);
    return f as unknown as BetweenPagesFault;
  }
  const kinds: unknown[] = [...ServerErrors, "resetBefore", "resetAfter", "html", "badPageToken"];
  if (!kinds.includes(f.fault)) {
    throw new Error(`The fault must be one of ${[...kinds, "betweenPages"].join(", ")}: ${text}`);
  }
  if (f.operation !== undefined && !(Operations as readonly unknown[]).includes(f.operation)) {
    throw new Error(`Unknown operation ${String(f.operation)}; the operations are ${Operations.join(", ")}.`);
  }
  if (f.fault === "html" && f.status !== undefined && !(ServerErrors as readonly unknown[]).includes(f.status)) {
    throw new Error(`An html fault's status must be one of ${ServerErrors.join(", ")}: ${text}`);
  }
  return f as unknown as AnswerFault;
}
