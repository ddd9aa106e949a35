import * as coda from "@codahq/packs-sdk";
import type * as z from "zod/mini";
import {
  ApiLink,
  ColumnList,
  CreatedDoc,
  DocList,
  ErrorBody,
  MutationStatus,
  PermissionResult,
  RowList,
  TableDetail,
  TableList,
  UpdateResult,
  UpsertResult,
  User,
} from "../../schemas/api";
import type {Column, Row, TableReference} from "../../schemas/api";
import {Contract, quote, shorten} from "../engine/contract";
import {ApiBaseUrl} from "./address";

/**
 * The one path to the Superhuman Docs API. Page functions return
 * {items, continuation}. Reads and idempotent writes are retried through
 * server errors, rate limits and dropped connections within the execution's
 * time budget; writes are paced under the per-user write limit; every failure
 * the user can act on becomes one short UserVisibleError that says what to do,
 * naming each input (a doc id, a table, a title) by at most its first 40
 * characters.
 */

export {ApiBaseUrl, NetworkDomain} from "./address";
/** The largest row page the pack asks for. */
export const RowPageSize = 500;
/** listColumns documents a maximum of 100. */
export const ColumnPageSize = 100;
/**
 * An execution may last a minute. Retries, pacing and waiting for writes stop
 * here, leaving time to answer.
 */
export const ExecutionBudgetMs = 45_000;
/** Waits between attempts of a failed request: the backoff. */
export const RetryDelaysMs = [300, 1_000, 2_500, 5_000];

export interface WriteLimit {
  writes: number;
  windowMs: number;
}

/**
 * The real service lets one user make about 3 writes per 10 seconds (the
 * documented figure is 10 per 6 seconds); writes within one execution are
 * paced under this. Change it here to pace differently.
 */
export const ObservedWriteLimit: WriteLimit = {writes: 3, windowMs: 10_000};

export interface Page<T> {
  items: T[];
  continuation?: string;
}

/** An input as a message names it: at most its first 40 characters. */
const named = (text: string) => shorten(text, Contract.quoteLength);

/** What one execution has done: its start, its requests and writes, and what it has read. */
interface Execution {
  startedAt: number;
  requests: number;
  retries: number;
  writesAt: number[];
  memo: Map<string, Promise<unknown>>;
}

const executions = new WeakMap<object, Execution>();

function execution(context: coda.ExecutionContext): Execution {
  let e = executions.get(context);
  if (!e) {
    executions.set(context, (e = {startedAt: Date.now(), requests: 0, retries: 0, writesAt: [], memo: new Map()}));
  }
  return e;
}

export function requestsMade(context: coda.ExecutionContext): number {
  return execution(context).requests;
}

/** Milliseconds since the execution's first request. */
export function elapsedMs(context: coda.ExecutionContext): number {
  return Date.now() - execution(context).startedAt;
}

/**
 * Reads once per execution: the same key gives the same answer without another
 * request, unless `fresh` asks to read again.
 */
export function once<T>(
  context: coda.ExecutionContext,
  key: string,
  read: () => Promise<T>,
  fresh = false,
): Promise<T> {
  const memo = execution(context).memo;
  if (fresh || !memo.has(key)) {
    const p = read();
    memo.set(key, p);
    p.catch(() => {
      if (memo.get(key) === p) memo.delete(key);
    });
  }
  return memo.get(key) as Promise<T>;
}

/**
 * The Pack runtime has no timers, so a pause holds the execution until the
 * clock has moved on. Pauses are short and counted in the execution's budget.
 */
export function pause(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // Waiting without timers.
  }
}

interface Call<S extends z.ZodMiniType> {
  schema: S;
  path: string;
  method?: coda.FetchMethodType;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** What the call is about, in words, for error messages. */
  about: string;
  /** The doc it touches, so a 404 can say the doc is not shared. */
  docId?: string;
  /** A write whose repetition changes nothing: it may be retried after a dropped connection. */
  idempotent?: boolean;
  /** Ask for the doc's latest version, not a snapshot that may trail recent writes. */
  latest?: boolean;
}

const isWrite = (method: string) => method !== "GET";

