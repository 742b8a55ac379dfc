export * from './plan';
export type { PlanEnvironment } from './environments';
export { OsName, describeOs } from './os';
