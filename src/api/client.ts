import * as coda from "@codahq/packs-sdk";
import type * as z from "zod/mini";
import {ApiLink, ColumnList, ErrorBody, MutationStatus, Row as RowSchema, RowList, TableList, UpdateResult, UpsertResult, User} from "../../schemas/api";
import type {Column, Row, TableReference} from "../../schemas/api";

/**
 * The one path to the Superhuman Docs API. Page functions return
 * {items, continuation}; errors the user can act on become UserVisibleErrors.
 */

export const ApiBaseUrl = "https://docs.superhuman.com/apis/v1";
export const NetworkDomain = "docs.superhuman.com";
/** The largest row page the API serves; larger requests are cut to it anyway. */
export const RowPageSize = 500;
/** listColumns documents a maximum of 100. */
export const ColumnPageSize = 100;

export interface Page<T> {
  items: T[];
  continuation?: string;
}

interface Call<S extends z.ZodMiniType> {
  schema: S;
  path: string;
  method?: coda.FetchMethodType;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** What the call is about, in words, for error messages. */
  about: string;
  cacheTtlSecs?: number;
}

/** Requests made by each execution, so a sync can stop within its budget. */
const requestCounts = new WeakMap<object, number>();

export function requestsMade(context: coda.ExecutionContext): number {
  return requestCounts.get(context) ?? 0;
}

async function call<S extends z.ZodMiniType>(context: coda.ExecutionContext, c: Call<S>): Promise<z.infer<S>> {
  requestCounts.set(context, requestsMade(context) + 1);
  const query = Object.fromEntries(Object.entries(c.query ?? {}).filter(([, v]) => v !== undefined)) as Record<string, string>;
  let response: coda.FetchResponse;
  try {
    response = await context.fetcher.fetch({
      method: c.method ?? "GET",
      url: coda.withQueryParams(`${ApiBaseUrl}${c.path}`, query),
      headers: c.body === undefined ? undefined : {"Content-Type": "application/json"},
      body: c.body === undefined ? undefined : JSON.stringify(c.body),
      cacheTtlSecs: c.cacheTtlSecs ?? 0,
    });
  } catch (error) {
    throw apiError(error, c.about);
  }
  const parsed = c.schema.safeParse(response.body);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(i => `${i.path.join(".") || "body"}: ${i.message}`);
    throw new coda.UserVisibleError(`The Docs API answered ${c.about} in an unexpected shape (${issues.join("; ")}). Try again; if it persists, report it.`);
  }
  return parsed.data;
}

/** Turns an HTTP failure into a message that says what to do; other errors pass through. */
export function apiError(error: unknown, about: string): unknown {
  if (!(error instanceof Error) || !coda.StatusCodeError.isStatusCodeError(error)) return error;
  const e = error as coda.StatusCodeError;
  const said = ErrorBody.safeParse(e.body);
  const detail = said.success && said.data.message ? ` The API said: ${said.data.message}` : "";
  switch (e.statusCode) {
    case 401:
      return error; // The platform asks the user to sign in again.
    case 403:
      return new coda.UserVisibleError(`Access denied to ${about}. Ask the doc's owner to share it with the account this pack uses, or connect an account that can open it.${detail}`);
    case 404:
      return new coda.UserVisibleError(`Not found: ${about}. Check the doc link and the table name.${detail}`);
    case 429:
      return new coda.UserVisibleError(`The Docs API is limiting how fast this account may read or write (${about}). Wait a minute and sync again.`);
    case 400:
      return new coda.UserVisibleError(`The Docs API refused ${about}.${detail}`);
    default:
      return error;
  }
}

// ---------------------------------------------------------------------- docs

const DocIdPattern = /^[A-Za-z0-9_-]{6,}$/;