/** Whether a failure is worth another attempt: a server error, a rate limit or a dropped connection. */
export function isTransient(error: unknown): boolean {
  if (coda.StatusCodeError.isStatusCodeError(error)) {
    const status = (error as coda.StatusCodeError).statusCode;
    return status === 429 || status >= 500;
  }
  return (
    error instanceof Error &&
    !(error instanceof coda.UserVisibleError) &&
    /ECONNRESET|socket hang up|ETIMEDOUT|EPIPE|ECONNREFUSED|network|timed? ?out|aborted/i.test(error.message)
  );
}

async function call<S extends z.ZodMiniType>(context: coda.ExecutionContext, c: Call<S>): Promise<z.infer<S>> {
  const e = execution(context);
  const method = c.method ?? "GET";
  const query = Object.fromEntries(Object.entries(c.query ?? {}).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
  const retriable = !isWrite(method) || c.idempotent === true;
  for (let attempt = 0; ; attempt++) {
    const slot = isWrite(method) ? paceWrite(context, c.about) : undefined;
    e.requests++;
    try {
      const response = await context.fetcher
        .fetch({
          method,
          url: coda.withQueryParams(`${ApiBaseUrl}${c.path}`, query),
          headers: {
            ...(c.body === undefined ? {} : {"Content-Type": "application/json"}),
            ...(c.latest ? {"X-Coda-Doc-Version": "latest"} : {}),
          },
          body: c.body === undefined ? undefined : JSON.stringify(c.body),
          cacheTtlSecs: 0,
        })
        .finally(() => {
          // The service counts a write from when it received it, which only its answer bounds.
          if (slot !== undefined) e.writesAt[slot] = Date.now();
        });
      // A body that is not JSON at all (a proxy's web page) stays text; a write it answers may have landed.
      if (typeof response.body === "string") {
        throw new ApiError(
          `The Docs API answered ${c.about} with a web page, not data. Try again in a minute; if it persists, report it.`,
          response.status,
        );
      }
      const parsed = c.schema.safeParse(response.body);
      if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 2).map(i => `${i.path.join(".") || "body"}: ${i.message}`);
        throw new coda.UserVisibleError(
          `The Docs API answered ${c.about} in an unexpected shape (${issues.join("; ")}). Try again; if it persists, report it.`,
        );
      }
      return parsed.data;
    } catch (error) {
      const delay = RetryDelaysMs[attempt];
      // Asked for the latest version, the API answers 400 while its view still trails: that passes too.
      const trailing =
        c.latest === true &&
        coda.StatusCodeError.isStatusCodeError(error) &&
        (error as coda.StatusCodeError).statusCode === 400 &&
        !refused(error as coda.StatusCodeError).fix;
      if (
        retriable &&
        (isTransient(error) || trailing) &&
        delay !== undefined &&
        elapsedMs(context) + delay < ExecutionBudgetMs
      ) {
        e.retries++;
        pause(delay);
        continue;
      }
      throw apiError(error, c.about, c.docId, retriable ? attempt + 1 : 1, [
        ...c.path.split("/").filter(Boolean).map(decodeURIComponent),
        ...Object.values(query),
      ]);
    }
  }
}

/**
 * Holds a write until the per-user write limit allows it; refuses when that
 * would pass the budget. Answers the write's place in the execution's writes,
 * whose time the caller moves to when the answer came back.
 */
function paceWrite(context: coda.ExecutionContext, about: string): number {
  const e = execution(context);
  const {writes, windowMs} = ObservedWriteLimit;
  const recent = e.writesAt.filter(t => t > Date.now() - windowMs);
  if (recent.length >= writes) {
    const wait = recent[recent.length - writes] + windowMs - Date.now();
    if (elapsedMs(context) + wait > ExecutionBudgetMs) {
      throw new ApiError(
        `Not written (${about}): the Docs API allows only ${writes} writes per ${windowMs / 1000} s and this run is out of time. Run it again; nothing is doubled.`,
        RefusedBeforeSending,
      );
    }
    pause(wait);
  }
  return e.writesAt.push(Date.now()) - 1;
}

/**
 * What a refusal was about, when the pack can act on it: a doc not shared, a
 * request over the API's size limit, a page token the API no longer accepts.
 */
export type Refusal = "docNotShared" | "tooLarge" | "pageToken";

