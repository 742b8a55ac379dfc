export { rulePackFor, findRule, assessedRule, knownRuleIds, assessPlan, assessVm, assessConnector } from './packs';
export { RULE_PACKS } from './rule-packs';
export {
  SMS_RULE_PACK, RULES, RULE_IDS, VM_RULES, CONNECTOR_RULE_LIST, RuleSection, resolveLicense, effectiveReplication,
  LIBRARY_REPLICATION_DEFAULTS,
} from './sms';
export { MGN_RULE_PACK, MGN_RULES, MGN_RULE_IDS, MgnRuleSection, MATRIX_DATE } from './mgn';
export type { MgnVmContext, MgnConnectorContext, MgnPlanFacts, MgnVmFacts } from './mgn';
