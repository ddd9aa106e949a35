import * as coda from "@codahq/packs-sdk";
import {requestsMade, resolveDocId} from "../api/client";

/**
 * Walks a list of docs across sync executions. The continuation holds only where
 * to resume (a doc index and, inside a large doc, a page token) and a row count;
 * each execution stops starting new work once its time budget is spent, well
 * inside the one-minute limit.
 */

export const ExecutionBudgetMs = 25_000;
/**
 * Requests one execution may start before it hands over to the next: about what
 * the API's read limit (100 per 6 seconds) lets through without waiting long.
 */
export const ExecutionRequestBudget = 90;
/** The most rows a Coda sync table keeps. */
export const MaxSyncRows = 10_000;

interface Cursor {
  doc: number;
  page?: string;
  rows: number;
}

export interface DocPage<T> {
  rows: T[];
  /** Set when the doc's table has more pages than this execution could read. */
  next?: string;
}

/** Whether the execution should stop starting new work. */
export type Spent = () => boolean;

export type DocReader<T> = (docId: string, page: string | undefined, spent: Spent) => Promise<DocPage<T>>;

export function distinctDocs(docs: readonly string[] | undefined, what: string): string[] {
  const list = [...new Set((docs ?? []).map(d => d.trim()).filter(Boolean))];
  if (!list.length) throw new coda.UserVisibleError(`List at least one ${what} doc: paste its link or id.`);
  return list;
}

export async function syncAcrossDocs<T>(
  context: coda.SyncExecutionContext,
  docs: readonly string[],
  read: DocReader<T>,
  tableLabel: string,
  budgetMs = ExecutionBudgetMs,
): Promise<{result: T[]; continuation?: coda.Continuation}> {
  const deadline = Date.now() + budgetMs;
  const spent: Spent = () => Date.now() > deadline || requestsMade(context) >= ExecutionRequestBudget;
  const cursor = (context.sync.continuation as unknown as Cursor | undefined) ?? {doc: 0, rows: 0};
  const result: T[] = [];
  let rows = cursor.rows;
  let page = cursor.page;
  for (let doc = cursor.doc; doc < docs.length; doc++) {
    const docId = await resolveDocId(context, docs[doc]);
    const got = await read(docId, page, spent);
    result.push(...got.rows);
    rows += got.rows.length;
    if (rows > MaxSyncRows) {
      throw new coda.UserVisibleError(
        `The source docs hold more than ${MaxSyncRows.toLocaleString("en-US")} ${tableLabel}, the most a sync table keeps. Narrow the sync with its cycle, teams or statuses filters, or split the docs across two tables.`,
      );
    }
    if (got.next) return {result, continuation: {doc, page: got.next, rows}};
    page = undefined;
    if (spent() && doc + 1 < docs.length) return {result, continuation: {doc: doc + 1, rows}};
  }
  return {result};
}