/**
 * A failure of the Docs API, in words for the user, keeping the HTTP status so
 * callers can tell a missing table from a doc that is not shared.
 */
export class ApiError extends coda.UserVisibleError {
  constructor(
    message: string,
    readonly status: number,
    readonly refusal?: Refusal,
  ) {
    super(message);
  }

  get docNotShared(): boolean {
    return this.refusal === "docNotShared";
  }
}

/** The status of an ApiError for a write the pack held back: nothing was sent. */
const RefusedBeforeSending = 0;
/** The status of an ApiError for a dropped connection: a write may have landed. */
const ConnectionDropped = -1;

/**
 * Whether a failed write may have landed all the same: after a server error, a
 * rate limit or a dropped connection the service may have queued it, and a
 * success it answered in words the pack could not read was accepted; a refusal
 * (4xx) or a write held back by the pack changed nothing.
 */
export function mayHaveWritten(error: unknown): boolean {
  if (!(error instanceof ApiError)) return !(error instanceof coda.UserVisibleError);
  return (
    error.status === ConnectionDropped ||
    error.status === 429 ||
    error.status >= 500 ||
    (error.status >= 200 && error.status < 300)
  );
}

/** The message the real service gives for a doc that does not exist or is not shared with the user. */
export const DocNotSharedMessage = "Doc does not exist or is inaccessible.";

/** The real service's message for a page token it no longer accepts. */
const BadPageToken = /invalid page ?token/i;
/** The real service answers an oversized request with 400 `request entity too large`, a proxy with 413. */
const TooLarge = /entity too large|payload too large/i;
/** Asked for the latest version of a doc whose view still trails its writes. */
const NotUpToDate = /not yet up to date/i;

interface Said {
  /** The API's message, or the first problem its codaDetail lists. */
  message: string;
  /** What the pack or the user can do about it, when the refusal says. */
  fix?: Refusal | "schema";
}

/**
 * What an error answer says. Its body may be the spec's envelope, carry
 * codaType and codaDetail.issues besides, or not be JSON at all (a proxy's HTML
 * page), which says nothing.
 */
function refused(error: coda.StatusCodeError): Said {
  let body: unknown = error.body;
  if (typeof body === "string") {
    try {
      body = JSON.parse(body);
    } catch {
      return {message: ""};
    }
  }
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) return {message: ""};
  const message = parsed.data.message ?? "";
  const issue = firstIssue(parsed.data.codaDetail?.issues);
  if (error.statusCode === 413 || TooLarge.test(message)) return {message, fix: "tooLarge"};
  if (BadPageToken.test(message)) return {message, fix: "pageToken"};
  if (issue) return {message: issue, fix: "schema"};
  return {message};
}

