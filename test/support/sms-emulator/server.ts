import * as http from 'http';
import { Socket } from 'net';
import { EmulatorClock } from './clock';
import { SmsApiError, errorStatus } from './errors';
import { FaultInjector, FaultKind, OutcomeKind } from './faults';
import { tick } from './lifecycle';
import { SmsModel } from './model';
import { OPERATIONS } from './operations';
import { EmulatorStore } from './state';
import { EmulatorStats } from './stats';
import { describeViolations, validate } from './validator';
import { Wire } from './views';

/**
 * The HTTP side: awsJson1_1 on 127.0.0.1. `POST /` with `X-Amz-Target: <service>.<Operation>` and
 * `Content-Type: application/x-amz-json-1.1`; answers are JSON with `x-amzn-RequestId`, and errors carry
 * `{ "__type", "message" }` plus the `x-amzn-ErrorType` header.
 *
 * Order per request: route → count → SigV4 presence → faults (latency, drop, throttle, 5xx) → JSON parse →
 * model validation → tick → operation → output check → answer (or drop it, for lost-response).
 */

const JSON_11 = 'application/x-amz-json-1.1';
const MAX_BODY = 5 * 1024 * 1024;
const MAX_LOG = 10_000;

/** One request as the emulator saw it. */
export interface RequestLogEntry {
  readonly requestId: string;
  readonly operation: string;
  readonly input?: unknown;
  /** HTTP status, or 'dropped' when the socket was destroyed. */
  readonly status: number | 'dropped';
  readonly errorType?: string;
  readonly fault?: FaultKind;
  /** Input members the model does not define (AWS ignores them; a typo in the handler shows up here). */
  readonly unknownMembers: readonly string[];
}

/** What the HTTP server works on. */
export interface ServerDeps {
  readonly model: SmsModel;
  readonly store: EmulatorStore;
  readonly faults: FaultInjector;
  readonly stats: EmulatorStats;
  readonly clock: EmulatorClock;
  readonly log: RequestLogEntry[];
  readonly requireSigV4: boolean;
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

/** The listening HTTP server. */
export class SmsHttpServer {
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: ServerDeps) {
    this.server = http.createServer((req, res) => {
      void this.handle(req, res);
    });
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

  /** Stops listening and destroys open sockets, including keep-alive ones. */
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

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { store, stats, model } = this.deps;
    const ex: Exchange = { req, res, requestId: store.ids.requestId(), operation: '<none>', unknownMembers: [] };
    try {
      const body = await readBody(req);
      if (req.method !== 'POST' || (req.url ?? '/').split('?')[0] !== '/') {
        throw new SmsApiError('UnknownOperationException', `${req.method} ${req.url} is not an SMS API request, use POST /`);
      }
      const target = header(req, 'x-amz-target') ?? '';
      const [prefix, opName] = target.split('.', 2);
      ex.operation = opName || target || '<none>';
      stats.recordCall(ex.operation);
      const op = prefix === model.targetPrefix && opName ? model.operation(opName) : undefined;
      if (!op) {
        throw new SmsApiError('UnknownOperationException', `unknown operation ${target || '(no X-Amz-Target header)'}`);
      }
      this.checkSigV4(req);
      const decision = this.deps.faults.decide(op.name);
      if (decision.latencyMs > 0) {
        ex.fault = 'latency';
        stats.recordFault(op.name, 'latency');
        await this.sleep(decision.latencyMs);
      }
      if (decision.outcome) {
        ex.fault = decision.outcome;
        stats.recordFault(op.name, decision.outcome);
      }
      if (decision.outcome === 'drop') {
        this.drop(ex);
        return;
      }
      if (decision.outcome && decision.outcome !== 'lost-response') {
        throw injectedError(decision.outcome, op.errors);
      }
      if (!(header(req, 'content-type') ?? '').startsWith(JSON_11)) {
        throw new SmsApiError('SerializationException', `Content-Type must be ${JSON_11}`);
      }
      ex.input = parseJson(body);
      const result = validate(model, op.inputShape, ex.input);
      ex.unknownMembers = result.unknownMembers;
      const missing = result.violations.filter((v) => v.kind === 'missing');
      if (missing.length > 0) {
        throw new SmsApiError('MissingRequiredParameterException', describeViolations(missing));
      }
      if (result.violations.length > 0) {
        throw new SmsApiError('InvalidParameterException', describeViolations(result.violations));
      }
      const handler = OPERATIONS[op.name];
      if (!handler) {
        throw new SmsApiError('NotImplementedException', `${op.name} is in the model but the emulator does not implement it`);
      }
      const now = this.deps.clock.now();
      tick(store, now);
      const output = this.checkOutput(op.name, op.outputShape, handler({ store, now }, ex.input as Wire));
      if (decision.outcome === 'lost-response') {
        this.drop(ex);
        return;
      }
      this.send(ex, 200, output);
    } catch (e) {
      this.fail(ex, e);
    }
  }

