export * from './packs';
export {
  SMS_RULE_PACK, RULES, RULE_IDS, VM_RULES, CONNECTOR_RULE_LIST, RuleSection, resolveLicense, effectiveReplication,
  LIBRARY_REPLICATION_DEFAULTS,
} from './sms';
