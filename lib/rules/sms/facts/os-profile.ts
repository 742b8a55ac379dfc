import { OsFacts } from '../../../plan/model/plan';
import { PlanFacts, RuleResult, VmCheck, VmContext } from '../../../assessment/rule';

/**
 * The results of the OS-only rules, shared by every VM of a plan whose OS facts are the same.
 *
 * Plans hold thousands of VMs but a handful of OSes (`windows-server 2012 R2 standard`, `rhel 7.3`):
 * a rule that reads nothing but `vm.os` gives each of those VMs the same result, so it runs once per
 * distinct OS and the VMs share its (frozen) result, message included; the engine then shares the
 * finding too. Not a rule, and not exported from the section's barrel.
 */

/** Every field of `OsFacts`: two OS facts with the same values here are the same to every rule. */
const OS_FIELDS: readonly (keyof OsFacts)[] = [
  'family', 'name', 'version', 'edition', 'installation', 'servicePack', 'architecture', 'kernel', 'customKernel', 'language',
  'bootloader',
];

/**
 * True for a value that OS facts may share on: a string, number, boolean, null or undefined (a plan
 * built in code may hold anything: such a VM shares nothing). Map keys compare by SameValueZero, which
 * keeps types apart (`installation` undefined is unknown, null is not) but takes -0 for 0: -0 prints as 0,
 * but rather than reason about which rule might tell them apart, it is not shared either.
 */
function isShareable(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return true;
    case 'number':
      return !Object.is(value, -0);
    default:
      return value === null;
  }
}

/** The results of OS-only rules for one distinct OS, by check (and by variant for rules with one). */
export class OsProfile {
  private readonly results = new Map<VmCheck, RuleResult | Map<string, RuleResult>>();

  /** The check's result for this OS, judged on the first VM that asks and frozen, since every VM of the OS shares it. */
  judge(check: VmCheck, ctx: VmContext): RuleResult {
    let result = this.results.get(check) as RuleResult | undefined;
    if (result === undefined) {
      result = Object.freeze(check(ctx));
      this.results.set(check, result);
    }
    return result;
  }

  /** As judge(), for a check whose result also depends on `variant`, a text made of the other facts it reads. */
  judgeVariant(check: VmCheck, variant: string, ctx: VmContext): RuleResult {
    let byVariant = this.results.get(check) as Map<string, RuleResult> | undefined;
    if (byVariant === undefined) {
      byVariant = new Map();
      this.results.set(check, byVariant);
    }
    let result = byVariant.get(variant);
    if (result === undefined) {
      result = Object.freeze(check(ctx));
      byVariant.set(variant, result);
    }
    return result;
  }
}

/**
 * The OS profiles of one assessment pass, one per distinct OS facts: a tree of maps, one level per
 * field of `OsFacts`, so finding a VM's profile costs a lookup per field and no allocation.
 */
export class OsProfiles {
  private readonly tree = new Map<unknown, unknown>();
  private readonly withoutOs = new Map<unknown, OsProfile>();

  /** The profile of these OS facts: the one already made for equal facts, else a new one. */
  of(os: OsFacts | undefined): OsProfile {
    if (os === undefined || os === null) {
      return this.leaf(this.withoutOs, os);
    }
    if (typeof os !== 'object' || Array.isArray(os)) {
      return new OsProfile();
    }
    let node = this.tree;
    const last = OS_FIELDS.length - 1;
    for (let i = 0; i < last; i++) {
      const value: unknown = os[OS_FIELDS[i]];
      if (!isShareable(value)) {
        return new OsProfile();
      }
      let next = node.get(value) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        node.set(value, next);
      }
      node = next;
    }
    const value: unknown = os[OS_FIELDS[last]];
    return isShareable(value) ? this.leaf(node as Map<unknown, OsProfile>, value) : new OsProfile();
  }

  private leaf(node: Map<unknown, OsProfile>, value: unknown): OsProfile {
    let profile = node.get(value);
    if (profile === undefined) {
      profile = new OsProfile();
      node.set(value, profile);
    }
    return profile;
  }
}

/** The plan-wide facts of an SMS assessment pass: the OS profiles its VMs share. */
export interface SmsPlanFacts extends PlanFacts {
  /** @default - none: every VM judges its OS-only rules itself */
  readonly osProfiles?: OsProfiles;
}

/** The context the SMS pack gives its VM rules: the VM's OS profile besides the usual facts. */
export interface SmsVmContext extends VmContext {
  /** @default - none (a context built by hand): the OS-only rules run as plain checks */
  readonly osProfile?: OsProfile;
}

/**
 * Declares a check as OS-only: it reads `vm.os` and nothing else, so VMs with equal OS facts share its
 * result. Given a context without a profile (a test's, a rule judged on its own) it runs the check as is.
 *
 * Only for checks that read nothing but `vm.os`: one that read a disk or a setting would hand one VM's
 * result to another.
 */
export function sharedByOs(check: VmCheck): VmCheck {
  return (ctx) => {
    const profile = (ctx as SmsVmContext).osProfile;
    return profile === undefined ? check(ctx) : profile.judge(check, ctx);
  };
}

/**
 * Declares a check whose result depends on `vm.os` and on the few other facts `variant` writes into a
 * text (the license asked for and the one resolved, say): VMs with equal OS facts and an equal variant
 * share its result. `variant` returns undefined when those facts cannot be written so (not strings): the
 * check then runs as is. The same warning as {@link sharedByOs}: `variant` must cover every other fact the
 * check reads.
 */
export function sharedByOsAnd(check: VmCheck, variant: (ctx: VmContext) => string | undefined): VmCheck {
  return (ctx) => {
    const profile = (ctx as SmsVmContext).osProfile;
    const key = profile === undefined ? undefined : variant(ctx);
    return key === undefined ? check(ctx) : profile!.judgeVariant(check, key, ctx);
  };
}
