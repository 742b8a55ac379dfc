// The public API. Everything else under lib/ is internal.
export * from './model/plan';
export { OsName, describeOs } from './model/os';
export * from './rules/rule';
export * from './rules/definition';
export { RULES, RULE_IDS, VM_RULES, CONNECTOR_RULE_LIST, findRule } from './rules/catalog';
export * from './engine';
export * from './plan';
export { toReport } from './report/report';
export type { Report, ReportVm, ReportConnector, ReportFinding, ReportUnusedAcknowledgement } from './report/report';
export { renderJson } from './report/json';
export { renderTable } from './report/table';
export type { TableOptions } from './report/table';
export { renderRulesDoc } from './report/rules-doc';
