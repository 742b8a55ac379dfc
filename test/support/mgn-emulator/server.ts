import * as http from 'http';
import { Socket } from 'net';
import { FaultInjector, FaultKind } from '../sms-emulator/faults';
import { EmulatorStats } from '../sms-emulator/stats';
import { MgnApiError, errorStatus, uninitialized, validationError } from './errors';
import { MgnModel, MgnOperationInfo } from './model';
import { OPERATIONS, WITHOUT_INITIALIZATION } from './operations';
import { MgnStore, Wire } from './state';
import { describeViolations, scalarType, validate } from './validator';

/**
 * The HTTP side: restJson1 on 127.0.0.1, routed on method + path from the model's `smithy.api#http` traits
 * (labels percent-decoded per segment, `httpQuery` members from the query string, repeated keys as lists).
 *
 * Order per request: route → count → SigV4 scope → faults (latency, drop, throttle, 5xx) → input assembly
 * (body, labels, query) → model validation → initialized? → operation → output check → answer (or drop it,
 * for lost-response).
 */

const MAX_BODY = 5 * 1024 * 1024;
/** Requests the log keeps unless told otherwise (the last ones). */
export const DEFAULT_REQUEST_LOG_LIMIT = 10_000;

/** One request as the emulator saw it. */
export interface MgnRequestLogEntry {
  readonly requestId: string;
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly input?: unknown;
  /** HTTP status, or 'dropped' when the socket was destroyed. */
  readonly status: number | 'dropped';
  readonly errorType?: string;
  readonly fault?: FaultKind;
  /** Input members the model does not define (the service ignores them; a typo in a caller shows up here). */
  readonly unknownMembers: readonly string[];
}

/** What the HTTP server works on. */
export interface MgnServerDeps {
  readonly model: MgnModel;
  readonly store: MgnStore;
  readonly faults: FaultInjector;
  readonly stats: EmulatorStats;
  readonly log: MgnRequestLogEntry[];
  readonly requireSigV4: boolean;
  readonly checkResponses: boolean;
  /** Requests the log keeps (the last ones). @default DEFAULT_REQUEST_LOG_LIMIT */
  readonly requestLogLimit?: number;
}

interface Exchange {
  readonly req: http.IncomingMessage;
  readonly res: http.ServerResponse;
  readonly requestId: string;
  operation: string;
  input?: unknown;
  fault?: FaultKind;
  unknownMembers: string[];
}

