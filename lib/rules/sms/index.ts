import { ConnectorRule, Rule, RuleSubject, VmRule } from '../../assessment/rule-pack';
import { BOOT_RULES } from './catalogue/boot';
import { CONNECTOR_RULES } from './catalogue/connector';
import { DISK_RULES } from './catalogue/disks';
import { GUEST_RULES } from './catalogue/guest';
import { HYPERVISOR_RULES } from './catalogue/hypervisor';
import { JOB_RULES } from './catalogue/job';
import { LICENSE_RULES } from './catalogue/license';
import { NETWORK_RULES } from './catalogue/network';
import { OS_RULES } from './catalogue/os';

/**
 * Every rule id, in the order of the rule catalogue (RULES.md). The ids are public contract:
 * acknowledgements, reports and pipelines name them.
 */
export const RULE_IDS: readonly string[] = Object.freeze(`
  SMS-OS1 SMS-OS2 SMS-OS3 SMS-OS4 SMS-OS5 SMS-OS6 SMS-OS7 SMS-OS8 SMS-OS9 SMS-OS10 SMS-BOOT1 SMS-BOOT2 SMS-BOOT3
  SMS-BOOT4 SMS-FS1 SMS-FS2 SMS-FS3 SMS-DISK1 SMS-DISK2 SMS-DISK3 SMS-DISK4 SMS-DISK5 SMS-DISK6 SMS-DISK7 SMS-FREE1
  SMS-FREE2 SMS-HV1 SMS-HV2 SMS-HV3 SMS-HV4 SMS-HV5 SMS-HV6 SMS-PREP1 SMS-PREP2 SMS-PREP3 SMS-PREP4 SMS-PREP5 SMS-PREP6
  SMS-PREP7 SMS-PREP8 SMS-PREP9 SMS-PREP10 SMS-PREP11 SMS-PREP12 SMS-PREP13 SMS-NET1 SMS-NET2 SMS-NET3 SMS-NET4 SMS-NET5
  SMS-LIC1 SMS-LIC2 SMS-LIC3 SMS-LIC4 SMS-LIC5 SMS-LIC6 SMS-JOB1 SMS-JOB2 SMS-JOB3 SMS-JOB4 SMS-JOB5 SMS-CON1 SMS-CON2
  SMS-CON3 SMS-CON4 SMS-CON5 SMS-CON6
`.trim().split(/\s+/));

function inCatalogueOrder(rules: readonly Rule[]): readonly Rule[] {
  const byId = new Map<string, Rule>();
  for (const rule of rules) {
    if (byId.has(rule.id)) {
      throw new Error(`rule ${rule.id} is declared twice`);
    }
    byId.set(rule.id, rule);
  }
  const ordered = RULE_IDS.map((id) => {
    const rule = byId.get(id);
    if (!rule) {
      throw new Error(`rule ${id} has no implementation`);
    }
    return rule;
  });
  if (ordered.length !== byId.size) {
    const extra = [...byId.keys()].filter((id) => !RULE_IDS.includes(id));
    throw new Error(`rules not in the catalogue: ${extra.join(', ')}`);
  }
  return Object.freeze(ordered);
}

/** Every rule, in catalogue order. */
export const RULES: readonly Rule[] = inCatalogueOrder([
  ...OS_RULES, ...BOOT_RULES, ...DISK_RULES, ...HYPERVISOR_RULES, ...GUEST_RULES,
  ...NETWORK_RULES, ...LICENSE_RULES, ...JOB_RULES, ...CONNECTOR_RULES,
]);

/** The rules over VMs, in catalogue order. */
export const VM_RULES: readonly VmRule[] = RULES.filter((r): r is VmRule => r.subject === RuleSubject.VM);

/** The rules over connectors, in catalogue order. */
export const CONNECTOR_RULE_LIST: readonly ConnectorRule[] = RULES.filter((r): r is ConnectorRule => r.subject === RuleSubject.CONNECTOR);

const BY_ID = new Map(RULES.map((r) => [r.id, r] as const));

/** The rule with this id (case-insensitive), or undefined. */
export function findRule(id: string): Rule | undefined {
  return BY_ID.get(String(id).trim().toUpperCase());
}
