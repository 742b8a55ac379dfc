import { IConstruct } from 'constructs';
import { AcknowledgementOrigin, GivenAcknowledgement } from '../assessment/types';
import { SmsMigrationError } from '../errors';
import { findRule } from '../rules/packs';
import { CdkAcknowledgement, cdkAcknowledgementsAbove, cdkAcknowledgementsOn, ruleOfAcknowledgementId } from './cdk-acknowledgements';

/**
 * The one way in for acknowledgements given to constructs. Whatever way they are given (in code with
 * `acknowledge()` / `acknowledgeIn()`, or with CDK's `Validations.of(scope).acknowledge()`), they
 * become `GivenAcknowledgement`s that the engine applies after the plan's own, and that reports name
 * by where they were given when they match nothing.
 */

/**
 * The rule id an acknowledgement names, in any of its spellings: `SMS-NET1` (a plan, code), or the
 * ids CDK uses for this library's findings, `cdk-sms-migration::SMS-NET1` (a validation plugin's
 * rule) and `cdk-sms-migration:SMS-NET1` (a warning annotation).
 */
export function ruleIdOf(id: string): string {
  const text = String(id ?? '').trim();
  return (ruleOfAcknowledgementId(text) ?? text).toUpperCase();
}

/** An acknowledgement given in code, kept until the assessment. */
interface CodeAcknowledgement {
  readonly rule: string;
  readonly reason: string;
  readonly vms?: readonly string[];
  /** For `acknowledgeIn`: the VMs whose jobs are below this construct. */
  readonly scope?: IConstruct;
}

/** The acknowledgements an assessed construct collects in code, checked as they are given. */
export class CodeAcknowledgements {
  private readonly given: CodeAcknowledgement[] = [];

  /**
   * @param owner the construct they are given to: errors name it
   * @param organizationRuleIds the ids of the organisation rule packs' rules, known besides the library's
   */
  constructor(private readonly owner: IConstruct, private readonly organizationRuleIds: readonly string[] = []) {}

  /** For the whole plan, or for the VMs and connectors whose names match `vms`. */
  public acknowledge(rule: string, reason: string, vms?: readonly string[]): void {
    this.given.push({ rule: this.check(rule, reason), reason, ...(vms ? { vms: [...vms] } : {}) });
  }

  /** For every VM whose job is under `scope`. */
  public acknowledgeIn(scope: IConstruct, rule: string, reason: string): void {
    this.given.push({ rule: this.check(rule, reason), reason, scope });
  }

  /** What was given, with the VMs of `acknowledgeIn` resolved against the jobs. */
  public resolve(jobs: ReadonlyMap<string, IConstruct>): GivenAcknowledgement[] {
    return this.given.map((ack) => ({
      rule: ack.rule,
      reason: ack.reason,
      origin: AcknowledgementOrigin.CODE,
      at: (ack.scope ?? this.owner).node.path,
      ...(ack.scope !== undefined ? { vms: vmsBelow(ack.scope, jobs) } : ack.vms !== undefined ? { vms: [...ack.vms] } : {}),
    }));
  }

  private check(rule: string, reason: string): string {
    const id = ruleIdOf(rule);
    if (!findRule(id) && !this.organizationRuleIds.includes(id)) {
      throw new SmsMigrationError('cdk-sms-migration:UnknownRule', `${rule} is not a rule id: \`cdk-sms rules\` lists them`, this.owner);
    }
    if (String(reason ?? '').trim() === '') {
      throw new SmsMigrationError('cdk-sms-migration:AcknowledgementWithoutReason',
        `acknowledging ${id} needs a reason, which every report keeps`, this.owner);
    }
    return id;
  }
}

/** What CDK's acknowledgements give an assessed construct. */
export interface CdkAcknowledgements {
  /** Those of this library's rules, as acknowledgements of the plan. */
  readonly acknowledgements: GivenAcknowledgement[];
  /** Ids in this library's namespace that name no rule: each fails synthesis. */
  readonly unknownIds: string[];
}

/**
 * The acknowledgements recorded with `Validations.of(scope).acknowledge()` for an assessed construct's
 * VMs: on the construct or above it, for every VM; on a construct between it and a VM's job (a wave
 * stack, the job), for the VMs whose jobs are below.
 */
export function cdkAcknowledgements(
  owner: IConstruct, jobs: ReadonlyMap<string, IConstruct>, organizationRuleIds: readonly string[] = [],
): CdkAcknowledgements {
  const isRule = (id: string): boolean => findRule(id) !== undefined || organizationRuleIds.includes(ruleIdOf(id));
  const above = cdkAcknowledgementsAbove(owner);
  const below = new Map<string, { ack: CdkAcknowledgement; vms: string[] }>();
  for (const [vmName, job] of jobs) {
    const scopes = job.node.scopes;
    // A job the owner is under (a standalone job's assessment) has nothing below the owner.
    const between = scopes.includes(owner) ? scopes.slice(scopes.indexOf(owner) + 1) : [];
    for (const ack of between.flatMap(cdkAcknowledgementsOn)) {
      const key = `${ack.rule}\u0000${ack.reason}\u0000${ack.scope.node.path}`;
      const entry = below.get(key) ?? { ack, vms: [] };
      entry.vms.push(escapeGlob(vmName));
      below.set(key, entry);
    }
  }
  const all = [...above.map((ack) => ({ ack, vms: undefined as string[] | undefined })), ...below.values()];
  const known = all.filter(({ ack }) => isRule(ack.rule));
  return {
    acknowledgements: known.map(({ ack, vms }) => ({
      rule: ruleIdOf(ack.rule),
      reason: ack.reason,
      origin: AcknowledgementOrigin.CDK,
      at: ack.scope.node.path,
      ...(vms !== undefined ? { vms } : {}),
    })),
    unknownIds: [...new Set(all.filter(({ ack }) => !isRule(ack.rule)).map(({ ack }) => ack.rule))],
  };
}

/** The names, as globs matching only themselves, of the VMs whose jobs are `scope` or below it. */
function vmsBelow(scope: IConstruct, jobs: ReadonlyMap<string, IConstruct>): string[] {
  const at = scope.node.path;
  return [...jobs].filter(([, job]) => job.node.path === at || job.node.path.startsWith(`${at}/`)).map(([name]) => escapeGlob(name));
}

/** A VM name as a glob that matches only itself. */
function escapeGlob(name: string): string {
  // The engine's globs know only * and ?: a name holding them is matched by a ? in their place.
  return name.replace(/[*?]/g, '?');
}
