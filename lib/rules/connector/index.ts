export * from './vcenter-version';
export * from './esxi-versions';
export * from './connector-memory';
export * from './connector-disk';
export * from './hyperv-environment';
export * from './network-access';
export * from './firewall';