  private checkSigV4(req: http.IncomingMessage): void {
    if (!this.deps.requireSigV4) {
      return;
    }
    const auth = header(req, 'authorization');
    if (!auth) {
      throw new SmsApiError('MissingAuthenticationTokenException', 'Missing Authentication Token');
    }
    const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(auth);
    if (!auth.startsWith('AWS4-HMAC-SHA256') || !scope) {
      throw new SmsApiError('IncompleteSignatureException', 'Authorization header is not a SigV4 signature');
    }
    if (scope[1] !== 'sms') {
      throw new SmsApiError('IncompleteSignatureException', `Credential should be scoped to correct service: 'sms', not '${scope[1]}'`);
    }
  }

  /** Output must match the model exactly (no unknown members); a mismatch is an emulator bug. */
  private checkOutput(operation: string, shapeId: string, output: Wire): Wire {
    const result = validate(this.deps.model, shapeId, output);
    const problems = [...result.violations.map((v) => v.message), ...result.unknownMembers.map((m) => `unknown member ${m}`)];
    if (problems.length > 0) {
      const text = `${operation} output violates ${shapeId}: ${problems.join('; ')}`;
      this.deps.store.diagnostics.push(text);
      throw new SmsApiError('InternalError', `emulator bug: ${text}`);
    }
    return output;
  }

  private fail(ex: Exchange, e: unknown): void {
    let error: SmsApiError;
    if (e instanceof SmsApiError) {
      error = e;
    } else {
      const text = `${ex.operation} crashed: ${(e as Error).stack ?? String(e)}`;
      this.deps.store.diagnostics.push(text);
      error = new SmsApiError('InternalError', `emulator bug: ${text}`);
    }
    this.deps.stats.recordError(error.code);
    const status = errorStatus(this.deps.model, error.code);
    this.send(ex, status, { __type: error.code, message: error.message }, error.code);
  }

  private send(ex: Exchange, status: number, body: Wire, errorType?: string): void {
    if (ex.res.headersSent || ex.req.socket.destroyed) {
      this.record(ex, 'dropped', errorType);
      return;
    }
    const text = JSON.stringify(body);
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': JSON_11,
      'Content-Length': Buffer.byteLength(text),
      'x-amzn-RequestId': ex.requestId,
    };
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
      requestId: ex.requestId, operation: ex.operation, input: ex.input, status, errorType, fault: ex.fault,
      unknownMembers: ex.unknownMembers,
    });
    if (log.length > MAX_LOG) {
      log.splice(0, log.length - MAX_LOG);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }
}

function injectedError(kind: OutcomeKind, modelErrors: readonly string[]): SmsApiError {
  switch (kind) {
    case 'throttle':
      return new SmsApiError('ThrottlingException', 'Rate exceeded');
    case 'internal':
      return new SmsApiError('InternalError', 'An internal error occurred (injected)');
    default:
      return modelErrors.includes('TemporarilyUnavailableException')
        ? new SmsApiError('TemporarilyUnavailableException', 'The service is temporarily unavailable (injected)')
        : new SmsApiError('ServiceUnavailableException', 'Service unavailable (injected)');
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseJson(body: string): unknown {
  if (body.trim() === '') {
    return {};
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    throw new SmsApiError('SerializationException', `request body is not valid JSON: ${(e as Error).message}`);
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new SmsApiError('SerializationException', `request body is larger than ${MAX_BODY} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
