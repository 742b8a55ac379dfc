export * from './plan';
export { OsName, describeOs } from './os';
