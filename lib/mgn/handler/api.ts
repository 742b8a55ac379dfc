/**
 * The contract between the MGN constructs and their custom-resource handler: resource types, property
 * keys, Data keys and value encodings. Both sides import these constants; no key is written twice. This
 * file imports nothing, so the handler bundle stays free of aws-cdk-lib and constructs.
 *
 * CloudFormation hands every scalar property to the handler as a string: numbers and booleans are
 * written here as strings on purpose ("true", "false", "100"), and the handler parses them. Lists stay
 * lists (of strings); objects stay objects (of strings).
 *
 * One handler bundle serves every type below (it dispatches on `ResourceType`) through one Provider
 * with `onEvent` and `isComplete`; a type that finishes in `onEvent` answers `isComplete` at once.
 */

/** The CloudFormation resource types. Frozen once released: changing one replaces every resource. */
export const ResourceTypes = {
  /** MGN initialized in the stack's account and Region. Delete never undoes it. */
  INITIALIZATION: 'Custom::MgnInitialization',
  /**
   * One wave with its applications, kept in step: the wave and each application found by name
   * (case-insensitive, not archived) or created; applications associated with the wave; applications the
   * resource associated before and no longer lists are disassociated.
   */
  WAVE: 'Custom::MgnWave',
  /**
   * An inventory import: the MGN import CSV (an S3 object) imported with a client token derived from its
   * content, polled in `isComplete` until it ends; rows that failed are reported by VM name.
   */
  IMPORT: 'Custom::MgnImport',
  /**
   * One plan VM as an MGN source server: found (see `Props` identity keys), tagged, its replication and
   * launch configuration, EC2 launch template version and application membership applied; reported as
   * pending (not failed) when no server matches yet.
   */
  SOURCE_SERVER: 'Custom::MgnSourceServer',
} as const;

/** Keys of the custom resources' properties. */
export const Props = {
  /** Every type: how messages name the resource (the plan's VM name, the wave's name, ...). */
  DISPLAY_NAME: 'DisplayName',
  /** WAVE: the wave's name in MGN (1-256 characters, no blanks at either end). */
  WAVE_NAME: 'WaveName',
  /** WAVE: the wave's description. @default absent: none */
  DESCRIPTION: 'Description',
  /** WAVE: the names of the wave's applications (a list of strings). */
  APPLICATIONS: 'Applications',
  /** IMPORT: the S3 bucket of the import CSV. */
  BUCKET: 'Bucket',
  /** IMPORT: the S3 key of the import CSV (ends in `.csv`). */
  KEY: 'Key',
  /** IMPORT: the CSV's content hash (hex); the import's client token is derived from it. */
  CONTENT_HASH: 'ContentHash',
  /** IMPORT: the VM name of each data row, in row order (a list of strings): maps `rowNumber` back to VMs. */
  ROW_VMS: 'RowVms',
  /** SOURCE_SERVER: the plan VM's name: the server's `userProvidedID` and the value of `VM_TAG`. */
  VM_NAME: 'VmName',
  /** SOURCE_SERVER: `agent` or `agentless` (`ReplicationMethods`). */
  REPLICATION_METHOD: 'ReplicationMethod',
  /** SOURCE_SERVER: the VM's SMBIOS UUID, matched against `identificationHints.vmWareUuid`. @default absent */
  VM_UUID: 'VmUuid',
  /** SOURCE_SERVER: the VM's vCenter inventory path, matched against `identificationHints.vmPath`. @default absent */
  VM_PATH: 'VmPath',
  /** SOURCE_SERVER: the guest's host name or FQDN, matched case-insensitively against the hints. @default absent */
  HOSTNAME: 'Hostname',
  /** SOURCE_SERVER: the name of the application the server belongs to (created by the WAVE resource). */
  APPLICATION_NAME: 'ApplicationName',
  /**
   * SOURCE_SERVER: the replication configuration to apply, an object keyed by the MGN API's member names
   * of `UpdateReplicationConfiguration` (`bandwidthThrottling`, `dataPlaneRouting`, `createPublicIP`,
   * `defaultLargeStagingDiskType`, `ebsEncryption`, `ebsEncryptionKeyArn`, `replicationServerInstanceType`,
   * `useDedicatedReplicationServer`, `associateDefaultSecurityGroup`, `replicationServersSecurityGroupsIDs`
   * (a list), `stagingAreaSubnetId`), with the API's enum values (`PRIVATE_IP`, `GP3`, `DEFAULT`, ...).
   * A member left out is left as the server has it.
   */
  REPLICATION: 'ReplicationConfiguration',
  /**
   * SOURCE_SERVER: the launch configuration to apply, an object keyed by the member names of
   * `UpdateLaunchConfiguration` (`launchDisposition`, `targetInstanceTypeRightSizingMethod`,
   * `copyPrivateIp`, `copyTags`, `bootMode`, `licensingOsByol` for `licensing.osByol`), with the API's
   * enum values (`STARTED`, `NONE`, `LEGACY_BIOS`, ...). A member left out is left as the server has it.
   */
  LAUNCH: 'LaunchConfiguration',
  /**
   * SOURCE_SERVER: what the default version of the server's EC2 launch template must hold, an object with
   * the keys of `LaunchTemplateKeys`. A key left out is kept from the current default version.
   */
  LAUNCH_TEMPLATE: 'LaunchTemplate',
  /** SOURCE_SERVER: `retain` (default) leaves the server as it is; `destroy` disassociates, disconnects and archives it. */
  REMOVAL_POLICY: 'RemovalPolicy',
  /**
   * SOURCE_SERVER: a value that changes when every server should be looked for and its settings
   * re-applied (a new one at each synthesis by default), so that a deploy completes servers that
   * registered since the last one. The handler ignores its value.
   */
  REFRESH: 'Refresh',
} as const;

