export * from './types';
export * from './assess';
export * from './verdict';
export { resolveLicense } from './license';
export { effectiveReplication, LIBRARY_REPLICATION_DEFAULTS } from './replication';
