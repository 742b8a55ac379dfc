/**
 * The contract between the ReplicationJob construct and its custom-resource handler: resource type,
 * property keys, Data keys and value encodings. Both sides import these constants; no key is written
 * twice. This file imports nothing, so the handler bundle stays free of aws-cdk-lib and constructs.
 *
 * CloudFormation hands every scalar property to the handler as a string: numbers and booleans are
 * written here as strings on purpose, and the handler parses them.
 */

/** The CloudFormation resource type. Frozen once released: changing it replaces every job. */
export const RESOURCE_TYPE = 'Custom::SmsReplicationJob';

/** Keys of the custom resource's properties. */
export const Props = {
  /** The SMS server catalog id (`s-12345678`), when the construct knows it. */
  SERVER_ID: 'ServerId',
  /** A VM name to resolve against the server catalog at deploy time (`vmServer.vmName`). */
  VM_NAME: 'VmName',
  /** A vCenter inventory path to resolve (`vmServer.vmPath`). */
  VM_PATH: 'VmPath',
  /** A hypervisor VM id to resolve (`vmServer.vmServerAddress.vmId`). */
  VM_ID: 'VmId',
  /**
   * The id of the VM manager (a vCenter's instance UUID) that knows the VM by `VM_ID`
   * (`vmServer.vmServerAddress.vmManagerId`): with `VM_ID`, the most certain identity after the server id.
   */
  VM_MANAGER_ID: 'VmManagerId',
  /** Narrows VM resolution to one vCenter / SCVMM (`vmServer.vmManagerName`). */
  VM_MANAGER_NAME: 'VmManagerName',
  /** How messages name the VM (the plan's VM name, or the selector). */
  DISPLAY_NAME: 'DisplayName',
  /** `"true"` for a one-time migration; `"false"` for interval replication. */
  RUN_ONCE: 'RunOnce',
  /**
   * Hours between runs, a whole number from `SmsLimits.MIN_FREQUENCY_HOURS` to `SmsLimits.MAX_FREQUENCY_HOURS`
   * (`lib/private/sms-limits.ts`) as a string; absent for a one-time migration.
   */
  FREQUENCY_HOURS: 'FrequencyHours',
  /** ISO 8601 seed time; absent means "when the job is created". */
  SEED_TIME: 'SeedTime',
  /** `"AWS"` or `"BYOL"`; absent means auto (the member is left out of the SMS call). */
  LICENSE_TYPE: 'LicenseType',
  /**
   * AMIs to keep, a whole number from `SmsLimits.MIN_AMIS_TO_KEEP` to `SmsLimits.MAX_AMIS_TO_KEEP` as a string;
   * absent keeps every AMI.
   */
  NUMBER_OF_RECENT_AMIS_TO_KEEP: 'NumberOfRecentAmisToKeep',
  /** `"true"` for encrypted AMIs. */
  ENCRYPTED: 'Encrypted',
  /** The KMS key (ARN) for encrypted AMIs; absent uses the account's default EBS key. */
  KMS_KEY_ID: 'KmsKeyId',
  /** The name of the IAM role SMS uses; absent uses SMS's service-linked role. */
  ROLE_NAME: 'RoleName',
  /** The job's description, before the handler appends its ownership marker. */
  DESCRIPTION: 'Description',
  /** `"destroy"` deletes the job with the resource; `"retain"` leaves it (and its AMIs). */
  REMOVAL_POLICY: 'RemovalPolicy',
} as const;

/** Values of `Props.LICENSE_TYPE`: SMS's own `licenseType` values. Auto is the property left out. */
export const LicenseTypes = {
  AWS: 'AWS',
  BYOL: 'BYOL',
} as const;

/** Values of `Props.REMOVAL_POLICY`. */
export const RemovalPolicies = {
  DESTROY: 'destroy',
  RETAIN: 'retain',
} as const;

/** Keys of the Data the handler returns (`Fn::GetAtt` attributes). */
export const Data = {
  /** The replication job id (also the physical resource id). */
  REPLICATION_JOB_ID: 'ReplicationJobId',
  /** The SMS server id the job replicates. */
  SERVER_ID: 'ServerId',
} as const;

/**
 * The handler functions exported by the bundle: `onEvent` starts Create/Update/Delete, `isComplete`
 * polls until the job is active.
 */
export const Handlers = {
  ON_EVENT: 'index.onEvent',
  IS_COMPLETE: 'index.isComplete',
} as const;

/** The folder (beside this file) where `npm run build` writes the handler bundle, `index.js`. */
export const BUNDLE_DIR = 'bundle';

/**
 * The major version of the Node.js that runs the handler: the bundle's esbuild target
 * (`scripts/bundle.ts`) and the functions' Lambda runtime (`nodejs<major>.x`) both follow it.
 */
export const HANDLER_NODE_MAJOR = 24;
