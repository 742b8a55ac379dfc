export * from './driver';
export * from './logs';
export * from './template';
