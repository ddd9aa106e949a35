import * as coda from "@codahq/packs-sdk";
import {newMockSyncExecutionContext} from "@codahq/packs-sdk/dist/development";
import {ApiBaseUrl, NetworkDomain} from "../src/api/client";

/**
 * A Pack fetcher that sends the pack's requests over real HTTP to the local
 * emulator instead of docs.superhuman.com. It behaves like the production
 * fetcher where it matters: the bearer token is added for the pack (which never
 * sees it), only the pack's network domain may be reached, JSON bodies are
 * parsed (any other body, an HTML error page say, stays text), a 429 is retried
 * after its Retry-After, or after a few seconds when it has none (the real
 * service sends none), until the execution's minute would run out, any other
 * status of 400 or more (5xx included) throws StatusCodeError at once, and a
 * dropped connection throws Node's own error (`socket hang up`, code ECONNRESET).
 */

export interface FetchLog {
  requests: number;
  retries429: number;
  /** Milliseconds spent waiting to retry 429s. */
  waitedMs: number;
}

export interface EmulatorFetcherOptions {
  baseUrl: string;
  token: string;
  /** Retry 429 responses as the production fetcher does (default true). */
  retry429?: boolean;
  log?: FetchLog;
  /** Execution deadline for 429 retries, in ms since the epoch. */
  deadline?: () => number;
}

/** How long a 429 without Retry-After waits, as the production fetcher waits "a few seconds". */
const NoRetryAfterWaitSeconds = 2;

export function newLog(): FetchLog {
  return {requests: 0, retries429: 0, waitedMs: 0};
}

export class EmulatorFetcher implements coda.Fetcher {
  readonly log: FetchLog;

  /** Like the production fetcher, 429 retries stop where the execution's minute would end. */
  private readonly deadline: number;

  constructor(private readonly options: EmulatorFetcherOptions) {
    this.log = options.log ?? newLog();
    this.deadline = Date.now() + 60_000;
  }

  async fetch<T>(request: coda.FetchRequest): Promise<coda.FetchResponse<T>> {
    const url = new URL(request.url);
    if (url.protocol !== "https:" || (url.hostname !== NetworkDomain && !url.hostname.endsWith(`.${NetworkDomain}`))) {
      throw new Error(`The pack may only reach ${NetworkDomain} over https, not ${request.url}`);
    }
    const target = this.options.baseUrl + request.url.slice(new URL(ApiBaseUrl).origin.length);
    const headers: Record<string, string> = {...(request.headers ?? {})};
    if (!request.disableAuthentication) headers.Authorization = `Bearer ${this.options.token}`;
    for (;;) {
      this.log.requests++;
      let response: Response;
      let text: string;
      try {
        response = await fetch(target, {method: request.method, headers, body: request.body as string | undefined});
        text = await response.text();
      } catch (error) {
        throw connectionError(error);
      }
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON: keep the text, as the production fetcher does.
      }
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((v, k) => (responseHeaders[k] = v));
      if (response.status === 429 && this.options.retry429 !== false) {
        const waitMs = Number(response.headers.get("retry-after") ?? NoRetryAfterWaitSeconds) * 1000;
        const deadline = this.options.deadline?.() ?? this.deadline;
        if (Date.now() + waitMs < deadline) {
          this.log.retries429++;
          this.log.waitedMs += waitMs;
          await new Promise(resolve => setTimeout(resolve, waitMs));
          continue;
        }
      }
      if (response.status >= 400) {
        throw new coda.StatusCodeError(response.status, body, request, {body: text, headers: responseHeaders});
      }
      return {status: response.status, body: body as T, headers: responseHeaders};
    }
  }
}

/**
 * The error Node's http client gives for a failed connection, as the production
 * fetcher passes it on: a refused connection keeps its own error; one dropped
 * without an answer is `socket hang up` with code ECONNRESET.
 */
function connectionError(error: unknown): Error {
  const cause = (error as {cause?: unknown}).cause;
  if (cause instanceof Error && (cause as NodeJS.ErrnoException).code === "ECONNREFUSED") return cause;
  return Object.assign(new Error("socket hang up"), {code: "ECONNRESET"});
}

/**
 * A sync execution context whose fetcher talks to the emulator. Each call makes a
 * fresh context, as each execution of a real sync starts afresh.
 */
export function emulatorContext(
  options: EmulatorFetcherOptions & {continuation?: coda.Continuation; timezone?: string},
) {
  const context = newMockSyncExecutionContext({timezone: options.timezone ?? "America/Los_Angeles"});
  (context as {fetcher: coda.Fetcher}).fetcher = new EmulatorFetcher(options);
  if (options.continuation) context.sync.continuation = options.continuation;
  return context;
}
