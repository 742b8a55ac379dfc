export * from './types';
export * from './assess';
export * from './verdict';
export { resolveLicense } from '../rules/sms/license-resolution';
export { effectiveReplication, LIBRARY_REPLICATION_DEFAULTS } from '../rules/sms/replication-settings';
