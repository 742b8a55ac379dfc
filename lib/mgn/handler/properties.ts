import { HandlerError } from '../../handler-common/errors';
import { Props, RemovalPolicies, ReplicationMethods } from './api';

/**
 * Reading the properties the four resource types share the rules of: CloudFormation sends scalars as
 * strings and lists as lists of strings; an empty string counts as absent. Every problem of one set of
 * properties is reported at once, naming the property, the value received and what is allowed.
 */

/** Collects the problems of one set of properties. */
export class PropertyReader {
  public readonly problems: string[] = [];

  constructor(private readonly raw: Readonly<Record<string, unknown>>) {}

  /** A scalar as a string; undefined when absent or empty. */
  public text(key: string): string | undefined {
    const value = this.raw[key];
    if (value === undefined || value === null || value === '') {
      return undefined;
    }
    if (typeof value === 'string') {
      return value;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      return String(value);
    }
    this.problems.push(`${key} ${JSON.stringify(value)} is not allowed, use a single string value`);
    return undefined;
  }

  /** A scalar that must be there. */
  public required(key: string, what: string): string {
    const value = this.text(key);
    if (value === undefined) {
      this.problems.push(`${key} is missing, give ${what}`);
      return '';
    }
    return value;
  }

  /** A list of strings; [] when absent. */
  public list(key: string): string[] {
    const value = this.raw[key];
    if (value === undefined || value === null || value === '') {
      return [];
    }
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      return value.filter((v) => v !== '');
    }
    this.problems.push(`${key} ${JSON.stringify(value)} is not allowed, use a list of strings`);
    return [];
  }

  /** One of `allowed`, or `fallback` when absent. */
  public oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const value = this.text(key);
    if (value === undefined) {
      return fallback;
    }
    if ((allowed as readonly string[]).includes(value)) {
      return value as T;
    }
    this.problems.push(`${key} "${value}" is not allowed, use ${allowed.map((a) => `"${a}"`).join(' or ')}`);
    return fallback;
  }

  /** Throws one {@link HandlerError} listing every problem, if there is any. */
  public check(target: string): void {
    if (this.problems.length > 0) {
      throw new HandlerError(`invalid properties for ${target}: ${this.problems.join('; ')}`);
    }
  }
}

/** The display name: DisplayName, else the VM name or the wave name, else "unnamed". */
export function displayNameOf(raw: Readonly<Record<string, unknown>> | undefined): string {
  for (const key of [Props.DISPLAY_NAME, Props.VM_NAME, Props.WAVE_NAME, Props.KEY]) {
    const value = raw?.[key];
    if (typeof value === 'string' && value !== '') {
      return value;
    }
  }
  return 'unnamed';
}

/** Values of `Props.REPLICATION_METHOD`. */
export type ReplicationMethodValue = typeof ReplicationMethods[keyof typeof ReplicationMethods];

/** Values of `Props.REMOVAL_POLICY`. */
export type RemovalPolicyValue = typeof RemovalPolicies[keyof typeof RemovalPolicies];

/**
 * The removal policy for a Delete, read leniently: absent or unreadable means retain, because a Delete
 * must not fail, and must not destroy what it is unsure of.
 */
export function removalPolicyOf(raw: Readonly<Record<string, unknown>> | undefined): RemovalPolicyValue {
  return raw?.[Props.REMOVAL_POLICY] === RemovalPolicies.DESTROY ? RemovalPolicies.DESTROY : RemovalPolicies.RETAIN;
}

/** Names compared the way MGN compares application and wave names: case-insensitively. */
export function sameName(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** `items` cut into lists of at most `size` (MGN's association calls take 50 ids). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}
