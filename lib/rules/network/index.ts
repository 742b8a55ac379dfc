export * from './single-nic';
export * from './no-ipv6';
export * from './static-ipv4';
export * from './no-public-ip';
export * from './enhanced-networking-os';
