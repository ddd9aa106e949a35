import * as coda from "@codahq/packs-sdk";
import {elapsedMs, requestsMade, resolveDocId} from "../api/client";

/**
 * Walks a list of docs across sync executions. Each doc's tables are read whole
 * in one execution (so a table changing between two executions cannot drop or
 * double a row); the continuation holds only the next doc's place and the rows
 * synced so far. An execution stops starting new docs once its time or request
 * budget is spent, well inside the one-minute limit.
 */

/** Time after which an execution starts no new doc. */
export const DocBudgetMs = 25_000;
/**
 * Requests after which an execution starts no new doc: about what the API's
 * read limit (100 per 6 seconds) lets through without waiting long.
 */
export const ExecutionRequestBudget = 90;
/** The most rows a Coda sync table keeps. */
export const MaxSyncRows = 10_000;

interface Cursor {
  doc: number;
  rows: number;
}

export type DocReader<T> = (docId: string) => Promise<T[]>;

export function distinctDocs(docs: readonly string[] | undefined, what: string): string[] {
  const list = [...new Set((docs ?? []).map(d => (d ?? "").trim()).filter(Boolean))];
  if (!list.length) throw new coda.UserVisibleError(`List at least one ${what} doc: paste its link or id.`);
  return list;
}

function cursorOf(continuation: coda.Continuation | undefined): Cursor {
  const doc = Number(continuation?.doc ?? 0);
  const rows = Number(continuation?.rows ?? 0);
  return {doc: Number.isInteger(doc) && doc >= 0 ? doc : 0, rows: Number.isFinite(rows) ? rows : 0};
}

export async function syncAcrossDocs<T>(
  context: coda.SyncExecutionContext,
  docs: readonly string[],
  read: DocReader<T>,
  tableLabel: string,
): Promise<{result: T[]; continuation?: coda.Continuation}> {
  const spent = () => elapsedMs(context) > DocBudgetMs || requestsMade(context) >= ExecutionRequestBudget;
  const cursor = cursorOf(context.sync.continuation);
  const result: T[] = [];
  let rows = cursor.rows;
  for (let doc = cursor.doc; doc < docs.length; doc++) {
    const got = await read(await resolveDocId(context, docs[doc]));
    result.push(...got);
    rows += got.length;
    if (rows > MaxSyncRows) {
      throw new coda.UserVisibleError(
        `The source docs hold more than ${MaxSyncRows.toLocaleString("en-US")} ${tableLabel}, the most a sync table keeps. Narrow the sync with its filters, or split the docs across two tables.`,
      );
    }
    if (spent() && doc + 1 < docs.length) return {result, continuation: {doc: doc + 1, rows}};
  }
  return {result};
}
