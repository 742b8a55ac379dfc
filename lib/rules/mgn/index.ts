import { ConnectorRule, IRulePack, NetworkRule, PlanFactsOptions, Rule, RuleSubject, VmRule, VmSurroundings } from '../../assessment/rule-pack';
import { PlanFacts, VmContext } from '../../assessment/rule';
import { VmDetails } from '../../assessment/types';
import { Connector, PlanTarget, Vm } from '../../plan/model/plan';
import {
  AGENTLESS_RULES, BOOT_RULES, CONNECTIVITY_RULES, FREE_SPACE_RULES, GUEST_RULES, LICENSE_RULES, NETWORK_RULES, OS_RULES, QUOTA_RULES,
  REPLICATION_RULES,
} from './catalogue';
import { CARRIED_FROM_SMS } from './sms-mapping';
import { MgnConnectorContext, MgnPlanFacts, MgnVmContext } from './context';
import { MATRIX_DATE } from './facts/os-matrix';
import { mgnPlanFacts } from './plan-facts';
import { MgnRuleSection } from './sections';
import { mgnVmContext } from './vm-context';

export { MgnRuleSection } from './sections';
export { MATRIX_DATE } from './facts/os-matrix';
export type { MgnVmContext, MgnConnectorContext, MgnPlanFacts, MgnVmFacts } from './context';

/** The rules in MGN-RULES.md order, checked once: every id declared once, in the pack's prefix. */
function catalogue(rules: readonly Rule[]): readonly Rule[] {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) {
      throw new Error(`rule ${rule.id} is declared twice`);
    }
    if (!/^MGN-[A-Z]+[0-9]+$/.test(rule.id)) {
      throw new Error(`rule id ${rule.id} is not an MGN rule id (MGN-, letters, digits)`);
    }
    seen.add(rule.id);
  }
  return Object.freeze([...rules]);
}

/** Every MGN rule, in the order of the rule catalogue (MGN-RULES.md). */
export const MGN_RULES: readonly Rule[] = catalogue([
  ...OS_RULES, ...BOOT_RULES, ...FREE_SPACE_RULES, ...GUEST_RULES, ...NETWORK_RULES, ...LICENSE_RULES, ...REPLICATION_RULES,
  ...QUOTA_RULES, ...AGENTLESS_RULES, ...CONNECTIVITY_RULES,
]);

/** Every MGN rule id, in catalogue order. */
export const MGN_RULE_IDS: readonly string[] = Object.freeze(MGN_RULES.map((rule) => rule.id));

/** The MGN rules over VMs, connectors and the network, in catalogue order. */
export const MGN_VM_RULES: readonly VmRule[] = MGN_RULES.filter((r): r is VmRule => r.subject === RuleSubject.VM);
export const MGN_CONNECTOR_RULES: readonly ConnectorRule[] = MGN_RULES.filter((r): r is ConnectorRule => r.subject === RuleSubject.CONNECTOR);
export const MGN_NETWORK_RULES: readonly NetworkRule[] = MGN_RULES.filter((r): r is NetworkRule => r.subject === RuleSubject.NETWORK);

/**
 * The AWS Application Migration Service pack: the rules of MGN-RULES.md, each VM's MGN settings
 * after defaults, its license and tenancy, its evaluation date (the OS matrix is dated), and the
 * cross-VM facts of the quotas and of MGN-REP3.
 */
export const MGN_RULE_PACK: IRulePack = Object.freeze({
  target: PlanTarget.MGN,
  service: 'AWS Application Migration Service',
  sections: Object.freeze(Object.values(MgnRuleSection)),
  rules: MGN_RULES,
  carriedAcknowledgements: CARRIED_FROM_SMS,
  matrixDate: MATRIX_DATE,
  planFacts: (vms: readonly Vm[], options: PlanFactsOptions): MgnPlanFacts => mgnPlanFacts(vms, options),
  vmContext: (vm: Vm, surroundings: VmSurroundings): MgnVmContext => mgnVmContext(vm, surroundings),
  connectorContext: (connector: Connector, plan?: PlanFacts): MgnConnectorContext => {
    const facts = plan !== undefined && 'scope' in plan ? plan as MgnPlanFacts : undefined;
    return { connector, plan: facts, servesAgentless: facts?.agentlessConnectors.has(connector.name) ?? false };
  },
  vmDetails: (ctx: VmContext): VmDetails => {
    const { mgn } = ctx as MgnVmContext;
    return {
      evaluationDate: mgn.evaluationDate,
      replicationMethod: mgn.method,
      ...(mgn.licensing !== undefined ? { tenancy: mgn.licensing.tenancy } : {}),
    };
  },
});