/** A listening node:http server that tracks its sockets so `close()` ends keep-alive connections too. */
export class TrackedHttpServer {
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
    this.server = http.createServer(handler);
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Listens on 127.0.0.1 and resolves with the port. */
  public listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve((this.server.address() as { port: number }).port);
      });
    });
  }

  /** Waits `ms` on a timer that `close()` cancels. */
  public sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  /** Stops listening and destroys open sockets. */
  public close(): Promise<void> {
    for (const t of this.timers) {
      clearTimeout(t);
    }
    this.timers.clear();
    for (const s of this.sockets) {
      s.destroy();
    }
    return new Promise((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }
}

/** The MGN HTTP server. */
export class MgnHttpServer {
  public readonly http: TrackedHttpServer;

  constructor(private readonly deps: MgnServerDeps) {
    this.http = new TrackedHttpServer((req, res) => {
      void this.handle(req, res);
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { store, stats, model } = this.deps;
    const ex: Exchange = { req, res, requestId: store.ids.requestId(), operation: '<none>', unknownMembers: [] };
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://localhost');
      let segments: string[];
      try {
        segments = url.pathname.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
      } catch {
        segments = [];
      }
      const route = model.route(req.method ?? 'GET', segments);
      if (!route) {
        stats.recordCall('<unknown>');
        throw new MgnApiError('UnknownOperationException', `${req.method} ${url.pathname} is not an MGN API route`);
      }
      const op = route.op;
      ex.operation = op.name;
      stats.recordCall(op.name);
      this.checkSigV4(req);
      const decision = this.deps.faults.decide(op.name);
      if (decision.latencyMs > 0) {
        ex.fault = 'latency';
        stats.recordFault(op.name, 'latency');
        await this.http.sleep(decision.latencyMs);
      }
      if (decision.outcome) {
        ex.fault = decision.outcome;
        stats.recordFault(op.name, decision.outcome);
      }
      switch (decision.outcome) {
        case 'drop':
          this.drop(ex);
          return;
        case 'throttle':
          throw new MgnApiError('ThrottlingException', 'Rate exceeded (injected)', { serviceCode: 'mgn', quotaCode: 'L-API-RATE' },
            { 'Retry-After': '1' });
        case 'internal':
          throw new MgnApiError('InternalServerException', 'An internal error occurred (injected)', {}, { 'Retry-After': '1' });
        case 'unavailable':
          this.sendRaw(ex, 503, '', undefined);
          return;
        default:
          break;
      }
      ex.input = this.assembleInput(op, route.labels, url.searchParams, body);
      const result = validate(model, op.inputShape, ex.input);
      ex.unknownMembers = result.unknownMembers;
      const typeErrors = result.violations.filter((v) => v.kind === 'type');
      if (typeErrors.length > 0) {
        throw validationError(describeViolations(typeErrors), 'cannotParse', typeErrors.map((v) => ({ name: v.path, message: v.message })));
      }
      if (result.violations.length > 0) {
        throw validationError(describeViolations(result.violations), 'fieldValidationFailed',
          result.violations.map((v) => ({ name: v.path, message: v.message })));
      }
      if (!store.initialized && !WITHOUT_INITIALIZATION.has(op.name)) {
        throw uninitialized();
      }
      const handler = OPERATIONS[op.name];
      if (!handler) {
        throw new MgnApiError('NotImplementedException', `${op.name} is in the model but the MGN emulator does not implement it`);
      }
      const output = handler({ store, model }, ex.input as Wire);
      const checked = op.code === 204 ? undefined : this.checkOutput(op, output ?? {});
      if (decision.outcome === 'lost-response') {
        this.drop(ex);
        return;
      }
      this.sendRaw(ex, op.code, checked === undefined ? '' : JSON.stringify(checked), undefined);
    } catch (e) {
      this.fail(ex, e);
    }
  }

  /** Body members, then labels and query members over them (they are never body members in MGN). */
  private assembleInput(op: MgnOperationInfo, labels: Record<string, string>, query: URLSearchParams, body: string): Wire {
    let input: Wire = {};
    if (body.trim() !== '') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch (e) {
        throw validationError(`request body is not valid JSON: ${(e as Error).message}`, 'cannotParse');
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw validationError('request body must be a JSON object', 'cannotParse');
      }
      input = parsed as Wire;
    }
    const members = this.deps.model.shape(op.inputShape)?.members ?? {};
    for (const [name, member] of Object.entries(members)) {
      if (member.traits?.['smithy.api#httpLabel'] !== undefined && labels[name] !== undefined) {
        input[name] = labels[name];
      }
      const q = member.traits?.['smithy.api#httpQuery'];
      if (typeof q === 'string' && query.has(q)) {
        const type = scalarType(this.deps.model, member.target);
        const values = query.getAll(q);
        if (type === 'list') {
          input[name] = values;
        } else if (type === 'integer' || type === 'long') {
          input[name] = /^-?\d+$/.test(values[0]) ? Number(values[0]) : values[0];
        } else if (type === 'boolean') {
          input[name] = values[0] === 'true' ? true : values[0] === 'false' ? false : values[0];
        } else {
          input[name] = values[0];
        }
      }
    }
    return input;
  }

  private checkSigV4(req: http.IncomingMessage): void {
    if (!this.deps.requireSigV4) {
      return;
    }
    const auth = header(req, 'authorization') ?? '';
    const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(auth);
    if (!auth.startsWith('AWS4-HMAC-SHA256') || !scope || scope[1] !== 'mgn') {
      throw new MgnApiError('AccessDeniedException', `request is not signed with SigV4 for service mgn (${scope?.[1] ?? 'no scope'})`);
    }
  }

  /** Output must match the model exactly (no unknown members); a mismatch is an emulator bug. */
  private checkOutput(op: MgnOperationInfo, output: Wire): Wire {
    if (!this.deps.checkResponses) {
      return output;
    }
    const result = validate(this.deps.model, op.outputShape, output);
    const problems = [...result.violations.map((v) => v.message), ...result.unknownMembers.map((m) => `unknown member ${m}`)];
    if (problems.length > 0) {
      const text = `${op.name} output violates ${op.outputShape}: ${problems.join('; ')}`;
      this.deps.store.diagnostics.push(text);
      throw new MgnApiError('InternalServerException', `emulator bug: ${text}`);
    }
    return output;
  }

  private fail(ex: Exchange, e: unknown): void {
    let error: MgnApiError;
    if (e instanceof MgnApiError) {
      error = e;
    } else {
      const text = `${ex.operation} crashed: ${(e as Error).stack ?? String(e)}`;
      this.deps.store.diagnostics.push(text);
      error = new MgnApiError('InternalServerException', `emulator bug: ${text}`.slice(0, 4000));
    }
    this.deps.stats.recordError(error.code);
    const body: Wire = { message: error.message };
    for (const [k, v] of Object.entries(error.members)) {
      if (v !== undefined && v !== null) {
        body[k] = v;
      }
    }
    if (this.deps.checkResponses && this.deps.model.errorStatus(error.code) !== undefined) {
      const result = validate(this.deps.model, error.code, body);
      if (result.violations.length > 0 || result.unknownMembers.length > 0) {
        this.deps.store.diagnostics.push(`${error.code} body violates the model: ${JSON.stringify(result)}`);
      }
    }
    this.sendRaw(ex, errorStatus(this.deps.model, error.code), JSON.stringify(body), error.code, error.headers);
  }

  private sendRaw(ex: Exchange, status: number, text: string, errorType: string | undefined, extra: Record<string, string> = {}): void {
    if (ex.res.headersSent || ex.req.socket.destroyed) {
      this.record(ex, 'dropped', errorType);
      return;
    }
    const headers: http.OutgoingHttpHeaders = {
      'Content-Length': Buffer.byteLength(text),
      'x-amzn-requestid': ex.requestId,
      ...extra,
    };
    if (text !== '') {
      headers['Content-Type'] = 'application/json';
    }
    if (errorType) {
      headers['x-amzn-ErrorType'] = errorType;
    }
    ex.res.writeHead(status, headers);
    ex.res.end(text);
    this.record(ex, status, errorType);
  }

  private drop(ex: Exchange): void {
    ex.req.socket.destroy();
    this.record(ex, 'dropped');
  }

  private record(ex: Exchange, status: number | 'dropped', errorType?: string): void {
    const log = this.deps.log;
    log.push({
      requestId: ex.requestId, operation: ex.operation, method: ex.req.method ?? '', path: ex.req.url ?? '', input: ex.input, status,
      errorType, fault: ex.fault, unknownMembers: ex.unknownMembers,
    });
    const limit = this.deps.requestLogLimit ?? DEFAULT_REQUEST_LOG_LIMIT;
    if (log.length > limit) {
      log.splice(0, log.length - limit);
    }
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Reads a request body (at most 5 MiB). */
export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(validationError(`request body is larger than ${MAX_BODY} bytes`, 'other'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
