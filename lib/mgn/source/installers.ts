/**
 * Where MGN's installers are downloaded from, and the managed policies of the identities that run
 * them, as the MGN user guide gives them ("Installing the AWS Replication Agent" for Linux and
 * Windows, "MGN vCenter Client installation instructions", the AWS managed policy reference). One
 * module, so that the install commands, the vCenter Client settings and the IAM constructs never
 * spell them twice.
 */

/** The Linux agent installer's file name. */
export const LINUX_AGENT_INSTALLER = 'aws-replication-installer-init';

/** The Windows agent installer's file name. */
export const WINDOWS_AGENT_INSTALLER = 'AwsReplicationWindowsInstaller.exe';

/** The vCenter Client installer's file name (a Python script run with python3). */
export const VCENTER_CLIENT_INSTALLER = 'aws-vcenter-client-installer-init.py';

/**
 * The AWS managed policy for whoever installs the replication agent; the agent installer takes its
 * credentials (temporary ones with a session token, or an access key).
 */
export const AGENT_INSTALLATION_POLICY = 'AWSApplicationMigrationAgentInstallationPolicy';

/** The AWS managed policy for the identity whose access key is entered into the vCenter Client installer. */
export const VCENTER_CLIENT_POLICY = 'AWSApplicationMigrationVCenterClientPolicy';

/** The bucket MGN serves its installers from in a Region, over its Regional S3 endpoint. */
function bucketUrl(region: string): string {
  return `https://aws-application-migration-service-${region}.s3.${region}.amazonaws.com`;
}

/** The Linux agent installer of a Region. */
export function linuxAgentInstallerUrl(region: string): string {
  return `${bucketUrl(region)}/latest/linux/${LINUX_AGENT_INSTALLER}`;
}

/** The Windows agent installer of a Region. */
export function windowsAgentInstallerUrl(region: string): string {
  return `${bucketUrl(region)}/latest/windows/${WINDOWS_AGENT_INSTALLER}`;
}

/** The vCenter Client installer of a Region. */
export function vcenterClientInstallerUrl(region: string): string {
  return `${bucketUrl(region)}/latest/vcenter-client/linux/${VCENTER_CLIENT_INSTALLER}`;
}

/** The SHA-512 of the vCenter Client installer of a Region, served from MGN's hashes bucket. */
export function vcenterClientInstallerHashUrl(region: string): string {
  return `https://aws-application-migration-service-hashes-${region}.s3.${region}.amazonaws.com/latest/vcenter-client/linux/`
    + `${VCENTER_CLIENT_INSTALLER}.sha512`;
}

/** A Region code such as `eu-west-1` or `us-gov-west-1`. */
export const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** A DNS name, such as a VPC endpoint's (`vpce-0abc-1234.mgn.eu-west-1.vpce.amazonaws.com`). */
export const DNS_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/**
 * The AWS managed policy MGN's guide ("Generating vCenter Client IAM credentials") attaches to the
 * vCenter Client's user beside `AWSApplicationMigrationVCenterClientPolicy`.
 */
export const AGENT_POLICY = 'AWSApplicationMigrationAgentPolicy';
