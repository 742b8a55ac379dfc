export * from './linux-license';
export * from './windows-client-license';
export * from './resolved-license';
export * from './redhat-cloud-access';
export * from './suse-byos';
export * from './microsoft-byol';
