import { Acknowledgement, PlanAcknowledgement } from '../plan/model/plan';
import { AcknowledgementOrigin, AcknowledgementScope, GivenAcknowledgement, NotCarriedAcknowledgement, UnusedAcknowledgement } from './types';

/** An acknowledgement the engine tracks: where it was written and whether it matched anything. */
interface TrackedAcknowledgement {
  readonly rule: string;
  readonly reason: string;
  readonly scope: AcknowledgementScope;
  readonly vm?: string;
  readonly patterns?: readonly RegExp[];
  readonly globs?: readonly string[];
  readonly origin: AcknowledgementOrigin;
  readonly at?: string;
  /** What a match returns: one object per acknowledgement, shared by every finding it covers. */
  readonly matched: MatchedAcknowledgement;
  used: boolean;
}

/** The acknowledgement that covers a finding. */
export interface MatchedAcknowledgement {
  readonly reason: string;
  readonly scope: AcknowledgementScope;
  /** The other pack's rule it names, when it counts through the pack's carry table. @default - its own rule */
  readonly via?: string;
}

/** Which acknowledgements a pack reads as its own and which it carries over from another pack. */
export interface AcknowledgementRules {
  /** The pack's rule-id prefix, with its hyphen: `SMS-`. An acknowledgement of another prefix is foreign. */
  readonly prefix: string;
  /** For a rule of the pack, the foreign rule ids whose acknowledgement covers it. @default - none */
  readonly carried?: ReadonlyMap<string, readonly string[]>;
}

/** Turns a name glob (`*`, `?`) into an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

/**
 * Matches findings to acknowledgements and remembers which acknowledgements were used.
 *
 * A VM's own acknowledgement wins over a plan-wide one for the same rule. A plan-wide
 * acknowledgement covers every VM and connector, or those whose names match its `vms` globs.
 */
export class AcknowledgementBook {
  private readonly planWide: TrackedAcknowledgement[];
  /** The plan-wide acknowledgements by rule, in list order: every finding looks its rule up here. */
  private readonly planWideByRule = new Map<string, TrackedAcknowledgement[]>();
  private readonly byVm = new Map<string, TrackedAcknowledgement[]>();
  /** Foreign rule ids that some rule of the pack carries. */
  private readonly carriable: ReadonlySet<string>;
  private readonly notCarriedList: NotCarriedAcknowledgement[] = [];

  /**
   * @param planAcknowledgements the plan's top-level list
   * @param given acknowledgements given in code or with CDK's API, after the plan's
   * @param rules the pack's prefix and carry table; without it every acknowledgement is the pack's own
   */
  constructor(
    planAcknowledgements: readonly PlanAcknowledgement[] | undefined, given: readonly GivenAcknowledgement[] = [],
    private readonly rules?: AcknowledgementRules,
  ) {
    this.carriable = new Set([...(rules?.carried?.values() ?? [])].flat());
    const planWide = (ack: PlanAcknowledgement | GivenAcknowledgement, origin: AcknowledgementOrigin, at?: string): TrackedAcknowledgement => ({
      rule: normalizeRuleId(ack.rule),
      reason: ack.reason,
      scope: AcknowledgementScope.PLAN,
      globs: ack.vms,
      patterns: ack.vms?.map(globToRegExp),
      origin,
      at,
      matched: { reason: ack.reason, scope: AcknowledgementScope.PLAN },
      used: false,
    });
    this.planWide = [
      ...(planAcknowledgements ?? []).map((ack) => planWide(ack, AcknowledgementOrigin.PLAN)),
      ...given.map((ack) => planWide(ack, ack.origin, ack.at)),
    ].filter((ack) => this.keeps(ack));
    for (const ack of this.planWide) {
      const same = this.planWideByRule.get(ack.rule);
      if (same) {
        same.push(ack);
      } else {
        this.planWideByRule.set(ack.rule, [ack]);
      }
    }
  }

  /** Registers a VM's own acknowledgements. */
  addVm(vmName: string, acknowledgements: readonly Acknowledgement[] | undefined): void {
    if (!acknowledgements || acknowledgements.length === 0) {
      return;
    }
    const kept = acknowledgements.map((ack): TrackedAcknowledgement => ({
      rule: normalizeRuleId(ack.rule),
      reason: ack.reason,
      scope: AcknowledgementScope.VM,
      vm: vmName,
      origin: AcknowledgementOrigin.PLAN,
      matched: { reason: ack.reason, scope: AcknowledgementScope.VM },
      used: false,
    })).filter((ack) => this.keeps(ack));
    if (kept.length > 0) {
      this.byVm.set(vmName, kept);
    }
  }

  /** The acknowledgement covering `rule` for the VM or connector `subject`, marking it used. */
  match(rule: string, subject: string): MatchedAcknowledgement | undefined {
    const chosen = this.find(rule, subject);
    if (chosen !== undefined) {
      chosen.used = true;
      return chosen.matched;
    }
    // An acknowledgement of another pack's rule that the carry table lets count for this one.
    for (const via of this.rules?.carried?.get(rule) ?? []) {
      const carried = this.find(via, subject);
      if (carried !== undefined) {
        carried.used = true;
        return { ...carried.matched, via };
      }
    }
    return undefined;
  }

  /** Acknowledgements of another pack's rules that no rule of this pack carries: never applied, always listed. */
  notCarried(): NotCarriedAcknowledgement[] {
    return [...this.notCarriedList];
  }

  private find(rule: string, subject: string): TrackedAcknowledgement | undefined {
    const own = this.byVm.size > 0 ? this.byVm.get(subject)?.find((ack) => ack.rule === rule) : undefined;
    return own ?? this.planWideByRule.get(rule)?.find((ack) => !ack.patterns || ack.patterns.some((p) => p.test(subject)));
  }

  /** Whether the book tracks an acknowledgement; a foreign one that nothing carries goes to the not-carried list. */
  private keeps(ack: TrackedAcknowledgement): boolean {
    if (this.rules === undefined || ack.rule.startsWith(this.rules.prefix) || this.carriable.has(ack.rule)) {
      return true;
    }
    this.notCarriedList.push({ rule: ack.rule, reason: ack.reason, ...(ack.vm !== undefined ? { vm: ack.vm } : {}) });
    return false;
  }

  /** Every acknowledgement that matched no finding. */
  unused(): UnusedAcknowledgement[] {
    const all = [...this.planWide, ...[...this.byVm.values()].flat()];
    return all.filter((ack) => !ack.used).map((ack) => ({
      rule: ack.rule,
      reason: ack.reason,
      scope: ack.scope,
      ...(ack.vm !== undefined ? { vm: ack.vm } : {}),
      ...(ack.globs !== undefined ? { vms: [...ack.globs] } : {}),
      // The plan is the usual place: only the others say where they were given.
      ...(ack.origin !== AcknowledgementOrigin.PLAN ? { origin: ack.origin } : {}),
      ...(ack.at !== undefined ? { at: ack.at } : {}),
    }));
  }
}

function normalizeRuleId(id: string): string {
  return String(id).trim().toUpperCase();
}
