import * as fs from 'fs';
import * as path from 'path';

/**
 * The MGN Smithy model (mgn-model.json), loaded at start and used for routing, validation, success codes
 * and error statuses.
 *
 * Like the SMS emulator's, the file is read from the shared reference folder next to the repository and is
 * never copied into the repository, so a missing file is a hard error.
 */

const NS = 'com.amazonaws.mgn#';

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
export interface MgnOperationInfo {
  readonly name: string;
  readonly method: string;
  /** URI template segments, e.g. `['tags', '{resourceArn}']`. */
  readonly segments: readonly string[];
  /** Success status (`smithy.api#http` code, 200 when absent). */
  readonly code: number;
  readonly inputShape: string;
  readonly outputShape: string;
  /** Short names of the errors the model lists. */
  readonly errors: readonly string[];
}

/** Where the model lives unless told otherwise: `<repo>/../shared/reference/mgn-model.json`. */
export function defaultMgnModelPath(): string {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  return path.join(repoRoot, '..', 'shared', 'reference', 'mgn-model.json');
}

const cache = new Map<string, MgnModel>();

/** The loaded model with lookups by short name and by route. */
export class MgnModel {
  /** Loads (once per path and process) and indexes the model. */
  public static load(modelPath: string = defaultMgnModelPath()): MgnModel {
    const resolved = path.resolve(modelPath);
    const hit = cache.get(resolved);
    if (hit) {
      return hit;
    }
    if (!fs.existsSync(resolved)) {
      throw new Error(`MGN emulator: the Smithy model was not found at ${resolved}; `
        + 'it is read from the shared reference folder (../shared/reference/mgn-model.json relative to the repository root) '
        + 'and is deliberately not copied into the repository. Restore that file or pass modelPath');
    }
    const ast = JSON.parse(fs.readFileSync(resolved, 'utf8')) as { shapes?: Record<string, Shape> };
    const model = new MgnModel(ast.shapes ?? {}, resolved);
    cache.set(resolved, model);
    return model;
  }

  private readonly operations = new Map<string, MgnOperationInfo>();

  private constructor(private readonly shapes: Record<string, Shape>, public readonly sourcePath: string) {
    const serviceId = Object.keys(shapes).find((id) => shapes[id].type === 'service');
    if (!serviceId || !shapes[serviceId].traits?.['aws.protocols#restJson1']) {
      throw new Error(`MGN emulator: ${sourcePath} holds no restJson1 service shape`);
    }
    // Operations hang off the service and off its resources: take every operation shape of the namespace.
    for (const [id, op] of Object.entries(shapes)) {
      if (op.type !== 'operation' || !id.startsWith(NS)) {
        continue;
      }
      const http = op.traits?.['smithy.api#http'] as { method: string; uri: string; code?: number } | undefined;
      if (!http) {
        continue;
      }
      const name = shortName(id);
      this.operations.set(name, {
        name,
        method: http.method,
        segments: http.uri.split('?')[0].split('/').filter((s) => s !== ''),
        code: http.code ?? 200,
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
  public operation(name: string): MgnOperationInfo | undefined {
    return this.operations.get(name);
  }

  /**
   * The operation served at `method` + path segments (already percent-decoded), with its label values.
   */
  public route(method: string, segments: readonly string[]): { op: MgnOperationInfo; labels: Record<string, string> } | undefined {
    for (const op of this.operations.values()) {
      if (op.method !== method || op.segments.length !== segments.length) {
        continue;
      }
      const labels: Record<string, string> = {};
      const ok = op.segments.every((t, i) => {
        if (t.startsWith('{') && t.endsWith('}')) {
          labels[t.slice(1, -1).replace(/\+$/, '')] = segments[i];
          return segments[i] !== '';
        }
        return t === segments[i];
      });
      if (ok) {
        return { op, labels };
      }
    }
    return undefined;
  }

  /** The shape with id `id` (full id, or a short name in the MGN namespace). */
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

  /** Wire values of an enum (Smithy 2 `enum` shape, or a string with the Smithy 1 `enum` trait), else undefined. */
  public enumValues(id: string): string[] | undefined {
    const shape = this.shape(id);
    if (!shape) {
      return undefined;
    }
    if (shape.type === 'enum') {
      return Object.entries(shape.members ?? {}).map(([key, m]) => {
        const value = m.traits?.['smithy.api#enumValue'];
        return typeof value === 'string' ? value : key;
      });
    }
    const trait = shape.traits?.['smithy.api#enum'] as Array<{ value: string }> | undefined;
    return trait?.map((e) => e.value);
  }
}

/** `com.amazonaws.mgn#Foo` → `Foo`. */
export function shortName(id: string): string {
  const i = id.indexOf('#');
  return i >= 0 ? id.slice(i + 1) : id;
}
