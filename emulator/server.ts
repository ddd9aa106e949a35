import {createServer} from "node:http";
import type {IncomingMessage, Server, ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import {Encoder} from "./encode";
import type {ValueFormat} from "./encode";
import type {Cell, ColumnDef, DocRecord, PersonCell, RowRecord, ScalarCell, TableRecord, Workspace} from "./model";
import {ApiPath, links} from "./model";
import type {Violation} from "./spec";
import {SpecValidator} from "./spec";

/**
 * A local emulator of the Superhuman Docs API (v1): the operations the pack uses,
 * with the documented encodings, paging, errors, asynchronous mutations and rate
 * limits. It listens on 127.0.0.1 only.
 */

export interface TokenGrant {
  user: PersonCell;
  tokenName: string;
  /** Read-only tokens get 403 on writes. */
  readOnly?: boolean;
  /** When set, the only docs the token may touch; others answer 403. */
  docIds?: string[];
}

export interface RateLimit {
  reads: number;
  writes: number;
  windowMs: number;
}

/** The documented limits: 100 reads and 10 writes per 6 seconds per token. */
export const DocumentedRateLimit: RateLimit = {reads: 100, writes: 10, windowMs: 6000};

export interface EmulatorOptions {
  docs: DocRecord[];
  tokens: Record<string, TokenGrant>;
  workspace?: Workspace;
  rateLimit?: RateLimit | false;
  /** Validate every response against the OpenAPI spec and record violations. */
  validate?: boolean;
  /** Milliseconds before a queued mutation is applied (0: at once). */
  mutationDelayMs?: number;
  /** The largest page of rows served. */
  maxRowLimit?: number;
  /** The people the doc knows, so a written email becomes a person. */
  people?: PersonCell[];
}

export interface EmulatorStats {
  requests: number;
  reads: number;
  writes: number;
  throttled: number;
  byOperation: Record<string, number>;
}

const StatusMessages: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message ?? StatusMessages[status]);
  }
}

interface PageState {
  table: string;
  offset: number;
  limit: number;
  format: ValueFormat;
  useColumnNames: boolean;
  query?: string;
  sortBy?: string;
}

export class DocsApiEmulator {
  readonly docs: DocRecord[];
  readonly violations: Violation[] = [];
  stats: EmulatorStats = {requests: 0, reads: 0, writes: 0, throttled: 0, byOperation: {}};
  private server?: Server;
  private readonly validator?: SpecValidator;
  private readonly buckets = new Map<string, {reads: number[]; writes: number[]}>();
  private readonly mutations = new Map<string, {appliesAt: number; apply: () => void; applied: boolean}>();
  private counter = 0;
  rateLimit: RateLimit | false;

  constructor(private readonly options: EmulatorOptions) {
    this.docs = options.docs;
    this.rateLimit = options.rateLimit ?? false;
    if (options.validate) this.validator = new SpecValidator();
  }

  get workspace(): Workspace {
    return this.options.workspace ?? {id: "ws-Lead01", organizationId: "org-Lead01", name: "Leadership", folderId: "fl-Lead01", folderName: "Operating system"};
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>(resolve => this.server!.listen(port, "127.0.0.1", resolve));
    const {port: bound} = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${bound}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  resetStats(): void {
    this.stats = {requests: 0, reads: 0, writes: 0, throttled: 0, byOperation: {}};
  }

  doc(id: string): DocRecord | undefined {
    return this.docs.find(d => d.id === id);
  }

  // ------------------------------------------------------------------ plumbing

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const path = url.pathname.startsWith(ApiPath) ? url.pathname.slice(ApiPath.length) : url.pathname;
    let status: number;
    let body: unknown;
    let headers: Record<string, string> = {};
    try {
      const text = await readBody(req);
      const grant = this.authenticate(req);
      const isWrite = method !== "GET";
      this.throttle(req.headers.authorization ?? "", isWrite);
      this.stats.requests++;
      if (isWrite) this.stats.writes++;
      else this.stats.reads++;
      [status, body] = this.route(method, path, url.searchParams, text ? parseJson(text) : undefined, grant);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      status = error.status;
      headers = error.headers;
      body = {statusCode: status, statusMessage: StatusMessages[status], message: error.message};
    }
    const op = this.validator?.operationFor(method, path)?.id ?? `${method} ${path}`;
    this.stats.byOperation[op] = (this.stats.byOperation[op] ?? 0) + 1;
    if (this.validator) {
      const errors = this.validator.check(method, path, status, body);
      if (errors) this.violations.push({operation: op, status, errors});
    }
    res.writeHead(status, {"content-type": "application/json", ...headers});
    res.end(JSON.stringify(body));
  }

