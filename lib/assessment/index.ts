export * from './types';
export * from './rule';
export * from './rule-pack';
export * from './engine';
export * from './verdict';