/** The first problem a schema check lists, with the field it is about: nested lists are searched for the field. */
function firstIssue(issues: readonly unknown[] | undefined): string | undefined {
  let first: string | undefined;
  const walk = (list: readonly unknown[]): string | undefined => {
    for (const item of list) {
      if (Array.isArray(item)) {
        const found = walk(item);
        if (found) return found;
        continue;
      }
      const {path, message, errors} = (typeof item === "object" && item !== null ? item : {}) as {
        path?: unknown;
        message?: unknown;
        errors?: unknown;
      };
      const field = Array.isArray(path) ? path.join(".") : "";
      if (typeof message === "string" && field) return `${field}: ${message}`;
      if (typeof message === "string") first ??= message;
      const found = Array.isArray(errors) ? walk(errors) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  return (issues && walk(issues)) ?? first;
}

/** The API's words in a message: at most 120 characters, each input the request carried cut to its first 40. */
function inWords(message: string, inputs: readonly string[]): string {
  let words = message;
  for (const input of inputs) if (input.length > Contract.quoteLength) words = words.split(input).join(named(input));
  return shorten(words, 120);
}

/**
 * The one rule for API failures: what failed, in which doc, and what to do, in
 * one short message. The API's own words are quoted with the request's inputs
 * (path segments and query values) cut to 40 characters. Errors that are not
 * HTTP failures pass through, except dropped connections.
 */
export function apiError(
  error: unknown,
  about: string,
  docId?: string,
  attempts = 1,
  inputs: readonly string[] = [],
): unknown {
  const tries = attempts > 1 ? ` after ${attempts} tries` : "";
  if (!coda.StatusCodeError.isStatusCodeError(error)) {
    if (isTransient(error)) {
      return new ApiError(
        `The connection to the Docs API dropped${tries} (${about}). Try again; nothing is doubled.`,
        ConnectionDropped,
      );
    }
    return error;
  }
  const e = error as coda.StatusCodeError;
  const said = refused(e);
  const words = inWords(said.message, docId ? [docId, ...inputs] : inputs);
  const detail = words ? ` The API said: ${words}` : "";
  const status = e.statusCode;
  if (status === 401) return error; // The platform asks the user to sign in again.
  if (status >= 500) {
    return new ApiError(
      `The Docs API failed${tries} (${status}, ${about}). Try again in a minute; nothing is lost or doubled.`,
      status,
    );
  }
  switch (said.fix) {
    case "tooLarge":
      return new ApiError(
        `The Docs API refused ${about}: the request is over its size limit. Shorten the longest text in it, then try again.`,
        status,
        "tooLarge",
      );
    case "pageToken":
      return new ApiError(
        `The Docs API no longer accepts the page it was at (${about}). Run it again: it reads from the top, so nothing is lost or doubled.`,
        status,
        "pageToken",
      );
    case "schema":
      return new ApiError(
        `The Docs API refused ${about}: ${words}. Check the values given; if they are right, report it.`,
        status,
      );
  }
  switch (status) {
    case 403:
      return new ApiError(
        `Access denied (${about}). Share the doc with the account this pack is connected as, with edit rights for writes.${detail}`,
        403,
      );
    case 404:
      if (said.message === DocNotSharedMessage || /^Doc /.test(said.message)) {
        const doc = docId ? `The doc ${named(docId)}` : "The doc";
        return new ApiError(
          `${doc} does not exist or is not shared with the account this pack is connected as. Share it with that account, then try again.`,
          404,
          "docNotShared",
        );
      }
      return new ApiError(`Not found: ${about}. Check the doc link and the table name.${detail}`, 404);
    case 429:
      return new ApiError(
        `The Docs API is limiting how fast this account may read or write (${about}). Wait a minute and try again; nothing is lost or doubled.`,
        429,
      );
  }
  if (NotUpToDate.test(said.message)) {
    return new ApiError(
      `The doc has not caught up with its latest writes yet (${about}). Try again in a minute; nothing is lost or doubled.`,
      status,
    );
  }
  if (status === 400) {
    return new ApiError(`The Docs API refused ${about}.${detail || " Try again; if it persists, report it."}`, 400);
  }
  return new ApiError(
    `The Docs API refused ${about} (${status}).${detail} Try again; if it persists, report it.`,
    status,
  );
}

// ---------------------------------------------------------------------- docs

const DocIdPattern = /^[A-Za-z0-9_-]{6,}$/;

/**
 * The doc id inside a doc URL, from either host. Browser links read
 * `…/d/<title>_d<docId>/…`; the id runs to the end of that path segment and may
 * itself hold `_` and `-`.
 */
export function docIdFromUrl(text: string): string | undefined {
  const match = /^https?:\/\/(?:[a-z0-9.-]+\.)?(?:coda\.io|superhuman\.com)\/d\/([^/?#]+)/.exec(text.trim());
  if (!match) return undefined;
  const segment = decodeURIComponent(match[1]);
  const at = segment.startsWith("_d") ? 0 : segment.indexOf("_d");
  const id = at < 0 ? segment : segment.slice(at + 2);
  return DocIdPattern.test(id) ? id : undefined;
}

/** The doc id in an API href (`…/apis/v1/docs/<docId>/…`). */
export function docIdFromHref(href: string | undefined): string | undefined {
  const match = /\/docs\/([^/?#]+)/.exec(href ?? "");
  return match ? decodeURIComponent(match[1]) : undefined;
}

/**
 * A doc id from what a user typed: a bare id or a doc URL parsed locally, with
 * resolveBrowserLink as the fallback for links to pages, tables and rows.
 */
export async function resolveDocId(context: coda.ExecutionContext, input: string): Promise<string> {
  const text = (input ?? "").trim();
  if (!text) throw new coda.UserVisibleError("A doc is blank: give its link or id.");
  if (DocIdPattern.test(text)) return text;
  const local = docIdFromUrl(text);
  if (local) return local;
  if (!/^https?:\/\//.test(text)) {
    throw new coda.UserVisibleError(
      `${quote(text)} is neither a doc link nor a doc id. Copy the doc's link from the browser's address bar.`,
    );
  }
  const link = await browserLink(context, text);
  const fromLink =
    docIdFromHref(link.resource.href) ??
    (link.resource.type === "doc" ? link.resource.id : undefined) ??
    docIdFromUrl(link.browserLink ?? "");
  if (!fromLink) {
    throw new coda.UserVisibleError(
      `The link ${quote(text)} does not point into a doc. Copy the doc's link from the browser's address bar.`,
    );
  }
  return fromLink;
}

/** What a browser link points at, through resolveBrowserLink, asked once per execution. */
function browserLink(context: coda.ExecutionContext, url: string) {
  return once(context, `link:${url}`, () =>
    call(context, {
      schema: ApiLink,
      path: "/resolveBrowserLink",
      query: {url, degradeGracefully: true},
      about: "reading a link",
    }),
  );
}

/**
 * The doc and row a row's browser link points at (as "Copy link to row" gives
 * it), through resolveBrowserLink; undefined when the link is to no row.
 */
export async function resolveRowLink(
  context: coda.ExecutionContext,
  url: string,
): Promise<{docId: string; rowId: string} | undefined> {
  const text = url.trim();
  const link = await browserLink(context, text);
  const match = /\/docs\/([^/?#]+)\/tables\/[^/?#]+\/rows\/([^/?#]+)/.exec(link.resource.href ?? "");
  return link.resource.type === "row" && match
    ? {docId: decodeURIComponent(match[1]), rowId: decodeURIComponent(match[2])}
    : undefined;
}

export async function whoami(context: coda.ExecutionContext) {
  return call(context, {schema: User, path: "/whoami", about: "the signed-in account"});
}

// ---------------------------------------------------------------------- tables

const tablePath = (docId: string, table: string) =>
  `/docs/${encodeURIComponent(docId)}/tables/${encodeURIComponent(table)}`;

export async function listTablesPage(
  context: coda.ExecutionContext,
  docId: string,
  pageToken?: string,
): Promise<Page<TableReference>> {
  const page = await call(context, {
    schema: TableList,
    path: `/docs/${encodeURIComponent(docId)}/tables`,
    query: pageToken ? {pageToken} : {limit: 100, tableTypes: "table"},
    about: `listing the tables of the doc ${named(docId)}`,
    docId,
  });
  return {items: page.items, continuation: page.nextPageToken};
}

/** A table's row count and last change, to tell whether it changed while it was read. */
export async function getTable(context: coda.ExecutionContext, docId: string, table: string, latest = false) {
  return call(context, {
    schema: TableDetail,
    path: tablePath(docId, table),
    about: `the table ${named(table)} in the doc ${named(docId)}`,
    docId,
    latest,
  });
}

export async function listColumnsPage(
  context: coda.ExecutionContext,
  docId: string,
  table: string,
  pageToken?: string,
): Promise<Page<Column>> {
  const page = await call(context, {
    schema: ColumnList,
    path: `${tablePath(docId, table)}/columns`,
    query: pageToken ? {pageToken} : {limit: ColumnPageSize},
    about: `the columns of the table ${named(table)} in the doc ${named(docId)}`,
    docId,
  });
  return {items: page.items, continuation: page.nextPageToken};
}

export interface RowQuery {
  pageToken?: string;
  /** Read the doc's latest version (after a write, or to compare before one). */
  latest?: boolean;
  /** `<column>:<JSON value>`: the API's one equality filter. */
  query?: string;
}

/**
 * One page of rows in the rich format, keyed by column name, so references and
 * people keep their ids and a table needs no column request to be read.
 */
export async function listRowsPage(
  context: coda.ExecutionContext,
  docId: string,
  table: string,
  q: RowQuery = {},
): Promise<Page<Row>> {
  const page = await call(context, {
    schema: RowList,
    path: `${tablePath(docId, table)}/rows`,
    query: q.pageToken
      ? {pageToken: q.pageToken}
      : {limit: RowPageSize, valueFormat: "rich", useColumnNames: true, query: q.query},
    about: `reading the table ${named(table)} in the doc ${named(docId)}`,
    docId,
    latest: q.latest,
  });
  return {items: page.items, continuation: page.nextPageToken};
}

/**
 * Every item of a paged list, page after page. When the API no longer accepts a
 * page token (`Invalid pageToken.`), the list is read again from its first page,
 * once, keeping only that reading: nothing is lost or doubled.
 */
export async function all<T>(fetchPage: (token?: string) => Promise<Page<T>>): Promise<T[]> {
  for (let reading = 1; ; reading++) {
    const items: T[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await fetchPage(token);
        items.push(...page.items);
        token = page.continuation;
      } while (token);
      return items;
    } catch (error) {
      if (reading > 1 || token === undefined || !(error instanceof ApiError && error.refusal === "pageToken")) {
        throw error;
      }
    }
  }
}

// ---------------------------------------------------------------------- writes

export type CellValue = string | number | boolean | null | Array<string | number | boolean>;

export interface CellEdit {
  /** The column's name or id. */
  column: string;
  value: CellValue;
}

/**
 * Adds or updates rows. With key columns the write is idempotent: rows whose
 * keys match are updated, so a retry never adds a second row. A batch the API
 * refuses as over its size limit wrote nothing, so it is split in two and each
 * half written in turn, down to single rows; a single row over the limit is
 * refused with what to do. Answers the request id of the last write sent: the
 * API applies a doc's writes in order, so when it has landed, all have.
 */
export async function upsertRows(
  context: coda.ExecutionContext,
  docId: string,
  table: string,
  rows: CellEdit[][],
  keyColumns: string[],
): Promise<string> {
  if (!keyColumns.length) throw new Error("upsertRows needs key columns: an insert without keys is not safe to retry.");
  try {
    const result = await call(context, {
      schema: UpsertResult,
      method: "POST",
      path: `${tablePath(docId, table)}/rows`,
      body: {rows: rows.map(cells => ({cells})), keyColumns},
      about: `writing to the table ${named(table)} in the doc ${named(docId)}`,
      docId,
      idempotent: true,
    });
    return result.requestId;
  } catch (error) {
    if (rows.length < 2 || !(error instanceof ApiError && error.refusal === "tooLarge")) throw error;
    const half = Math.ceil(rows.length / 2);
    await upsertRows(context, docId, table, rows.slice(0, half), keyColumns);
    return upsertRows(context, docId, table, rows.slice(half), keyColumns);
  }
}

/** Sets cells of one row; setting the same values twice changes nothing, so it is retried. */
export async function updateRow(
  context: coda.ExecutionContext,
  docId: string,
  table: string,
  rowId: string,
  cells: CellEdit[],
): Promise<string> {
  const result = await call(context, {
    schema: UpdateResult,
    method: "PUT",
    path: `${tablePath(docId, table)}/rows/${encodeURIComponent(rowId)}`,
    body: {row: {cells}},
    about: `updating a row of the table ${named(table)} in the doc ${named(docId)}`,
    docId,
    idempotent: true,
  });
  return result.requestId;
}

/**
 * Writes are queued (202 with a requestId) and land seconds later. Polls the
 * write's status, pausing between polls, until it has landed or the budget is
 * spent; true when it landed.
 */
export async function writeLanded(
  context: coda.ExecutionContext,
  requestId: string,
  budgetMs = ExecutionBudgetMs,
  pollMs = 1_500,
): Promise<boolean> {
  for (let poll = 0; ; poll++) {
    const status = await call(context, {
      schema: MutationStatus,
      path: `/mutationStatus/${encodeURIComponent(requestId)}`,
      query: {poll},
      about: "the status of a write",
    });
    if (status.completed) return true;
    if (elapsedMs(context) + pollMs > budgetMs) return false;
    pause(pollMs);
  }
}

// ---------------------------------------------------------------------- copying and sharing docs

export interface DocSummary {
  id: string;
  browserLink: string;
  name: string;
}

/** The access a share gives. */
export type DocAccess = "readonly" | "write" | "comment";

/** A copy to make: the new doc's title and the doc it copies. */
export interface DocCopy {
  title: string;
  sourceDocId: string;
}

/** How long a write the service has accepted may take to land. */
const WriteLandsWithinMs = 20_000;
/** The pause between looks for a copy whose create may have landed. */
const LookupEveryMs = 2_000;

/** Every doc the account can open titled exactly `title` (the API's search also matches parts of titles). */
export async function findDocsByTitle(
  context: coda.ExecutionContext,
  title: string,
): Promise<Array<DocSummary & {sourceDocId?: string}>> {
  const docs = await all(async pageToken => {
    const query = pageToken ? {pageToken} : {query: title, limit: 100};
    const page = await call(context, {
      schema: DocList,
      path: "/docs",
      query,
      about: `looking for the doc ${named(title)}`,
    });
    return {items: page.items, continuation: page.nextPageToken};
  });
  return docs
    .filter(d => d.name === title)
    .map(d => ({id: d.id, browserLink: d.browserLink, name: d.name, sourceDocId: d.sourceDoc?.id}));
}

/**
 * Copies a doc under a new title and waits until the copy can be read. A copy
 * of that doc with that title that exists already is returned instead, so
 * running this twice makes one copy. A create is never retried blindly: after
 * a failure that may have landed, the title is looked up until such a create
 * would have landed, and only then is the copy made again.
 */
export async function copyDoc(context: coda.ExecutionContext, copy: DocCopy): Promise<DocSummary> {
  const existing = await copyNamed(context, copy);
  if (existing) return existing;
  for (let attempt = 1; ; attempt++) {
    try {
      return await createCopy(context, copy);
    } catch (error) {
      if (!mayHaveWritten(error) || attempt >= 2) throw error;
      const landed = await awaitCopy(context, copy);
      if (landed) return landed;
    }
  }
}

/** Shares a doc with a person by email. Sharing twice changes nothing, so a failed share is retried. */
export async function sharePermission(
  context: coda.ExecutionContext,
  docId: string,
  email: string,
  access: DocAccess,
): Promise<void> {
  await call(context, {
    schema: PermissionResult,
    method: "POST",
    path: `/docs/${encodeURIComponent(docId)}/acl/permissions`,
    body: {access, principal: {type: "email", email}},
    about: `sharing the doc ${named(docId)} with ${named(email)}`,
    docId,
    idempotent: true,
  });
}

async function copyNamed(context: coda.ExecutionContext, copy: DocCopy): Promise<DocSummary | undefined> {
  const found = (await findDocsByTitle(context, copy.title)).find(d => d.sourceDocId === copy.sourceDocId);
  return found && {id: found.id, browserLink: found.browserLink, name: found.name};
}

const onItsWay = (title: string) =>
  `The copy ${named(title)} may be on its way but is not there yet. Run this again in a minute: it looks the copy up first, so none is doubled.`;

async function createCopy(context: coda.ExecutionContext, copy: DocCopy): Promise<DocSummary> {
  const doc = await call(context, {
    schema: CreatedDoc,
    method: "POST",
    path: "/docs",
    body: {title: copy.title, sourceDoc: copy.sourceDocId},
    about: `copying the doc ${named(copy.sourceDocId)}`,
    docId: copy.sourceDocId,
  });
  if (doc.requestId && !(await writeLanded(context, doc.requestId))) {
    throw new coda.UserVisibleError(onItsWay(copy.title));
  }
  return {id: doc.id, browserLink: doc.browserLink, name: doc.name};
}

/** Looks a copy up until a create the service may have accepted would have landed; undefined when it did not land. */
async function awaitCopy(context: coda.ExecutionContext, copy: DocCopy): Promise<DocSummary | undefined> {
  const until = Date.now() + WriteLandsWithinMs;
  for (;;) {
    const found = await copyNamed(context, copy);
    if (found) return found;
    if (Date.now() >= until) return undefined;
    if (elapsedMs(context) + LookupEveryMs > ExecutionBudgetMs) throw new coda.UserVisibleError(onItsWay(copy.title));
    pause(LookupEveryMs);
  }
}
