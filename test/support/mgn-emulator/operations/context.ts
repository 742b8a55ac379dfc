import { conflict, notFound } from '../errors';
import { MgnModel } from '../model';
import { GroupRecord, MgnStore, ServerRecord, Wire } from '../state';

/** What an operation works on. */
export interface OpContext {
  readonly store: MgnStore;
  readonly model: MgnModel;
}

/** One operation: input (validated) → output body, or undefined for an empty body. */
export type OperationHandler = (ctx: OpContext, input: Wire) => Wire | undefined;

/** Drops `undefined` members recursively (the emulator never emits null). */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((v) => compact(v)) as T;
  }
  if (value && typeof value === 'object') {
    const out: Wire = {};
    for (const [k, v] of Object.entries(value as Wire)) {
      if (v !== undefined && v !== null) {
        out[k] = compact(v);
      }
    }
    return out as T;
  }
  return value;
}

/** Copies the members of `input` named in `keys` that are present. */
export function pick(input: Wire, keys: readonly string[]): Wire {
  const out: Wire = {};
  for (const k of keys) {
    if (input[k] !== undefined) {
      out[k] = input[k];
    }
  }
  return out;
}

/** A deep copy of JSON data. */
export function clone<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value)) as T;
}

/** The server, or 404. */
export function requireServer(ctx: OpContext, id: unknown): ServerRecord {
  const s = ctx.store.servers.get(String(id));
  if (!s) {
    throw notFound('SOURCE_SERVER', String(id));
  }
  return s;
}

/** The application, or 404. */
export function requireApp(ctx: OpContext, id: unknown): GroupRecord {
  const a = ctx.store.applications.get(String(id));
  if (!a) {
    throw notFound('APPLICATION', String(id));
  }
  return a;
}

/** The wave, or 404. */
export function requireWave(ctx: OpContext, id: unknown): GroupRecord {
  const w = ctx.store.waves.get(String(id));
  if (!w) {
    throw notFound('WAVE', String(id));
  }
  return w;
}

/** 409 unless the server is in one of `states` (and, unless `archivedOk`, not archived). */
export function requireState(s: ServerRecord, operation: string, states: readonly string[], archivedOk = false): void {
  if (s.isArchived && !archivedOk) {
    throw conflict(`${operation} is not allowed for archived source server ${s.id}`, 'SOURCE_SERVER', s.id);
  }
  if (!states.includes(s.state)) {
    throw conflict(`${operation} is not allowed for source server ${s.id} in state ${s.state}, allowed: ${states.join(', ')}`,
      'SOURCE_SERVER', s.id);
  }
}

/**
 * Eventual consistency: a record created with `hiddenReads` > 0 is left out of that many List/Describe calls.
 * Returns whether the record is visible to this call (and counts the call when it is not).
 */
export function visible(rec: { hiddenReads: number }): boolean {
  if (rec.hiddenReads > 0) {
    rec.hiddenReads -= 1;
    return false;
  }
  return true;
}

/** Filters on optional id lists and flags: an absent or empty list matches everything. */
export function inList(list: unknown, value: string | undefined): boolean {
  return !Array.isArray(list) || list.length === 0 || (value !== undefined && list.includes(value));
}
