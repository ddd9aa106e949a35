import * as coda from "@codahq/packs-sdk";
import {ApiError, elapsedMs, mayHaveWritten, requestsMade, resolveDocId} from "../api/client";
import {TableKeptChangingError} from "./source";

/**
 * Walks a list of docs across sync executions. Each doc's tables are read whole
 * in one execution (so a table changing between two executions cannot drop or
 * double a row); the continuation holds the next doc's place, the rows synced
 * so far and the docs that could not be read. An execution stops starting new
 * docs once its time or request budget is spent, well inside the one-minute limit.
 *
 * Every doc that can be read is read. A doc that cannot be (not shared,
 * deleted, a table or a column missing, a link that is no doc: any message for
 * the user) is noted with its message. A fault of the service that outlasts the
 * client's retries (a 5xx, a 429, a dropped connection, a table that kept
 * changing) is no fault of the doc and never noted: the doc is read again first
 * thing in the next execution, with that execution's whole time for retries,
 * and a fault that outlasts those too fails the sync with its own message.
 *
 * What becomes of the rows an unreadable doc had. The SDK's docs say each sync
 * returns "the full set of items, and the platform will determine how to update
 * existing rows, remove old rows" (docs/guides/blocks/sync-tables/index.md,
 * "Write the sync formula"), matching rows by id "to ensure that rows are added,
 * updated, and removed correctly" (docs/guides/advanced/schemas.md, "Row
 * identifier"). A full sync that left a doc out would remove its rows, and with
 * them what people typed in the columns they added. Only an incremental sync
 * keeps rows it does not return: it deletes the ids it names
 * (docs/guides/blocks/sync-tables/indexing/incremental.md, "Deleted records").
 * So:
 *
 * - A full sync (no context.sync.previousCompletion) that read every doc ends
 *   with a completion holding an incrementalContinuation, so that later syncs
 *   may be incremental. One that could not read some doc reads the rest, then
 *   fails with a message naming every such doc, and the table keeps its rows.
 *   A first sync is no exception: "The previous completion will not be
 *   populated during a full sync" (SyncFull, api_types.d.ts), so a first sync
 *   and a later full one look alike.
 * - An incremental sync returns the rows of the docs it read, one row per doc
 *   it could not read (id `<doc id>/unreadable`, the doc's message in the
 *   display property, added by withNotices from the table's schema), and
 *   deletes the unreadable-doc rows of the docs it read. The unreadable docs'
 *   rows stay as they were. While a doc is unreadable its completion keeps the
 *   incrementalContinuation; once every doc reads it says hasIncompleteResults,
 *   which "will trigger a full sync" (SyncCompletionMetadataIncomplete,
 *   api_types.d.ts; incremental.md, "Handling errors") that removes the rows
 *   deleted at the source meanwhile.
 *
 * The docs describe incremental syncs for Superhuman Go's indexing: "an
 * incremental sync runs every 4 hours with a full sync every 7 days" (index.md,
 * "Sync frequency"); for a sync table in a doc they name only scheduled and
 * manual syncs. Expect full syncs there: an unreadable doc fails the sync, with
 * that message, until it is fixed or taken off the list.
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
/** The room for the ids of unreadable docs after the first one, in the continuation and the message. */
const OthersRoom = 100;

interface Cursor {
  doc: number;
  rows: number;
  /** How many docs could not be read, the first one's message, and as many of the others' ids as fit. */
  unreadable: number;
  first: string;
  others: string;
}

export type DocReader<T> = (docId: string) => Promise<T[]>;

/** A doc an incremental sync could not read, and why, in words for the user. */
export interface UnreadableDoc {
  docId: string;
  message: string;
}

export interface DocsPage<T> {
  result: T[];
  continuation?: coda.Continuation;
  completion?: coda.SyncCompletionMetadataResult;
  deletedRowIds?: string[];
}

const unreadableInExecution = new WeakMap<object, UnreadableDoc[]>();

/** The docs this execution of an incremental sync could not read: each gets a row of its own. */
export function unreadableDocs(context: coda.ExecutionContext): readonly UnreadableDoc[] {
  return unreadableInExecution.get(context) ?? [];
}

/** The id of the row that says a doc could not be read: one per doc, the same in every sync. */
export const unreadableRowId = (docId: string) => `${docId}/unreadable`;

export function distinctDocs(docs: readonly string[] | undefined, what: string): string[] {
  const list = [...new Set((docs ?? []).map(d => (d ?? "").trim()).filter(Boolean))];
  if (!list.length) throw new coda.UserVisibleError(`List at least one ${what} doc: paste its link or id.`);
  return list;
}

function cursorOf(continuation: coda.Continuation | undefined): Cursor {
  const count = (value: unknown) => {
    const n = Number(value ?? 0);
    return Number.isInteger(n) && n >= 0 ? n : 0;
  };
  return {
    doc: count(continuation?.doc),
    rows: count(continuation?.rows),
    unreadable: count(continuation?.unreadable),
    first: String(continuation?.first ?? ""),
    others: String(continuation?.others ?? ""),
  };
}