/** The doc id inside a doc URL (`…/d/<title>_d<docId>/…`), from either host. */
export function docIdFromUrl(text: string): string | undefined {
  const match = /^https?:\/\/(?:[a-z0-9.-]+\.)?(?:coda\.io|superhuman\.com)\/d\/(?:[^/?#]*_d)?([A-Za-z0-9-]{6,})(?:[_/?#]|$)/.exec(text.trim());
  if (match) return match[1];
  return undefined;
}

/**
 * A doc id from what a user typed: a bare id or a doc URL parsed locally, with
 * resolveBrowserLink as the fallback for other links.
 */
export async function resolveDocId(context: coda.ExecutionContext, input: string): Promise<string> {
  const text = input.trim();
  if (!text) throw new coda.UserVisibleError("A doc is blank: give its link or id.");
  if (DocIdPattern.test(text) && !text.includes("/")) return text;
  const local = docIdFromUrl(text);
  if (local) return local;
  if (!/^https?:\/\//.test(text)) {
    throw new coda.UserVisibleError(`"${text}" is neither a doc link nor a doc id. Copy the doc's link from the browser's address bar.`);
  }
  const link = await call(context, {schema: ApiLink, path: "/resolveBrowserLink", query: {url: text}, about: `the link ${text}`});
  const fromLink = docIdFromUrl(link.browserLink ?? "") ?? (link.resource.type === "doc" ? link.resource.id : undefined);
  if (!fromLink) throw new coda.UserVisibleError(`The link ${text} does not point into a doc.`);
  return fromLink;
}

export async function whoami(context: coda.ExecutionContext) {
  return call(context, {schema: User, path: "/whoami", about: "the signed-in account"});
}

// ---------------------------------------------------------------------- tables

export async function listTablesPage(context: coda.ExecutionContext, docId: string, pageToken?: string): Promise<Page<TableReference>> {
  const page = await call(context, {
    schema: TableList,
    path: `/docs/${docId}/tables`,
    query: pageToken ? {pageToken} : {limit: 100, tableTypes: "table"},
    about: `the tables of the doc ${docId}`,
  });
  return {items: page.items, continuation: page.nextPageToken};
}

export async function listColumnsPage(context: coda.ExecutionContext, docId: string, table: TableReference, pageToken?: string): Promise<Page<Column>> {
  const page = await call(context, {
    schema: ColumnList,
    path: `/docs/${docId}/tables/${encodeURIComponent(table.id)}/columns`,
    query: pageToken ? {pageToken} : {limit: ColumnPageSize},
    about: `the columns of the table ${table.name} in the doc ${docId}`,
  });
  return {items: page.items, continuation: page.nextPageToken};
}

export interface RowQuery {
  pageToken?: string;
  /** `<column id>:<JSON value>`: the API's one equality filter. */
  query?: string;
}

/** One page of rows in the rich format, so references and people keep their ids. */
export async function listRowsPage(context: coda.ExecutionContext, docId: string, table: TableReference, q: RowQuery = {}): Promise<Page<Row>> {
  const page = await call(context, {
    schema: RowList,
    path: `/docs/${docId}/tables/${encodeURIComponent(table.id)}/rows`,
    query: q.pageToken ? {pageToken: q.pageToken} : {limit: RowPageSize, valueFormat: "rich", query: q.query},
    about: `the rows of the table ${table.name} in the doc ${docId}`,
  });
  return {items: page.items, continuation: page.nextPageToken};
}

/** Every item of a paged list, page after page. */
export async function all<T>(fetchPage: (token?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    items.push(...page.items);
    token = page.continuation;
  } while (token);
  return items;
}

export async function getRow(context: coda.ExecutionContext, docId: string, table: TableReference, rowId: string): Promise<Row> {
  return call(context, {
    schema: RowSchema,
    path: `/docs/${docId}/tables/${encodeURIComponent(table.id)}/rows/${encodeURIComponent(rowId)}`,
    query: {valueFormat: "rich"},
    about: `the row ${rowId} of the table ${table.name} in the doc ${docId}`,
  });
}

// ---------------------------------------------------------------------- writes

export interface CellEdit {
  column: string;
  value: string | number | boolean | null | Array<string | number | boolean>;
}

export async function insertRow(context: coda.ExecutionContext, docId: string, table: TableReference, cells: CellEdit[]): Promise<{requestId: string; rowId?: string}> {
  const result = await call(context, {
    schema: UpsertResult,
    method: "POST",
    path: `/docs/${docId}/tables/${encodeURIComponent(table.id)}/rows`,
    body: {rows: [{cells}]},
    about: `adding a row to the table ${table.name} in the doc ${docId}`,
  });
  return {requestId: result.requestId, rowId: result.addedRowIds?.[0]};
}

export async function updateRow(context: coda.ExecutionContext, docId: string, table: TableReference, rowId: string, cells: CellEdit[]): Promise<string> {
  const result = await call(context, {
    schema: UpdateResult,
    method: "PUT",
    path: `/docs/${docId}/tables/${encodeURIComponent(table.id)}/rows/${encodeURIComponent(rowId)}`,
    body: {row: {cells}},
    about: `updating the row ${rowId} of the table ${table.name} in the doc ${docId}`,
  });
  return result.requestId;
}

/**
 * Writes are queued (202 with a requestId). Polls the mutation's status a few
 * times; true when it has been applied.
 */
export async function mutationApplied(context: coda.ExecutionContext, requestId: string, attempts = 5): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    const status = await call(context, {
      schema: MutationStatus,
      path: `/mutationStatus/${encodeURIComponent(requestId)}`,
      query: {attempt: i},
      about: `the status of the write ${requestId}`,
    });
    if (status.completed) return true;
  }
  return false;
}

export async function deleteRow(context: coda.ExecutionContext, docId: string, table: TableReference, rowId: string): Promise<void> {
  await call(context, {
    schema: UpdateResult,
    method: "DELETE",
    path: `/docs/${docId}/tables/${encodeURIComponent(table.id)}/rows/${encodeURIComponent(rowId)}`,
    about: `removing the row ${rowId} from the table ${table.name} in the doc ${docId}`,
  });
}
