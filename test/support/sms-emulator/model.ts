import * as fs from 'fs';
import * as path from 'path';

/**
 * The SMS Smithy model (sms-model.json), loaded at start and used for routing, validation and error codes.
 *
 * The file is read from the shared reference folder next to the repository; it is never copied into the
 * repository, so a missing file is a hard error.
 */

/** Namespace prefix of every shape id. */
const NS = 'com.amazonaws.sms#';

/** One member of a structure (or the member of a list). */
export interface MemberRef {
  readonly target: string;
  readonly traits?: Record<string, unknown>;
}

/** A Smithy shape as found in the JSON AST. */
export interface Shape {
  readonly type: string;
  readonly members?: Record<string, MemberRef>;
  readonly member?: MemberRef;
  readonly key?: MemberRef;
  readonly value?: MemberRef;
  readonly traits?: Record<string, unknown>;
  readonly input?: { readonly target: string };
  readonly output?: { readonly target: string };
  readonly errors?: ReadonlyArray<{ readonly target: string }>;
}

/** An operation, reduced to what the emulator needs. */
export interface OperationInfo {
  readonly name: string;
  readonly inputShape: string;
  readonly outputShape: string;
  /** Short names of the errors the model lists. */
  readonly errors: readonly string[];
}

/** Where the model lives unless told otherwise: `<repo>/../shared/reference/sms-model.json`. */
export function defaultModelPath(): string {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  return path.join(repoRoot, '..', 'shared', 'reference', 'sms-model.json');
}

const cache = new Map<string, SmsModel>();

/** The loaded model with lookups by short name. */
export class SmsModel {
  /** Loads (once per path and process) and indexes the model. */
  public static load(modelPath: string = defaultModelPath()): SmsModel {
    const resolved = path.resolve(modelPath);
    const hit = cache.get(resolved);
    if (hit) {
      return hit;
    }
    if (!fs.existsSync(resolved)) {
      throw new Error(`SMS emulator: the Smithy model was not found at ${resolved}; `
        + 'it is read from the shared reference folder (../shared/reference/sms-model.json relative to the repository root) '
        + 'and is deliberately not copied into the repository. Restore that file or pass modelPath');
    }
    let ast: { shapes?: Record<string, Shape> };
    try {
      ast = JSON.parse(fs.readFileSync(resolved, 'utf8')) as { shapes?: Record<string, Shape> };
    } catch (e) {
      throw new Error(`SMS emulator: ${resolved} is not valid JSON: ${(e as Error).message}`);
    }
    const model = new SmsModel(ast.shapes ?? {}, resolved);
    cache.set(resolved, model);
    return model;
  }

  /** `X-Amz-Target` prefix, the service shape's name, e.g. `AWSServerMigrationService_V2016_10_24`. */
  public readonly targetPrefix: string;
  private readonly operations = new Map<string, OperationInfo>();

  private constructor(private readonly shapes: Record<string, Shape>, public readonly sourcePath: string) {
    const serviceId = Object.keys(shapes).find((id) => shapes[id].type === 'service');
    if (!serviceId) {
      throw new Error(`SMS emulator: ${sourcePath} holds no service shape`);
    }
    if (!shapes[serviceId].traits?.['aws.protocols#awsJson1_1']) {
      throw new Error(`SMS emulator: ${serviceId} does not use awsJson1_1`);
    }
    this.targetPrefix = shortName(serviceId);
    for (const ref of (shapes[serviceId] as Shape & { operations?: Array<{ target: string }> }).operations ?? []) {
      const op = shapes[ref.target];
      const name = shortName(ref.target);
      this.operations.set(name, {
        name,
        inputShape: op.input?.target ?? 'smithy.api#Unit',
        outputShape: op.output?.target ?? 'smithy.api#Unit',
        errors: (op.errors ?? []).map((e) => shortName(e.target)),
      });
    }
  }

  /** Every operation name the service defines. */
  public get operationNames(): string[] {
    return [...this.operations.keys()];
  }

  /** The operation called `name`, if the service has it. */
  public operation(name: string): OperationInfo | undefined {
    return this.operations.get(name);
  }

  /** The shape with id `id` (full id, or a short name in the SMS namespace). */
  public shape(id: string): Shape | undefined {
    return this.shapes[id] ?? this.shapes[NS + id];
  }

  /** The HTTP status the model gives an error shape, or undefined if `name` is not a modelled error. */
  public errorStatus(name: string): number | undefined {
    const shape = this.shape(name);
    if (!shape?.traits?.['smithy.api#error']) {
      return undefined;
    }
    const status = shape.traits['smithy.api#httpError'];
    if (typeof status === 'number') {
      return status;
    }
    return shape.traits['smithy.api#error'] === 'server' ? 500 : 400;
  }

  /** Wire values of an enum shape. */
  public enumValues(id: string): string[] {
    const shape = this.shape(id);
    return Object.entries(shape?.members ?? {}).map(([key, m]) => {
      const value = m.traits?.['smithy.api#enumValue'];
      return typeof value === 'string' ? value : key;
    });
  }
}

/** `com.amazonaws.sms#Foo` → `Foo`. */
export function shortName(id: string): string {
  const i = id.indexOf('#');
  return i >= 0 ? id.slice(i + 1) : id;
}
