// The source side of the MGN deploy path: what runs on premises, and the AWS identities it uses.
export * from './agent-installation-role';
export * from './install-commands';
export * from './install-commands-construct';
export * from './vcenter-client';
