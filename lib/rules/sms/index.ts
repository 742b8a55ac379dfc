import { ConnectorRule, IRulePack, PlanFactsOptions, Rule, RuleSubject, VmRule, VmSurroundings } from '../../assessment/rule-pack';
import { Connector, PlanTarget, Vm } from '../../plan/model/plan';
import {
  BOOT_RULES, CONNECTOR_RULES, DISK_RULES, FREE_SPACE_RULES, GUEST_RULES, HYPERVISOR_RULES, JOB_RULES, LICENSE_RULES, NETWORK_RULES, OS_RULES,
} from './catalogue';
import { OsProfiles, SmsPlanFacts, SmsVmContext } from './facts/os-profile';
import { resolveLicense } from './license-resolution';
import { planFacts } from './plan-facts';
import { effectiveReplication } from './replication-settings';
import { RuleSection } from './sections';

export { RuleSection } from './sections';
export { resolveLicense } from './license-resolution';
export { effectiveReplication, LIBRARY_REPLICATION_DEFAULTS } from './replication-settings';

/** The rules in RULES.md order, checked once: every id declared once, in its pack's prefix. */
function catalogue(rules: readonly Rule[]): readonly Rule[] {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) {
      throw new Error(`rule ${rule.id} is declared twice`);
    }
    if (!/^SMS-[A-Z]+[0-9]+$/.test(rule.id)) {
      throw new Error(`rule id ${rule.id} is not an SMS rule id (SMS-, letters, digits)`);
    }
    seen.add(rule.id);
  }
  return Object.freeze([...rules]);
}

/** Every SMS rule, in the order of the rule catalogue (RULES.md). */
export const RULES: readonly Rule[] = catalogue([
  ...OS_RULES, ...BOOT_RULES, ...DISK_RULES, ...FREE_SPACE_RULES, ...HYPERVISOR_RULES, ...GUEST_RULES,
  ...NETWORK_RULES, ...LICENSE_RULES, ...JOB_RULES, ...CONNECTOR_RULES,
]);

/**
 * Every SMS rule id, in catalogue order. The ids are public contract: acknowledgements, reports and
 * pipelines name them.
 */
export const RULE_IDS: readonly string[] = Object.freeze(RULES.map((rule) => rule.id));

/** The SMS rules over VMs, in catalogue order. */
export const VM_RULES: readonly VmRule[] = RULES.filter((r): r is VmRule => r.subject === RuleSubject.VM);

/** The SMS rules over connectors, in catalogue order. */
export const CONNECTOR_RULE_LIST: readonly ConnectorRule[] = RULES.filter((r): r is ConnectorRule => r.subject === RuleSubject.CONNECTOR);

/**
 * The AWS Server Migration Service pack: its 67 rules, the plan's replication settings after
 * defaults, the license each job gets, and the cross-VM facts of SMS-JOB3 and SMS-JOB4.
 */
export const SMS_RULE_PACK: IRulePack = Object.freeze({
  target: PlanTarget.SMS,
  service: 'AWS Server Migration Service',
  sections: Object.freeze(Object.values(RuleSection)),
  rules: RULES,
  planFacts: (vms: readonly Vm[], options: PlanFactsOptions): SmsPlanFacts => ({
    ...planFacts(vms, options.jobQuota, options.jobsBefore, options.plan, options.environment),
    // One pass's OS profiles: its VMs share the results of the OS-only rules (see sharedByOs).
    osProfiles: new OsProfiles(),
  }),
  vmContext: (vm: Vm, { defaults, connector, plan, now }: VmSurroundings): SmsVmContext => {
    const replication = effectiveReplication(vm.replication, defaults);
    const osProfile = (plan as SmsPlanFacts).osProfiles?.of(vm.os);
    return { vm, replication, license: resolveLicense(vm.os, replication.licenseType), connector, plan, now, osProfile };
  },
  connectorContext: (connector: Connector) => ({ connector }),
});