/** A fault of the service that outlasted the client's retries: a 5xx, a 429 or a dropped connection (what mayHaveWritten tells apart), or a table that kept changing. */
function isPassingFault(error: unknown): boolean {
  return (error instanceof ApiError && mayHaveWritten(error)) || error instanceof TableKeptChangingError;
}

function noteUnreadable(cursor: Cursor, docId: string, message: string): void {
  if (!cursor.unreadable) cursor.first = message;
  else {
    const listed = cursor.others ? cursor.others.split(", ").length : 0;
    const joined = cursor.others ? `${cursor.others}, ${docId.slice(0, 40)}` : docId.slice(0, 40);
    if (listed === cursor.unreadable - 1 && joined.length <= OthersRoom) cursor.others = joined;
  }
  cursor.unreadable++;
}

/** Why a full sync stops: the first unreadable doc's own message, then the others by id. */
function stopMessage(cursor: Cursor): string {
  const more = cursor.unreadable - 1;
  const listed = cursor.others ? cursor.others.split(", ").length : 0;
  const also = more
    ? ` ${more} more ${more === 1 ? "doc cannot" : "docs cannot"} be read either: ${cursor.others}${more > listed ? ` and ${more - listed} more` : ""}.`
    : "";
  return `${cursor.first}${also}`;
}

export async function syncAcrossDocs<T>(
  context: coda.SyncExecutionContext,
  docs: readonly string[],
  read: DocReader<T>,
  tableLabel: string,
): Promise<DocsPage<T>> {
  const spent = () => elapsedMs(context) > DocBudgetMs || requestsMade(context) >= ExecutionRequestBudget;
  const previous = context.sync.previousCompletion;
  const cursor = cursorOf(context.sync.continuation);
  const result: T[] = [];
  const unreadable: UnreadableDoc[] = [];
  unreadableInExecution.set(context, unreadable);
  /** For an incremental sync: the unreadable-doc rows of the docs this execution read, which go. */
  const deletedRowIds: string[] = [];
  const page = (doc: number): DocsPage<T> => {
    const continuation: coda.Continuation = {doc, rows: cursor.rows};
    if (cursor.unreadable) {
      Object.assign(continuation, {unreadable: cursor.unreadable, first: cursor.first, others: cursor.others});
    }
    return {result, continuation, ...(previous ? {deletedRowIds} : {})};
  };
  for (let doc = cursor.doc; doc < docs.length; doc++) {
    let docId = docs[doc];
    let got: T[] = [];
    try {
      docId = await resolveDocId(context, docs[doc]);
      got = await read(docId);
      deletedRowIds.push(unreadableRowId(docId));
    } catch (error) {
      // A passing fault: the doc is read first in the next execution, unless it was first in this one and had every retry.
      if (isPassingFault(error) && doc > cursor.doc) return page(doc);
      if (isPassingFault(error) || !(error instanceof coda.UserVisibleError)) throw error;
      noteUnreadable(cursor, docId, error.message);
      if (previous) unreadable.push({docId, message: error.message});
    }
    result.push(...got);
    cursor.rows += got.length;
    if (cursor.rows > MaxSyncRows) {
      throw new coda.UserVisibleError(
        `The source docs hold more than ${MaxSyncRows.toLocaleString("en-US")} ${tableLabel}, the most a sync table keeps. Narrow the sync with its filters, or split the docs across two tables.`,
      );
    }
    if (spent() && doc + 1 < docs.length) return page(doc + 1);
  }
  if (!previous) {
    if (cursor.unreadable) throw new coda.UserVisibleError(stopMessage(cursor));
    return {result, completion: {incrementalContinuation: {fullSyncAt: new Date().toISOString()}}};
  }
  return {
    result,
    deletedRowIds,
    completion: cursor.unreadable
      ? {incrementalContinuation: previous.incrementalContinuation}
      : {hasIncompleteResults: true},
  };
}

/**
 * Reads each doc within one execution, for a sync that draws on team docs on
 * the side (the agenda, risks, dependency gates): a doc the user must fix is
 * set aside with its message, so it never hides the others; a fault of the
 * service that outlasted the retries fails the sync as before.
 */
export async function readEachDoc<T>(
  context: coda.ExecutionContext,
  docs: readonly string[],
  read: (docId: string) => Promise<T>,
): Promise<{read: T[]; unreadable: UnreadableDoc[]}> {
  const out: T[] = [];
  const unreadable: UnreadableDoc[] = [];
  for (const doc of docs) {
    let docId = doc;
    try {
      docId = await resolveDocId(context, doc);
      out.push(await read(docId));
    } catch (error) {
      if (isPassingFault(error) || !(error instanceof coda.UserVisibleError)) throw error;
      unreadable.push({docId, message: error.message});
    }
  }
  return {read: out, unreadable};
}