  private authenticate(req: IncomingMessage): TokenGrant {
    const header = req.headers.authorization ?? "";
    const match = /^Bearer (.+)$/.exec(header);
    const grant = match ? this.options.tokens[match[1]] : undefined;
    if (!grant) throw new HttpError(401, "The API token is missing, invalid or expired.");
    return grant;
  }

  private throttle(token: string, isWrite: boolean): void {
    if (!this.rateLimit) return;
    const {reads, writes, windowMs} = this.rateLimit;
    const now = Date.now();
    let bucket = this.buckets.get(token);
    if (!bucket) this.buckets.set(token, (bucket = {reads: [], writes: []}));
    const list = isWrite ? bucket.writes : bucket.reads;
    const limit = isWrite ? writes : reads;
    while (list.length && list[0] <= now - windowMs) list.shift();
    if (list.length >= limit) {
      this.stats.throttled++;
      const waitMs = list[0] + windowMs - now;
      throw new HttpError(429, "Too Many Requests", {"retry-after": String(Math.max(1, Math.ceil(waitMs / 1000)))});
    }
    list.push(now);
  }

  private access(grant: TokenGrant, docId: string, write = false): DocRecord {
    const doc = this.doc(docId);
    if (!doc) throw new HttpError(404, `No doc with the id ${docId} was found.`);
    if (grant.docIds && !grant.docIds.includes(docId)) {
      throw new HttpError(403, "This API token does not have access to that doc.");
    }
    if (write && grant.readOnly) throw new HttpError(403, "This API token is read-only; writes need a read-write token.");
    return doc;
  }

  private tableOf(doc: DocRecord, idOrName: string): TableRecord {
    const name = decodeURIComponent(idOrName);
    const table = doc.tables.find(t => t.id === name) ?? doc.tables.find(t => t.name === name);
    if (!table) throw new HttpError(404, `No table ${name} in the doc ${doc.name}.`);
    return table;
  }

  private rowsOf(doc: DocRecord, table: TableRecord): RowRecord[] {
    if (table.tableType === "view" && table.parentTableId) return this.tableOf(doc, table.parentTableId).rows;
    return table.rows;
  }

  // ------------------------------------------------------------------ routes

