import {randomBytes, randomUUID} from "node:crypto";
import {createServer} from "node:http";
import type {IncomingMessage, Server, ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import {copyOfDoc} from "./copy";
import {Encoder} from "./encode";
import type {ValueFormat} from "./encode";
import type {ActiveFault, AnswerFault, BetweenPagesFault, Fault, Operation} from "./faults";
import {FaultSet} from "./faults";
import type {Cell, ColumnDef, DocRecord, PersonCell, RowRecord, ScalarCell, TableRecord, Workspace} from "./model";
import {ApiPath, links, parseBrowserLink, PublicOrigin, spells} from "./model";
import type {Violation} from "./spec";
import {SpecValidator} from "./spec";

/**
 * A local emulator of the Superhuman Docs API (v1): the operations the pack uses,
 * with the encodings, paging, errors, asynchronous mutations and rate limits
 * the real service shows, and faults to inject on demand. It listens on
 * 127.0.0.1 only.
 */

export interface TokenGrant {
  user: PersonCell;
  tokenName: string;
  /** Read-only tokens get 403 on writes. */
  readOnly?: boolean;
  /**
   * When set, the docs the token may open besides those its user made or was
   * given through addPermission; others answer 404 as if they did not exist.
   */
  docIds?: string[];
}

/** The access addPermission grants. */
export type Access = "readonly" | "write" | "comment";
const Accesses: readonly string[] = ["readonly", "write", "comment"];

/** Requests allowed per user in a rolling window, reads and writes counted apart. */
export interface RateLimit {
  reads: number;
  writes: number;
  /** The window, in ms, for reads, and for writes unless writeWindowMs is set. */
  windowMs: number;
  /** The window for writes when it differs from the reads' one. */
  writeWindowMs?: number;
}

/** The documented limits: 100 reads and 10 writes per 6 seconds per user. */
export const DocumentedRateLimit: RateLimit = {reads: 100, writes: 10, windowMs: 6000};

/** The limits the real service shows in practice: 100 reads per 6 seconds, but only 3 writes per 10 seconds. */
export const ObservedRateLimit: RateLimit = {reads: 100, writes: 3, windowMs: 6000, writeWindowMs: 10_000};

/** A delay picked at random, evenly, between min and max milliseconds. */
export interface DelayRange {
  min: number;
  max: number;
}

/** How long the real service takes to apply a write. */
export const ObservedMutationDelay: DelayRange = {min: 10_000, max: 20_000};

export interface EmulatorOptions {
  docs: DocRecord[];
  tokens: Record<string, TokenGrant>;
  workspace?: Workspace;
  rateLimit?: RateLimit | false;
  /** Validate every response against the OpenAPI spec and record violations. */
  validate?: boolean;
  /** Milliseconds before a queued write is applied (0, the default: at once), or a range to pick from at random. */
  mutationDelayMs?: number | DelayRange;
  /** The largest page of rows served. */
  maxRowLimit?: number;
  /** The largest request body accepted, in bytes (MaxRequestBytes by default); a larger one is refused with 400. */
  maxRequestBytes?: number;
  /** The people the doc knows, so a written email becomes a person. */
  people?: PersonCell[];
  /** Faults to inject from the start. */
  faults?: Fault[];
}

export interface EmulatorStats {
  requests: number;
  reads: number;
  writes: number;
  throttled: number;
  byOperation: Record<string, number>;
  /** How many times each kind of fault fired (500, resetAfter, betweenPages, ...). */
  faults: Record<string, number>;
}

const StatusMessages: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

/** The real service's answer for a doc that does not exist and for one the token may not open alike. */
export const NoDocMessage = "Doc does not exist or is inaccessible.";

/** The real service's answer for a page token it does not accept, malformed or no longer valid. */
export const BadPageTokenMessage = "Invalid pageToken.";

/** The real service's answer, a 400 and not a 413, for a request body over its size limit. */
export const TooLargeMessage = "request entity too large";

/** The largest request body the emulator accepts by default: 2 MiB. */
export const MaxRequestBytes = 2 * 1024 * 1024;

const ReadOnlyMessage = "This API token is read-only; writes need a read-write token.";

/** One problem a request's schema check found, as `codaDetail.issues` lists them. */
interface Issue {
  code: string;
  path: Array<string | number>;
  message: string;
}

/**
 * An error answer. Beside the spec's three fields, a request the service's
 * schema check refuses carries `codaType` and `codaDetail.issues`, as recorded
 * traffic shows.
 */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message?: string,
    readonly issues?: Issue[],
  ) {
    super(message ?? StatusMessages[status]);
  }

  get body() {
    const envelope = {statusCode: this.status, statusMessage: StatusMessages[this.status], message: this.message};
    return this.issues
      ? {...envelope, codaType: "RequestSchemaValidationFailed", codaDetail: {issues: this.issues}}
      : envelope;
  }
}

/** A request that fails the service's schema check: 400 "Bad Request", the issue in codaDetail. */
function invalid(path: Array<string | number>, message: string): HttpError {
  return new HttpError(400, "Bad Request", [{code: "invalid_value", path, message: `Invalid input: ${message}`}]);
}

