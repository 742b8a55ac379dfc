// MGN's constructs and the pure functions that map a plan onto them. The handler (./handler) is not
// public: it runs in Lambda, from its bundle.
export type { DesiredLaunch, DesiredLaunchTemplate, DesiredReplication, DesiredServer } from './handler/desired';
export { desiredDefaults, desiredServerFor } from './server-settings';
export type { ServerSettingsContext } from './server-settings';
export { importCsvFor } from './import-csv';
export type { ImportCsv } from './import-csv';
export { MgnServiceRoles } from './mgn-service-roles';
export { MgnProvider } from './mgn-provider';
export * from './mgn-initialization';
export * from './mgn-staging-area';
export * from './mgn-account-templates';
export * from './mgn-wave';
export * from './mgn-import';
export * from './mgn-source-server';
export * from './source';
export { MgnCutoverRunbook } from './mgn-cutover-runbook';
export type { MgnCutoverRunbookProps } from './mgn-cutover-runbook';