  private route(method: string, path: string, query: URLSearchParams, body: unknown, grant: TokenGrant): [number, unknown] {
    const parts = path.split("/").filter(Boolean);
    if (method === "GET" && path === "/whoami") return [200, this.whoami(grant)];
    if (method === "GET" && path === "/resolveBrowserLink") return [200, this.resolveBrowserLink(query, grant)];
    if (method === "GET" && parts[0] === "mutationStatus" && parts.length === 2) return [200, this.mutationStatus(parts[1])];
    if (parts[0] !== "docs" || parts.length < 2) throw new HttpError(404, `No API operation at ${path}.`);
    const isWrite = method !== "GET";
    const doc = this.access(grant, parts[1], isWrite);
    if (parts.length === 2 && method === "GET") return [200, this.getDoc(doc)];
    if (parts[2] !== "tables") throw new HttpError(404, `No API operation at ${path}.`);
    if (parts.length === 3 && method === "GET") return [200, this.listTables(doc, query)];
    const table = this.tableOf(doc, parts[3]);
    const encoder = new Encoder(doc);
    if (parts.length === 4 && method === "GET") return [200, this.getTable(doc, table, encoder)];
    if (parts[4] === "columns" && parts.length === 5 && method === "GET") return [200, this.listColumns(doc, table, query, encoder)];
    if (parts[4] !== "rows") throw new HttpError(404, `No API operation at ${path}.`);
    if (parts.length === 5) {
      if (method === "GET") return [200, this.listRows(doc, table, query, encoder)];
      if (method === "POST") return [202, this.upsertRows(doc, table, body)];
      if (method === "DELETE") return [202, this.deleteRows(doc, table, body)];
    }
    if (parts.length === 6) {
      const rowId = decodeURIComponent(parts[5]);
      const rows = this.rowsOf(doc, table);
      const row = rows.find(r => r.id === rowId) ?? rows.find(r => encoder.displayName(table, r) === rowId);
      if (!row) throw new HttpError(404, `No row ${rowId} in the table ${table.name}.`);
      if (method === "GET") return [200, this.getRow(table, row, query, encoder)];
      if (method === "PUT") return [202, this.updateRow(doc, table, row, body)];
      if (method === "DELETE") return [202, this.deleteRow(doc, table, row)];
    }
    throw new HttpError(404, `No API operation at ${method} ${path}.`);
  }

  private whoami(grant: TokenGrant) {
    const ws = this.workspace;
    return {
      name: grant.user.name,
      loginId: grant.user.email,
      type: "user",
      scoped: Boolean(grant.docIds),
      tokenName: grant.tokenName,
      href: links.api("/whoami"),
      workspace: {id: ws.id, type: "workspace", organizationId: ws.organizationId, browserLink: `https://docs.superhuman.com/docs?workspaceId=${ws.id}`, name: ws.name},
    };
  }