/** A proxy's error page, as a gateway in front of the service answers: HTML, not JSON. */
function htmlPage(status: number): string {
  const title = `${status} ${StatusMessages[status]}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
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

/** The filters of listDocs, kept in its page tokens. */
interface DocSearch {
  query?: string;
  sourceDoc?: string;
  isOwner: boolean;
  folderId?: string;
  workspaceId?: string;
  /** isPublished, isStarred or inGallery asked true: no doc here is any of those. */
  none: boolean;
}

/** A request's operation and the ids its path names, decoded. */
interface Route {
  operation: Operation;
  docId?: string;
  table?: string;
  row?: string;
  requestId?: string;
}

/** Operations under /docs/{docId}, by method and path shape (`*` for a table or row id or name). */
const DocOperations: Record<string, Operation> = {
  "GET ": "getDoc",
  "GET tables": "listTables",
  "GET tables/*": "getTable",
  "GET tables/*/columns": "listColumns",
  "GET tables/*/rows": "listRows",
  "POST tables/*/rows": "upsertRows",
  "DELETE tables/*/rows": "deleteRows",
  "GET tables/*/rows/*": "getRow",
  "PUT tables/*/rows/*": "updateRow",
  "DELETE tables/*/rows/*": "deleteRow",
};

/** Operations outside /docs/{docId}, by method and path. */
const TopOperations: Record<string, Operation> = {
  "GET /whoami": "whoami",
  "GET /resolveBrowserLink": "resolveBrowserLink",
  "GET /docs": "listDocs",
  "POST /docs": "createDoc",
};

/** The operation a request asks for, or undefined when there is none (a malformed path included). */
function routeOf(method: string, path: string): Route | undefined {
  let parts: string[];
  try {
    parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const top = TopOperations[`${method} ${path}`];
  if (top) return {operation: top};
  if (method === "GET" && parts[0] === "mutationStatus" && parts.length === 2) {
    return {operation: "getMutationStatus", requestId: parts[1]};
  }
  if (parts[0] !== "docs" || parts.length < 2) return undefined;
  const [, docId, , table, , row] = parts;
  if (method === "POST" && parts.length === 4 && parts[2] === "acl" && parts[3] === "permissions") {
    return {operation: "addPermission", docId};
  }
  const shape = parts
    .slice(2)
    .map((p, i) => (i % 2 === 1 ? "*" : p))
    .join("/");
  const operation = DocOperations[`${method} ${shape}`];
  return operation ? {operation, docId, table, row} : undefined;
}

/** A timestamp after `previous` and no earlier than now, so every change moves updatedAt. */
function later(previous: string): string {
  return new Date(Math.max(Date.now(), Date.parse(previous) + 1)).toISOString();
}

interface Mutation {
  appliesAt: number;
  apply: () => void;
  applied: boolean;
}

/** What reset() returns to: each doc served with a copy of it as it was, the shares and the row counter. */
interface Pristine {
  docs: Array<{live: DocRecord; copy: DocRecord}>;
  shares: Map<string, Map<string, Access>>;
  rowCounter: number;
}

/** The largest page of rows served when the options set none. */
const DefaultMaxRowLimit = 500;

export class DocsApiEmulator {
  readonly docs: DocRecord[];
  readonly violations: Violation[] = [];
  stats: EmulatorStats = emptyStats();
  rateLimit: RateLimit | false;
  mutationDelayMs: number | DelayRange;
  /** The largest page of rows served. */
  maxRowLimit: number;
  /** The largest request body accepted, in bytes. */
  maxRequestBytes: number;
  private server?: Server;
  private readonly validator?: SpecValidator;
  private readonly buckets = new Map<string, {reads: number[]; writes: number[]}>();
  private readonly mutations = new Map<string, Mutation>();
  /** Queued writes not yet applied, in the order they were submitted. */
  private readonly pending: Mutation[] = [];
  private readonly faultSet = new FaultSet();
  /** Who may open each doc beyond the tokens' docIds: doc id, then email (lower case), then access. */
  private readonly shares = new Map<string, Map<string, Access>>();
  private rowCounter = 0;
  private pristine?: Pristine;

  constructor(private readonly options: EmulatorOptions) {
    this.docs = [...options.docs];
    this.rateLimit = options.rateLimit ?? false;
    this.mutationDelayMs = options.mutationDelayMs ?? 0;
    this.maxRowLimit = options.maxRowLimit ?? DefaultMaxRowLimit;
    this.maxRequestBytes = options.maxRequestBytes ?? MaxRequestBytes;
    if (options.validate) this.validator = SpecValidator.shared();
    for (const fault of options.faults ?? []) this.inject(fault);
  }

  get workspace(): Workspace {
    return (
      this.options.workspace ?? {
        id: "ws-Lead01",
        organizationId: "org-Lead01",
        name: "Leadership",
        folderId: "fl-Lead01",
        folderName: "Operating system",
      }
    );
  }

  /** Starts serving; the docs as they are now are what reset() returns to. */
  async start(port = 0): Promise<string> {
    this.keepAsPristine();
    // Idle connections stay open a minute, as behind a hosted service's load balancer, not Node's 5 s:
    // a client that pauses 5 s between retries must not find its connection reset.
    this.server = createServer({keepAliveTimeout: 60_000}, (req, res) => void this.handle(req, res));
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
    this.stats = emptyStats();
  }

  /**
   * Takes the docs, their shares and the row counter as they are now as the
   * state reset() returns to. start() takes it; take it again after changing
   * the model for every later reset.
   */
  keepAsPristine(): void {
    this.pristine = {
      docs: this.docs.map(live => ({live, copy: cloneDoc(live)})),
      shares: cloneShares(this.shares),
      rowCounter: this.rowCounter,
    };
  }

  /**
   * Returns the emulator to the state it started serving in, cheaply and without
   * a restart: the docs as they were (the same doc objects, their tables and rows
   * copied afresh; docs made since are gone), their shares, and the row counter;
   * the options' rate limit, write delay, row and body limits, and faults; no queued writes,
   * no rate-limit windows, no counts and no violations.
   */
  reset(): void {
    const pristine = this.pristine;
    if (pristine) {
      this.docs.length = 0;
      for (const {live, copy} of pristine.docs) {
        for (const key of Object.keys(live)) delete (live as unknown as Record<string, unknown>)[key];
        Object.assign(live, cloneDoc(copy));
        this.docs.push(live);
      }
      this.shares.clear();
      for (const [docId, access] of cloneShares(pristine.shares)) this.shares.set(docId, access);
      this.rowCounter = pristine.rowCounter;
    }
    this.rateLimit = this.options.rateLimit ?? false;
    this.mutationDelayMs = this.options.mutationDelayMs ?? 0;
    this.maxRowLimit = this.options.maxRowLimit ?? DefaultMaxRowLimit;
    this.maxRequestBytes = this.options.maxRequestBytes ?? MaxRequestBytes;
    this.buckets.clear();
    this.mutations.clear();
    this.pending.length = 0;
    this.clearFaults();
    for (const fault of this.options.faults ?? []) this.inject(fault);
    this.violations.length = 0;
    this.resetStats();
  }

  doc(id: string): DocRecord | undefined {
    return this.docs.find(d => d.id === id);
  }

  /** Serves more docs from now on, each open to its owner's tokens. */
  addDocs(docs: DocRecord[]): void {
    for (const doc of docs) {
      if (this.doc(doc.id)) throw new Error(`A doc with the id ${doc.id} is served already.`);
      this.docs.push(doc);
      this.share(doc.id, doc.owner.email, "write");
    }
  }

  /** Adds a fault; the returned record counts how often it has fired. */
  inject(fault: Fault): ActiveFault {
    return this.faultSet.add(fault);
  }

  clearFaults(): void {
    this.faultSet.clear();
  }

  /** The faults injected since the last clearFaults, with their counts. */
  get faults(): readonly ActiveFault[] {
    return this.faultSet.all;
  }

  /**
   * Applies the queued writes whose time has come, oldest first. Every request
   * does this first; call it to look at the model between requests.
   */
  applyDueMutations(now = Date.now()): void {
    while (this.pending.length && this.pending[0].appliesAt <= now) {
      const mutation = this.pending.shift()!;
      mutation.apply();
      mutation.applied = true;
    }
  }

  // ------------------------------------------------------------------ plumbing

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.applyDueMutations();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const path = url.pathname.startsWith(ApiPath) ? url.pathname.slice(ApiPath.length) : url.pathname;
    const route = routeOf(method, path);
    const operation = route?.operation ?? `${method} ${path}`;
    this.stats.byOperation[operation] = (this.stats.byOperation[operation] ?? 0) + 1;
    const paged = url.searchParams.has("pageToken");
    let fault: AnswerFault | undefined;
    let answer: {status: number; body: unknown};
    try {
      const text = await readBody(req);
      const grant = this.authenticate(req);
      const isWrite = method !== "GET";
      this.throttle(grant.user.email, isWrite);
      this.stats.requests++;
      if (isWrite) this.stats.writes++;
      else this.stats.reads++;
      if (Buffer.byteLength(text) > this.maxRequestBytes) {
        throw new HttpError(400, TooLargeMessage);
      }
      fault = this.fire(
        this.faultSet.take(
          (f): f is AnswerFault =>
            f.fault !== "betweenPages" &&
            (f.fault !== "badPageToken" || paged) &&
            (!f.operation || f.operation === route?.operation),
        ),
      );
      if (fault?.fault === "resetBefore") return hangUp(req);
      if (fault?.fault === "html") return htmlAnswer(res, fault.status ?? 502);
      if (fault?.fault === "badPageToken") throw new HttpError(400, BadPageTokenMessage);
      if (typeof fault?.fault === "number") throw new HttpError(fault.fault);
      if (!route) throw new HttpError(404, `No API operation at ${method} ${path}.`);
      const [status, body] = this.route(route, url.searchParams, text ? parseJson(text) : undefined, grant, isWrite);
      answer = {status, body};
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      answer = {status: error.status, body: error.body};
    }
    if (fault?.fault === "resetAfter") return hangUp(req);
    // Injected 5xx answers are outside the spec, as the real service's are.
    if (this.validator && (!fault || fault.fault === "badPageToken")) {
      const errors = this.validator.check(method, path, answer.status, answer.body);
      if (errors) this.violations.push({operation, status: answer.status, errors});
    }
    // Like the real service, no answer carries rate-limit headers (no Retry-After, no X-RateLimit-*).
    res.writeHead(answer.status, {"content-type": "application/json"});
    res.end(JSON.stringify(answer.body));
  }

  /** Counts a fault that fires. */
  private fire<F extends Fault>(fault: F | undefined): F | undefined {
    if (fault) this.stats.faults[fault.fault] = (this.stats.faults[fault.fault] ?? 0) + 1;
    return fault;
  }

  private authenticate(req: IncomingMessage): TokenGrant {
    const header = req.headers.authorization ?? "";
    const match = /^Bearer (.+)$/.exec(header);
    const grant = match ? this.options.tokens[match[1]] : undefined;
    if (!grant) throw new HttpError(401, "The API token is missing, invalid or expired.");
    return grant;
  }

  /** The limits are per user, across tokens and docs. */
  private throttle(user: string, isWrite: boolean): void {
    if (!this.rateLimit) return;
    const {reads, writes, windowMs, writeWindowMs} = this.rateLimit;
    const now = Date.now();
    let bucket = this.buckets.get(user);
    if (!bucket) this.buckets.set(user, (bucket = {reads: [], writes: []}));
    const list = isWrite ? bucket.writes : bucket.reads;
    const limit = isWrite ? writes : reads;
    const window = isWrite ? (writeWindowMs ?? windowMs) : windowMs;
    while (list.length && list[0] <= now - window) list.shift();
    if (list.length >= limit) {
      this.stats.throttled++;
      throw new HttpError(429, "Too Many Requests");
    }
    list.push(now);
  }

  private share(docId: string, email: string, access: Access): void {
    if (!this.shares.has(docId)) this.shares.set(docId, new Map());
    this.shares.get(docId)!.set(email.toLowerCase(), access);
  }

  /** The access a token has to a doc: its docIds give write, else what the doc is shared with its user. */
  private accessOf(grant: TokenGrant, docId: string): Access | undefined {
    if (!grant.docIds || grant.docIds.includes(docId)) return "write";
    return this.shares.get(docId)?.get(grant.user.email.toLowerCase());
  }

  private access(grant: TokenGrant, docId: string, write = false): DocRecord {
    const doc = this.doc(docId);
    const access = doc && this.accessOf(grant, docId);
    if (!doc || !access) throw new HttpError(404, NoDocMessage);
    if (write && grant.readOnly) throw new HttpError(403, ReadOnlyMessage);
    if (write && access !== "write") {
      throw new HttpError(403, `The doc is shared with you as ${access}; ask its owner for write access.`);
    }
    return doc;
  }

  private tableOf(doc: DocRecord, idOrName: string): TableRecord {
    const table = doc.tables.find(t => t.id === idOrName) ?? doc.tables.find(t => t.name === idOrName);
    if (!table) throw new HttpError(404, `No table ${idOrName} in the doc ${doc.name}.`);
    return table;
  }

  /** The table that holds a table's or view's rows. */
  private baseTable(doc: DocRecord, table: TableRecord): TableRecord {
    return table.tableType === "view" && table.parentTableId ? this.tableOf(doc, table.parentTableId) : table;
  }

  private rowsOf(doc: DocRecord, table: TableRecord): RowRecord[] {
    return this.baseTable(doc, table).rows;
  }

  /** Marks a table and its doc changed. */
  private touch(doc: DocRecord, table: TableRecord): void {
    const base = this.baseTable(doc, table);
    base.updatedAt = later(base.updatedAt);
    doc.updatedAt = later(doc.updatedAt);
  }

  // ------------------------------------------------------------------ routes

  private route(
    route: Route,
    query: URLSearchParams,
    body: unknown,
    grant: TokenGrant,
    isWrite: boolean,
  ): [number, unknown] {
    const {operation} = route;
    if (operation === "whoami") return [200, this.whoami(grant)];
    if (operation === "resolveBrowserLink") return [200, this.resolveBrowserLink(query, grant)];
    if (operation === "getMutationStatus") return [200, this.mutationStatus(route.requestId!)];
    if (operation === "listDocs") return [200, this.listDocs(grant, query)];
    if (operation === "createDoc") return [201, this.createDoc(grant, body)];
    const doc = this.access(grant, route.docId!, isWrite);
    if (operation === "getDoc") return [200, this.getDoc(doc)];
    if (operation === "addPermission") return [200, this.addPermission(doc, body)];
    if (operation === "listTables") return [200, this.listTables(doc, query)];
    const table = this.tableOf(doc, route.table!);
    const encoder = new Encoder(doc);
    switch (operation) {
      case "getTable":
        return [200, this.getTable(doc, table, encoder)];
      case "listColumns":
        return [200, this.listColumns(doc, table, query, encoder)];
      case "listRows":
        return [200, this.listRows(doc, table, query, encoder)];
      case "upsertRows":
        return [202, this.upsertRows(doc, table, body, encoder)];
      case "deleteRows":
        return [202, this.deleteRows(doc, table, body)];
    }
    const rows = this.rowsOf(doc, table);
    const rowKey = route.row!;
    const row = rows.find(r => r.id === rowKey) ?? rows.find(r => encoder.displayName(table, r) === rowKey);
    if (!row) throw new HttpError(404, `No row ${rowKey} in the table ${table.name}.`);
    if (operation === "getRow") return [200, this.getRow(table, row, query, encoder)];
    if (operation === "updateRow") return [202, this.updateRow(doc, table, row, body)];
    return [202, this.deleteRow(doc, table, row)];
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
      workspace: {
        id: ws.id,
        type: "workspace",
        organizationId: ws.organizationId,
        browserLink: `https://docs.superhuman.com/docs?workspaceId=${ws.id}`,
        name: ws.name,
      },
    };
  }

  /**
   * Resolves doc, table and row links. A table or row the link names but the doc
   * lacks is a 404, or with degradeGracefully the nearest thing that exists.
   */
  private resolveBrowserLink(query: URLSearchParams, grant: TokenGrant) {
    const url = query.get("url") ?? "";
    const parts = parseBrowserLink(url);
    if (!parts) throw new HttpError(400, "That is not a Superhuman Docs URL.");
    const doc = this.access(grant, parts.docId);
    const graceful = query.get("degradeGracefully") === "true";
    const missing = (what: string) => {
      if (!graceful) throw new HttpError(404, `The link names ${what} that does not exist or is inaccessible.`);
    };
    let resource = {type: "doc", id: doc.id, name: doc.name, href: links.api(`/docs/${doc.id}`)};
    let browserLink = links.doc(doc);
    const table = parts.table ? doc.tables.find(t => spells(t.id, parts.table!)) : undefined;
    if (parts.table && !table) missing("a table");
    if (table) {
      resource = {type: "table", id: table.id, name: table.name, href: links.api(`/docs/${doc.id}/tables/${table.id}`)};
      browserLink = links.table(doc, table);
      const row = parts.row ? this.rowsOf(doc, table).find(r => spells(r.id, parts.row!)) : undefined;
      if (parts.row && !row) missing("a row");
      if (row) {
        resource = {
          type: "row",
          id: row.id,
          name: new Encoder(doc).displayName(table, row),
          href: links.api(`/docs/${doc.id}/tables/${table.id}/rows/${row.id}`),
        };
        browserLink = links.row(doc, table, row);
      }
    }
    return {
      type: "apiLink",
      href: links.api(`/resolveBrowserLink?url=${encodeURIComponent(url)}`),
      browserLink,
      resource,
    };
  }

  private getDoc(doc: DocRecord) {
    const ws = this.workspace;
    const source = doc.sourceDocId;
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
      workspace: {
        id: ws.id,
        type: "workspace",
        organizationId: ws.organizationId,
        browserLink: `https://docs.superhuman.com/docs?workspaceId=${ws.id}`,
        name: ws.name,
      },
      folder: {
        id: ws.folderId,
        type: "folder",
        browserLink: `https://docs.superhuman.com/folders/${ws.folderId}`,
        name: ws.folderName,
      },
      workspaceId: ws.id,
      folderId: ws.folderId,
      ...(source ? {sourceDoc: docReference(source)} : {}),
    };
  }

  /** The docs the token may open, newest change first, filtered as the query asks. */
  private listDocs(grant: TokenGrant, query: URLSearchParams) {
    const token = query.get("pageToken");
    const search = token ? decodeToken<{search: DocSearch}>(token).search : docSearch(query);
    const ws = this.workspace;
    const elsewhere =
      (search.folderId && search.folderId !== ws.folderId) || (search.workspaceId && search.workspaceId !== ws.id);
    const docs = this.docs
      .filter(d => !search.none && !elsewhere && this.accessOf(grant, d.id))
      .filter(d => !search.query || d.name.toLowerCase().includes(search.query.toLowerCase()))
      .filter(d => !search.sourceDoc || d.sourceDocId === search.sourceDoc)
      .filter(d => !search.isOwner || d.owner.email.toLowerCase() === grant.user.email.toLowerCase())
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const page = this.page(docs, query, 100, links.api("/docs"), {search});
    return {...page, items: page.items.map(d => this.getDoc(d))};
  }

  private page<T>(all: T[], query: URLSearchParams, max: number, base: string, extra: Record<string, unknown> = {}) {
    const token = query.get("pageToken");
    const state = token
      ? decodeToken<{offset: number; limit: number}>(token)
      : {offset: 0, limit: clampLimit(query.get("limit"), max)};
    const items = all.slice(state.offset, state.offset + state.limit);
    const next =
      state.offset + state.limit < all.length
        ? encodeToken({...extra, offset: state.offset + state.limit, limit: state.limit})
        : undefined;
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
    const base = this.baseTable(doc, table);
    return {
      ...ref,
      ...(table.parentTableId ? {parentTable: encoder.tableReference(this.tableOf(doc, table.parentTableId))} : {}),
      displayColumn: {
        id: display.id,
        type: "column",
        href: links.api(`/docs/${doc.id}/tables/${table.id}/columns/${display.id}`),
      },
      rowCount: base.rows.length,
      sorts: [],
      layout: "default",
      createdAt: table.createdAt,
      updatedAt: base.updatedAt,
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
      if (state.table !== table.id) throw new HttpError(400, BadPageTokenMessage);
      const change = this.fire(
        this.faultSet.take(
          (f): f is BetweenPagesFault => f.fault === "betweenPages" && (f.table === table.id || f.table === table.name),
        ),
      );
      if (change) this.changeBetweenPages(doc, table, change);
    } else {
      const format = (query.get("valueFormat") ?? "simple") as ValueFormat;
      if (!["simple", "simpleWithArrays", "rich"].includes(format)) {
        throw invalid(["valueFormat"], 'expected one of "simple"|"simpleWithArrays"|"rich"');
      }
      const sortBy = query.get("sortBy") ?? undefined;
      if (sortBy && !["createdAt", "natural", "updatedAt"].includes(sortBy)) {
        throw invalid(["sortBy"], 'expected one of "createdAt"|"natural"|"updatedAt"');
      }
      if (sortBy === "natural" && query.get("visibleOnly") === "false") {
        throw new HttpError(400, "sortBy=natural needs visibleOnly.");
      }
      state = {
        table: table.id,
        offset: 0,
        limit: clampLimit(query.get("limit"), this.maxRowLimit),
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
      ...(next
        ? {nextPageToken: next, nextPageLink: `${base}?pageToken=${next}`}
        : {nextSyncToken: encodeToken({at: new Date().toISOString()})}),
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
      return (
        simple === wanted ||
        (typeof simple === "string" && typeof wanted === "string" && simple.split(",").includes(wanted))
      );
    });
  }

  private getRow(table: TableRecord, row: RowRecord, query: URLSearchParams, encoder: Encoder) {
    const format = (query.get("valueFormat") ?? "simple") as ValueFormat;
    return {
      ...encoder.row(table, row, {format, useColumnNames: query.get("useColumnNames") === "true"}),
      parent: encoder.tableReference(table),
    };
  }

  // ------------------------------------------------------------------ writes

  /**
   * Queues a write and answers its request id. Writes apply in the order they
   * were submitted: a shorter random delay never lets a write overtake an
   * earlier one. With no delay and nothing queued, it applies at once.
   */
  private queue(apply: () => void): string {
    const requestId = `mutate:${randomUUID()}`;
    const delay = this.mutationDelayMs;
    const waitMs = typeof delay === "number" ? delay : delay.min + Math.random() * (delay.max - delay.min);
    const previous = this.pending.length ? this.pending[this.pending.length - 1].appliesAt : 0;
    const mutation = {appliesAt: Math.max(Date.now() + waitMs, previous), apply, applied: false};
    this.mutations.set(requestId, mutation);
    this.pending.push(mutation);
    this.applyDueMutations();
    return requestId;
  }

  /**
   * Makes a doc, empty or a copy of `sourceDoc`, owned by the token's user. It
   * answers 201 with the doc's metadata and a requestId at once; the doc is
   * served from when the write applies.
   */
  private createDoc(grant: TokenGrant, body: unknown) {
    if (grant.readOnly) throw new HttpError(403, ReadOnlyMessage);
    const {title, sourceDoc, folderId, timezone} = docCreate(body);
    const source = sourceDoc === undefined ? undefined : this.access(grant, sourceDoc);
    if (folderId !== undefined && folderId !== this.workspace.folderId) {
      throw new HttpError(400, `No folder ${folderId}; leave folderId out.`);
    }
    const made = {
      id: this.newDocId(),
      name: title ?? "Untitled",
      owner: grant.user,
      at: new Date().toISOString(),
      timezone,
    };
    const empty = {
      id: made.id,
      name: made.name,
      owner: made.owner,
      tables: [],
      createdAt: made.at,
      updatedAt: made.at,
      timezone,
    };
    const doc = source ? copyOfDoc(source, made) : empty;
    const requestId = this.queue(() => this.addDocs([doc]));
    return {...this.getDoc(doc), requestId};
  }

  /** Shares a doc with a person by email; the share applies as any write does. */
  private addPermission(doc: DocRecord, body: unknown) {
    const {access, principal, suppressEmail} = (body ?? {}) as {
      access?: unknown;
      principal?: {type?: unknown; email?: unknown};
      suppressEmail?: unknown;
    };
    if (typeof access !== "string" || !Accesses.includes(access)) {
      throw invalid(["access"], `expected one of ${Accesses.map(a => `"${a}"`).join("|")}`);
    }
    if (principal?.type !== "email" || typeof principal.email !== "string" || !principal.email.includes("@")) {
      throw invalid(["principal"], 'expected {"type": "email", "email": "<address>"}');
    }
    if (suppressEmail !== undefined && typeof suppressEmail !== "boolean") {
      throw invalid(["suppressEmail"], "expected boolean");
    }
    const email = principal.email;
    this.queue(() => this.share(doc.id, email, access as Access));
    return {};
  }

  /** A doc id as the service makes them: ten letters and digits. */
  private newDocId(): string {
    let id: string;
    do {
      id = randomBytes(16)
        .toString("base64")
        .replace(/[^A-Za-z0-9]/g, "")
        .slice(0, 10);
    } while (id.length < 10 || this.doc(id));
    return id;
  }

  /** The real service always sends `warning`, null when there is none. */
  private mutationStatus(requestId: string) {
    const mutation = this.mutations.get(requestId);
    if (!mutation) throw new HttpError(404, `No mutation with the request id ${requestId}.`);
    return {completed: mutation.applied, warning: null};
  }

  private newRowId(): string {
    return `i-new${(++this.rowCounter).toString(36).padStart(4, "0")}`;
  }

  /** A betweenPages fault: deletes the table's first rows, then adds copies of its (new) first row at the top. */
  private changeBetweenPages(doc: DocRecord, table: TableRecord, fault: BetweenPagesFault): void {
    const base = this.baseTable(doc, table);
    base.rows.splice(0, fault.deleteFirst ?? 0);
    const display = base.columns.find(c => c.display) ?? base.columns[0];
    for (let i = 0; i < (fault.insert ?? 0); i++) {
      const values = new Map(base.rows[0]?.values ?? []);
      const id = this.newRowId();
      if (display.type === "text") values.set(display.id, `Inserted row ${id}`);
      const now = new Date().toISOString();
      base.rows.unshift({id, values, createdAt: now, updatedAt: now});
    }
    if (fault.deleteFirst || fault.insert) this.touch(doc, table);
  }

  private cellsOf(table: TableRecord, cells: unknown): Map<string, Cell> {
    if (!Array.isArray(cells)) throw invalid(["cells"], "expected an array of cells");
    const out = new Map<string, Cell>();
    for (const cell of cells as Array<{column?: unknown; value?: unknown}>) {
      const key = String(cell.column ?? "");
      const column = this.columnOf(table, key);
      if (!column) throw new HttpError(400, `The column ${key} does not exist in the table ${table.name}.`);
      if (column.calculated) throw new HttpError(400, `The column ${column.name} is calculated and cannot be written.`);
      out.set(column.id, this.parseValue(table, column, cell.value));
    }
    return out;
  }

  /** A column by id or by name, as cells and keyColumns may give it. */
  private columnOf(table: TableRecord, idOrName: string): ColumnDef | undefined {
    return table.columns.find(c => c.id === idOrName) ?? table.columns.find(c => c.name === idOrName);
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
        // A number, as a Unix time, is kept and served as the number, as the real service does.
        if (typeof value === "number") return value;
        return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
      case "person": {
        const person = this.options.people?.find(p => p.email === text || p.name === text);
        return person ?? {name: text, email: text.includes("@") ? text : ""};
      }
      case "lookup": {
        const doc = this.docs.find(d => d.tables.includes(table))!;
        const target = column.lookupTable ? doc.tables.find(t => t.id === column.lookupTable) : undefined;
        const encoder = new Encoder(doc);
        const row =
          target?.rows.find(r => r.id === text) ?? target?.rows.find(r => encoder.displayName(target, r) === text);
        return row ? {rowId: row.id} : text;
      }
      default:
        return text;
    }
  }

  /**
   * Adds rows, or with keyColumns updates every row whose key cells match and
   * adds the row when none does. Matching happens when the write applies, so
   * two queued upserts with the same key make one row.
   */
  private upsertRows(doc: DocRecord, table: TableRecord, body: unknown, encoder: Encoder) {
    if (table.tableType === "view") throw new HttpError(400, "Rows can only be added to a base table, not a view.");
    const {rows, keyColumns} = (body ?? {}) as {rows?: Array<{cells?: unknown}>; keyColumns?: string[]};
    if (!Array.isArray(rows) || rows.length === 0) throw invalid(["rows"], "expected a non-empty array of rows");
    const parsed = rows.map(r => this.cellsOf(table, r.cells));
    const keys = (keyColumns ?? []).map(k => {
      const column = this.columnOf(table, k);
      if (!column) throw new HttpError(400, `The key column ${k} does not exist.`);
      return column;
    });
    // Key cells compare as the simple format shows them, so "Grow ARR" matches a bold "Grow ARR".
    const key = (values: Map<string, Cell>) =>
      JSON.stringify(keys.map(c => encoder.cell(c, values.get(c.id), "simple")));
    const plans = parsed.map(values => ({id: this.newRowId(), values}));
    const requestId = this.queue(() => {
      for (const {id, values} of plans) {
        const matches = keys.length ? table.rows.filter(r => key(r.values) === key(values)) : [];
        for (const row of matches) {
          for (const [k, v] of values) row.values.set(k, v);
          row.updatedAt = later(row.updatedAt);
        }
        if (!matches.length) {
          const now = new Date().toISOString();
          table.rows.push({id, values: new Map(values), createdAt: now, updatedAt: now});
        }
      }
      this.touch(doc, table);
    });
    return keys.length ? {requestId} : {requestId, addedRowIds: plans.map(p => p.id)};
  }

  private updateRow(doc: DocRecord, table: TableRecord, row: RowRecord, body: unknown) {
    const cells = (body as {row?: {cells?: unknown}} | undefined)?.row?.cells;
    const values = this.cellsOf(table, cells);
    const requestId = this.queue(() => {
      if (!this.rowsOf(doc, table).includes(row)) return; // deleted in the meantime
      for (const [k, v] of values) row.values.set(k, v);
      row.updatedAt = later(row.updatedAt);
      this.touch(doc, table);
    });
    return {requestId, id: row.id};
  }

  private deleteRow(doc: DocRecord, table: TableRecord, row: RowRecord) {
    const requestId = this.queue(() => this.removeRows(doc, table, [row.id]));
    return {requestId, id: row.id};
  }

  private deleteRows(doc: DocRecord, table: TableRecord, body: unknown) {
    const ids = (body as {rowIds?: unknown} | undefined)?.rowIds;
    if (!Array.isArray(ids) || !ids.every(i => typeof i === "string")) {
      throw invalid(["rowIds"], "expected an array of row ids");
    }
    const requestId = this.queue(() => this.removeRows(doc, table, ids));
    return {requestId, rowIds: ids};
  }

  /** Removes the rows with these ids; ids of rows already gone are ignored. */
  private removeRows(doc: DocRecord, table: TableRecord, ids: string[]): void {
    const rows = this.rowsOf(doc, table);
    const before = rows.length;
    for (const id of ids) {
      const at = rows.findIndex(r => r.id === id);
      if (at >= 0) rows.splice(at, 1);
    }
    if (rows.length < before) this.touch(doc, table);
  }
}