/** Keys of the `Props.LAUNCH_TEMPLATE` object. */
export const LaunchTemplateKeys = {
  /** The EC2 instance type. */
  INSTANCE_TYPE: 'InstanceType',
  /** The subnet of network interface 0. */
  SUBNET_ID: 'SubnetId',
  /** The security groups of network interface 0 (a list). */
  SECURITY_GROUP_IDS: 'SecurityGroupIds',
  /** `"true"` or `"false"`: a public IPv4 on network interface 0. */
  ASSOCIATE_PUBLIC_IP: 'AssociatePublicIpAddress',
  /** `default`, `dedicated` or `host`. */
  TENANCY: 'Tenancy',
  /** The Dedicated Host id (`h-…`). */
  HOST_ID: 'HostId',
  /** The host resource group ARN. */
  HOST_RESOURCE_GROUP_ARN: 'HostResourceGroupArn',
} as const;

/** Values of `Props.REPLICATION_METHOD`. */
export const ReplicationMethods = {
  AGENT: 'agent',
  AGENTLESS: 'agentless',
} as const;

/** Values of `Props.REMOVAL_POLICY`. */
export const RemovalPolicies = {
  DESTROY: 'destroy',
  RETAIN: 'retain',
} as const;

/** The tag that links a source server to its plan VM (3.523.0 cannot write `userProvidedID`). */
export const VM_TAG = 'cdk-sms-migration:vm';

/** Values of `Data.STATUS` of a SOURCE_SERVER resource. */
export const ServerStatuses = {
  /** The server was found and every setting is applied. */
  CONFIGURED: 'configured',
  /** No server matches the VM yet (not imported, discovered or registered): the next deploy completes it. */
  PENDING: 'pending',
  /** The server is cut over, disconnected or archived: its settings are no longer changed. */
  FROZEN: 'frozen',
} as const;

/** The physical id of a SOURCE_SERVER resource whose server was not found: `pending:<VmName>`. */
export const PENDING_ID_PREFIX = 'pending:';

/** Keys of the Data the handler returns (`Fn::GetAtt` attributes). */
export const Data = {
  /** WAVE: the wave id (also the physical id). */
  WAVE_ID: 'WaveId',
  /** IMPORT: the import id (also the physical id). */
  IMPORT_ID: 'ImportId',
  /** IMPORT: servers created and modified, as strings. */
  SERVERS_CREATED: 'ServersCreated',
  SERVERS_MODIFIED: 'ServersModified',
  /** SOURCE_SERVER: the source server id, or "" while pending (the physical id is the server id, or `pending:<VmName>`). */
  SOURCE_SERVER_ID: 'SourceServerId',
  /** SOURCE_SERVER: one of `ServerStatuses`. */
  STATUS: 'Status',
  /** SOURCE_SERVER: the default version of the server's EC2 launch template, or "". */
  LAUNCH_TEMPLATE_VERSION: 'LaunchTemplateVersion',
} as const;

/** The handler functions exported by the bundle. */
export const Handlers = {
  ON_EVENT: 'index.onEvent',
  IS_COMPLETE: 'index.isComplete',
} as const;

/** The folder (beside this file) where `npm run build` writes the handler bundle, `index.js`. */
export const BUNDLE_DIR = 'bundle';