  private resolveBrowserLink(query: URLSearchParams, grant: TokenGrant) {
    const url = query.get("url") ?? "";
    const match = /^https:\/\/(?:docs\.superhuman\.com|coda\.io)\/d\/[^/?#]*?_d([A-Za-z0-9_-]+?)(?:[/?#]|$)/.exec(url);
    if (!match) throw new HttpError(400, "That is not a Superhuman Docs URL.");
    const doc = this.access(grant, match[1]);
    return {
      type: "apiLink",
      href: links.api(`/resolveBrowserLink?url=${encodeURIComponent(url)}`),
      browserLink: url,
      resource: {type: "doc", id: doc.id, name: doc.name, href: links.api(`/docs/${doc.id}`)},
    };
  }

  private getDoc(doc: DocRecord) {
    const ws = this.workspace;
    return {
      id: doc.id,
      type: "doc",
      href: links.api(`/docs/${doc.id}`),
      browserLink: links.doc(doc),
      name: doc.name,
      owner: doc.owner.email,
      ownerName: doc.owner.name,
      docSize: {
        totalRowCount: doc.tables.reduce((n, t) => n + t.rows.length, 0),
        tableAndViewCount: doc.tables.length,
        pageCount: new Set(doc.tables.map(t => t.pageId)).size,
        overApiSizeLimit: false,
      },
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
      workspace: {id: ws.id, type: "workspace", organizationId: ws.organizationId, browserLink: `https://docs.superhuman.com/docs?workspaceId=${ws.id}`, name: ws.name},
      folder: {id: ws.folderId, type: "folder", browserLink: `https://docs.superhuman.com/folders/${ws.folderId}`, name: ws.folderName},
      workspaceId: ws.id,
      folderId: ws.folderId,
    };
  }

  private page<T>(all: T[], query: URLSearchParams, max: number, base: string, extra: Record<string, string> = {}) {
    const token = query.get("pageToken");
    const state = token ? decodeToken<{offset: number; limit: number}>(token) : {offset: 0, limit: clampLimit(query.get("limit"), max)};
    const items = all.slice(state.offset, state.offset + state.limit);
    const next = state.offset + state.limit < all.length ? encodeToken({...extra, offset: state.offset + state.limit, limit: state.limit}) : undefined;
    return {
      items,
      href: base,
      ...(next ? {nextPageToken: next, nextPageLink: `${base.split("?")[0]}?pageToken=${next}`} : {}),
    };
  }

  private listTables(doc: DocRecord, query: URLSearchParams) {
    const encoder = new Encoder(doc);
    const types = query.get("tableTypes")?.split(",");
    let tables = doc.tables.filter(t => !types || types.includes(t.tableType));
    if (query.get("sortBy") === "name") tables = [...tables].sort((a, b) => a.name.localeCompare(b.name));
    const page = this.page(tables, query, 100, links.api(`/docs/${doc.id}/tables`));
    return {...page, items: page.items.map(t => encoder.tableReference(t))};
  }

  private getTable(doc: DocRecord, table: TableRecord, encoder: Encoder) {
    const display = table.columns.find(c => c.display) ?? table.columns[0];
    const ref = encoder.tableReference(table);
    return {
      ...ref,
      ...(table.parentTableId ? {parentTable: encoder.tableReference(this.tableOf(doc, table.parentTableId))} : {}),
      displayColumn: {id: display.id, type: "column", href: links.api(`/docs/${doc.id}/tables/${table.id}/columns/${display.id}`)},
      rowCount: this.rowsOf(doc, table).length,
      sorts: [],
      layout: "default",
      createdAt: table.createdAt,
      updatedAt: table.updatedAt,
    };
  }

  private listColumns(doc: DocRecord, table: TableRecord, query: URLSearchParams, encoder: Encoder) {
    const page = this.page(table.columns, query, 100, links.api(`/docs/${doc.id}/tables/${table.id}/columns`));
    return {...page, items: page.items.map(c => encoder.column(table, c))};
  }

  private listRows(doc: DocRecord, table: TableRecord, query: URLSearchParams, encoder: Encoder) {
    const token = query.get("pageToken");
    let state: PageState;
    if (token) {
      state = decodeToken<PageState>(token);
      if (state.table !== table.id) throw new HttpError(400, "That page token belongs to another table.");
    } else {
      const format = (query.get("valueFormat") ?? "simple") as ValueFormat;
      if (!["simple", "simpleWithArrays", "rich"].includes(format)) throw new HttpError(400, `Unknown valueFormat ${format}.`);
      const sortBy = query.get("sortBy") ?? undefined;
      if (sortBy && !["createdAt", "natural", "updatedAt"].includes(sortBy)) throw new HttpError(400, `Unknown sortBy ${sortBy}.`);
      if (sortBy === "natural" && query.get("visibleOnly") === "false") throw new HttpError(400, "sortBy=natural needs visibleOnly.");
      state = {
        table: table.id,
        offset: 0,
        limit: clampLimit(query.get("limit"), this.options.maxRowLimit ?? 500),
        format,
        useColumnNames: query.get("useColumnNames") === "true",
        query: query.get("query") ?? undefined,
        sortBy,
      };
    }
    let rows = this.rowsOf(doc, table);
    if (state.query) rows = this.filter(table, rows, state.query, encoder);
    if (state.sortBy === "updatedAt") rows = [...rows].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    const items = rows.slice(state.offset, state.offset + state.limit);
    const more = state.offset + state.limit < rows.length;
    const next = more ? encodeToken({...state, offset: state.offset + state.limit}) : undefined;
    const base = links.api(`/docs/${doc.id}/tables/${table.id}/rows`);
    return {
      items: items.map(r => encoder.row(table, r, {format: state.format, useColumnNames: state.useColumnNames})),
      href: base,
      ...(next ? {nextPageToken: next, nextPageLink: `${base}?pageToken=${next}`} : {nextSyncToken: encodeToken({at: new Date().toISOString()})}),
    };
  }

  /** The one documented filter: `<column id or "name">:<JSON value>`, equality only. */
  private filter(table: TableRecord, rows: RowRecord[], query: string, encoder: Encoder): RowRecord[] {
    const match = /^("(?:[^"\\]|\\.)*"|[^:]+):(.*)$/.exec(query);
    if (!match) throw new HttpError(400, `The query "${query}" is not of the form column:value.`);
    const key = match[1].startsWith('"') ? (JSON.parse(match[1]) as string) : match[1];
    const column = table.columns.find(c => c.id === key) ?? table.columns.find(c => c.name === key);
    if (!column) throw new HttpError(400, `The query names a column that does not exist: ${key}.`);
    let wanted: unknown;
    try {
      wanted = JSON.parse(match[2]);
    } catch {
      throw new HttpError(400, `The query value ${match[2]} is not JSON; quote text values.`);
    }
    return rows.filter(r => {
      const simple = encoder.cell(column, r.values.get(column.id), "simple");
      return simple === wanted || (typeof simple === "string" && typeof wanted === "string" && simple.split(",").includes(wanted));
    });
  }