/** The filters a listDocs request asks for. */
function docSearch(query: URLSearchParams): DocSearch {
  const given = (name: string) => query.get(name) ?? undefined;
  return {
    query: given("query"),
    sourceDoc: given("sourceDoc"),
    isOwner: query.get("isOwner") === "true",
    folderId: given("folderId"),
    workspaceId: given("workspaceId"),
    none: ["isPublished", "isStarred", "inGallery"].some(name => query.get(name) === "true"),
  };
}

/** The fields of the spec's DocCreate. */
const DocCreateFields = ["title", "sourceDoc", "timezone", "folderId", "initialPage"];

/** A createDoc body, checked as the spec's DocCreate describes it; the time zone must be one the calendar knows. */
function docCreate(body: unknown): {title?: string; sourceDoc?: string; folderId?: string; timezone?: string} {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalid([], "expected object");
  const fields = body as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (!DocCreateFields.includes(key)) {
      throw invalid([key], `unrecognized key; expected one of ${DocCreateFields.join(", ")}`);
    }
    if (key !== "initialPage" && typeof value !== "string") throw invalid([key], "expected string");
  }
  if (fields.timezone !== undefined && !knownZone(fields.timezone as string)) {
    throw invalid(["timezone"], "expected an IANA time zone such as America/New_York");
  }
  return fields as {title?: string; sourceDoc?: string; folderId?: string; timezone?: string};
}

function knownZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", {timeZone: timezone});
    return true;
  } catch {
    return false;
  }
}

/** A doc as other resources name it: sourceDoc in a copy's metadata. */
function docReference(id: string) {
  return {id, type: "doc", browserLink: `${PublicOrigin}/d/_d${id}`, href: links.api(`/docs/${id}`)};
}

/** A deep copy of a doc: its tables, columns, rows and cells. */
function cloneDoc(doc: DocRecord): DocRecord {
  return {
    ...doc,
    owner: {...doc.owner},
    tables: doc.tables.map(table => ({
      ...table,
      columns: table.columns.map(column => ({...column, ...(column.options ? {options: [...column.options]} : {})})),
      rows: table.rows.map(row => ({
        ...row,
        values: new Map([...row.values].map(([id, cell]) => [id, cloneCell(cell)])),
      })),
    })),
  };
}

function cloneCell<C extends Cell>(cell: C): C {
  if (Array.isArray(cell)) return cell.map(cloneCell) as C;
  if (typeof cell !== "object" || cell === null) return cell;
  if ("runs" in cell) return {runs: cell.runs.map(run => ({...run}))} as C;
  return {...cell};
}

function cloneShares(shares: Map<string, Map<string, Access>>): Map<string, Map<string, Access>> {
  return new Map([...shares].map(([docId, access]) => [docId, new Map(access)]));
}

function emptyStats(): EmulatorStats {
  return {requests: 0, reads: 0, writes: 0, throttled: 0, byOperation: {}, faults: {}};
}

/** Drops the connection without an answer, as a reset does. */
function hangUp(req: IncomingMessage): void {
  req.socket.destroy();
}

function clampLimit(raw: string | null, max: number): number {
  const n = raw === null ? 25 : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw invalid(["limit"], "expected an integer of at least 1");
  return Math.min(n, max);
}

function encodeToken(state: object): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

function decodeToken<T>(token: string): T {
  try {
    return JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as T;
  } catch {
    throw new HttpError(400, BadPageTokenMessage);
  }
}

/** Answers a proxy's HTML error page instead of JSON. */
function htmlAnswer(res: ServerResponse, status: number): void {
  res.writeHead(status, {"content-type": "text/html"});
  res.end(htmlPage(status));
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
