// The public API, folder by folder; each folder's index.ts says what of it is public.
export { SmsMigrationError, MULTIPLE_ERRORS_ID } from './errors';
export type { SmsMigrationErrorDetail } from './errors';
export * from './plan';
export * from './assessment';
export * from './rules';
export * from './organization';
export * from './report';
export * from './importers';
export * from './sms';
export * from './mgn';
export * from './network';
export * from './validation';
export * from './migration';
export * from './pipeline';