  private getRow(table: TableRecord, row: RowRecord, query: URLSearchParams, encoder: Encoder) {
    const format = (query.get("valueFormat") ?? "simple") as ValueFormat;
    return {...encoder.row(table, row, {format, useColumnNames: query.get("useColumnNames") === "true"}), parent: encoder.tableReference(table)};
  }

  // ------------------------------------------------------------------ writes

  private queue(apply: () => void): string {
    const requestId = `mut-${(++this.counter).toString(36)}-${Date.now().toString(36)}`;
    const delay = this.options.mutationDelayMs ?? 0;
    const entry = {appliesAt: Date.now() + delay, apply, applied: false};
    this.mutations.set(requestId, entry);
    if (delay === 0) {
      apply();
      entry.applied = true;
    }
    return requestId;
  }

  private mutationStatus(requestId: string) {
    const entry = this.mutations.get(requestId);
    if (!entry) throw new HttpError(404, `No mutation ${requestId}.`);
    if (!entry.applied && Date.now() >= entry.appliesAt) {
      entry.apply();
      entry.applied = true;
    }
    return {completed: entry.applied};
  }

  private cellsOf(table: TableRecord, cells: unknown): Map<string, Cell> {
    if (!Array.isArray(cells)) throw new HttpError(400, "Each row needs a cells list.");
    const out = new Map<string, Cell>();
    for (const cell of cells as Array<{column?: unknown; value?: unknown}>) {
      const key = String(cell.column ?? "");
      const column = table.columns.find(c => c.id === key || c.name === key);
      if (!column) throw new HttpError(400, `The column ${key} does not exist in the table ${table.name}.`);
      if (column.calculated) throw new HttpError(400, `The column ${column.name} is calculated and cannot be written.`);
      out.set(column.id, this.parseValue(table, column, cell.value));
    }
    return out;
  }

  /** Reads a written value as the doc would: numbers parsed, emails as people, names or ids as rows. */
  private parseValue(table: TableRecord, column: ColumnDef, value: unknown): Cell {
    if (value === null || value === undefined || value === "") return null;
    if (Array.isArray(value)) return value.map(v => this.parseValue(table, column, v) as ScalarCell);
    const text = String(value);
    switch (column.type) {
      case "number":
      case "percent":
      case "currency": {
        const n = typeof value === "number" ? value : Number(text.replace(/[$,%\s]/g, ""));
        return Number.isFinite(n) ? (column.type === "percent" && /%$/.test(text) ? n / 100 : n) : text;
      }
      case "checkbox":
        return value === true || text.toLowerCase() === "true";
      case "date":
        return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
      case "person": {
        const person = this.options.people?.find(p => p.email === text || p.name === text);
        return person ?? {name: text, email: text.includes("@") ? text : ""};
      }
      case "lookup": {
        const doc = this.docs.find(d => d.tables.includes(table))!;
        const target = column.lookupTable ? doc.tables.find(t => t.id === column.lookupTable) : undefined;
        const encoder = new Encoder(doc);
        const row = target?.rows.find(r => r.id === text) ?? target?.rows.find(r => encoder.displayName(target, r) === text);
        return row ? {rowId: row.id} : text;
      }
      default:
        return text;
    }
  }

