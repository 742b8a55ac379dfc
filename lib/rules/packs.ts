import { AssessConnectorOptions, AssessOptions, AssessVmOptions, RuleEngine } from '../assessment/engine';
import { RuleInfo } from '../assessment/rule-info';
import { IRulePack, Rule } from '../assessment/rule-pack';
import { ConnectorAssessment, PlanAssessment, VmAssessment } from '../assessment/types';
import { Connector, Plan, PlanTarget, Vm } from '../plan/model/plan';
import type * as SmsPack from './sms';
import type * as MgnPack from './mgn';

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The rule packs this library ships, one per plan target, in catalogue order. A new service adds its
 * pack here; the engine, the plan loader and the reports take it from this list (`RULE_PACKS` is the
 * same list, loaded).
 *
 * Each pack is loaded when something first needs it: loading, judging and reporting an SMS plan never
 * loads the MGN pack's hundred modules, nor the other way round. A rule id names its pack: every id of
 * a pack starts with its target's name and a dash (`SMS-NET1`, `MGN-OS1`), as each pack's catalogue checks.
 */
const PACKS: ReadonlyArray<LazyPack> = [
  lazyPack(PlanTarget.SMS, () => (require('./sms') as typeof SmsPack).SMS_RULE_PACK),
  lazyPack(PlanTarget.MGN, () => (require('./mgn') as typeof MgnPack).MGN_RULE_PACK),
];
/* eslint-enable @typescript-eslint/no-require-imports */

/** A shipped pack, its engine and its rules by id, made at the first use. */
interface LazyPack {
  readonly target: PlanTarget;
  /** The prefix of every id of the pack's rules: `SMS-`. */
  readonly idPrefix: string;
  loaded(): { readonly engine: RuleEngine; readonly rulesById: ReadonlyMap<string, Rule> };
}

function lazyPack(target: PlanTarget, load: () => IRulePack): LazyPack {
  let loaded: ReturnType<LazyPack['loaded']> | undefined;
  return {
    target,
    idPrefix: `${target.toUpperCase()}-`,
    loaded: () => {
      if (loaded === undefined) {
        const pack = load();
        loaded = { engine: new RuleEngine(pack), rulesById: new Map(pack.rules.map((rule) => [rule.id, rule] as const)) };
      }
      return loaded;
    },
  };
}

/** Every shipped pack, loaded, in catalogue order. */
export function shippedRulePacks(): IRulePack[] {
  return PACKS.map((pack) => pack.loaded().engine.pack);
}

/** The shipped packs of these targets, loaded, in catalogue order. */
export function shippedRulePacksFor(targets: ReadonlySet<PlanTarget>): IRulePack[] {
  return PACKS.filter((pack) => targets.has(pack.target)).map((pack) => pack.loaded().engine.pack);
}

/**
 * The pack that judges a plan of this target.
 *
 * @param target the plan's `target`; undefined means SMS, as in a plan file
 */
export function rulePackFor(target: PlanTarget | undefined): IRulePack {
  return engineFor(target).pack;
}

/** The engine of the pack that judges a plan of this target. */
function engineFor(target: PlanTarget | undefined): RuleEngine {
  const wanted = target ?? PlanTarget.SMS;
  const pack = PACKS.find((p) => p.target === wanted);
  if (pack === undefined) {
    throw new Error(`no rule pack judges plans of target "${String(target)}" (targets: ${PACKS.map((p) => p.target).join(', ')})`);
  }
  return pack.loaded().engine;
}

/** The shipped rule with this id (as written: upper case), from the one pack its prefix names. */
function shippedRule(id: string): Rule | undefined {
  const pack = PACKS.find((p) => id.startsWith(p.idPrefix));
  return pack?.loaded().rulesById.get(id);
}

/** The rule with this id (case-insensitive) in any pack, or undefined. */
export function findRule(id: string): Rule | undefined {
  return shippedRule(String(id).trim().toUpperCase());
}

/**
 * The catalogue entry of a rule as it judged in an assessment: the entry an organisation rule pack added
 * or changed (a raised severity, an unacknowledgeable error), else the library's. Reports describe a
 * finding's rule with it.
 *
 * @param assessment the assessment the rule judged in; without it, the library's rules only
 */
export function assessedRule(id: string, assessment?: PlanAssessment): RuleInfo | undefined {
  const wanted = String(id).trim().toUpperCase();
  return assessment?.organizationRules?.find((rule) => rule.id === wanted) ?? shippedRule(wanted);
}

/**
 * Every rule id of every pack: the ids an acknowledgement in a plan may name. Asking whether it holds
 * an id loads only the pack the id's prefix names; listing the ids loads every pack.
 */
export function knownRuleIds(): ReadonlySet<string> {
  return new KnownRuleIds();
}

/** The ids of every shipped rule, each pack's read when asked about one of its ids. */
class KnownRuleIds implements ReadonlySet<string> {
  private listed: ReadonlySet<string> | undefined;

  public has(id: string): boolean {
    return shippedRule(id) !== undefined;
  }

  public get size(): number {
    return this.all().size;
  }

  public forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    this.all().forEach((id) => callback.call(thisArg, id, id, this));
  }

  public entries(): SetIterator<[string, string]> {
    return this.all().entries();
  }

  public keys(): SetIterator<string> {
    return this.all().keys();
  }

  public values(): SetIterator<string> {
    return this.all().values();
  }

  public [Symbol.iterator](): SetIterator<string> {
    return this.all()[Symbol.iterator]();
  }

  /** Every id, listed once: loading every pack. */
  private all(): ReadonlySet<string> {
    this.listed ??= new Set(PACKS.flatMap((pack) => [...pack.loaded().rulesById.keys()]));
    return this.listed;
  }
}

/**
 * Assesses every VM and connector of a plan against every rule of the pack its target selects
 * (`options.target`, else the plan's `target`, else SMS). Pure: no I/O.
 */
export function assessPlan(plan: Plan, options: AssessOptions = {}): PlanAssessment {
  return engineFor(options.target ?? plan.target).assessPlan(plan, options);
}

/** Assesses one VM on its own, as the only VM of its plan, with the pack of `options.target` (default SMS). */
export function assessVm(vm: Vm, options: AssessVmOptions = {}): VmAssessment {
  return engineFor(options.target).assessVm(vm, options);
}

/** Assesses one connector on its own, with the pack of `options.target` (default SMS). */
export function assessConnector(connector: Connector, options: AssessConnectorOptions = {}): ConnectorAssessment {
  return engineFor(options.target).assessConnector(connector, options);
}