  private upsertRows(doc: DocRecord, table: TableRecord, body: unknown) {
    if (table.tableType === "view") throw new HttpError(400, "Rows can only be added to a base table, not a view.");
    const {rows, keyColumns} = (body ?? {}) as {rows?: Array<{cells?: unknown}>; keyColumns?: string[]};
    if (!Array.isArray(rows) || rows.length === 0) throw new HttpError(400, "The body needs a non-empty rows list.");
    const parsed = rows.map(r => this.cellsOf(table, r.cells));
    const keys = (keyColumns ?? []).map(k => {
      const column = table.columns.find(c => c.id === k || c.name === k);
      if (!column) throw new HttpError(400, `The key column ${k} does not exist.`);
      return column.id;
    });
    const addedRowIds: string[] = [];
    const now = () => new Date().toISOString();
    const plans = parsed.map(values => {
      const id = `i-new${(++this.counter).toString(36).padStart(4, "0")}`;
      if (!keys.length) addedRowIds.push(id);
      return {id, values};
    });
    const requestId = this.queue(() => {
      for (const {id, values} of plans) {
        const matches = keys.length ? table.rows.filter(r => keys.every(k => JSON.stringify(r.values.get(k)) === JSON.stringify(values.get(k)))) : [];
        if (matches.length) {
          for (const row of matches) {
            for (const [k, v] of values) row.values.set(k, v);
            row.updatedAt = now();
          }
        } else {
          table.rows.push({id, values, createdAt: now(), updatedAt: now()});
        }
      }
      table.updatedAt = doc.updatedAt = now();
    });
    return keys.length ? {requestId} : {requestId, addedRowIds};
  }

  private updateRow(doc: DocRecord, table: TableRecord, row: RowRecord, body: unknown) {
    const cells = (body as {row?: {cells?: unknown}} | undefined)?.row?.cells;
    const values = this.cellsOf(table, cells);
    const requestId = this.queue(() => {
      for (const [k, v] of values) row.values.set(k, v);
      row.updatedAt = table.updatedAt = doc.updatedAt = new Date().toISOString();
    });
    return {requestId, id: row.id};
  }

  private deleteRow(doc: DocRecord, table: TableRecord, row: RowRecord) {
    const rows = this.rowsOf(doc, table);
    const requestId = this.queue(() => {
      const at = rows.indexOf(row);
      if (at >= 0) rows.splice(at, 1);
    });
    return {requestId, id: row.id};
  }

  private deleteRows(doc: DocRecord, table: TableRecord, body: unknown) {
    const ids = (body as {rowIds?: unknown} | undefined)?.rowIds;
    if (!Array.isArray(ids) || !ids.every(i => typeof i === "string")) throw new HttpError(400, "The body needs a rowIds list of row ids.");
    const rows = this.rowsOf(doc, table);
    const requestId = this.queue(() => {
      for (const id of ids as string[]) {
        const at = rows.findIndex(r => r.id === id);
        if (at >= 0) rows.splice(at, 1);
      }
    });
    return {requestId, rowIds: ids as string[]};
  }
}

function clampLimit(raw: string | null, max: number): number {
  const n = raw === null ? 25 : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new HttpError(400, `limit must be a whole number of at least 1, not ${raw}.`);
  return Math.min(n, max);
}

function encodeToken(state: object): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

function decodeToken<T>(token: string): T {
  try {
    return JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as T;
  } catch {
    throw new HttpError(400, "The page token is not valid.");
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "The request body is not valid JSON.");
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
