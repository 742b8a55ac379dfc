import * as mgn from 'aws-cdk-lib/aws-mgn';
import { Construct } from 'constructs';
import { SmsMigrationError } from '../errors';
import { acknowledgeValidationFinding } from '../private/nag-acknowledgements';
import { DesiredServer } from './handler/desired';

/** Properties of `MgnAccountTemplates`. */
export interface MgnAccountTemplatesProps {
  /**
   * The account-wide settings: the plan's `defaults.mgn` as `desiredDefaults()` maps them, with the
   * staging subnet and the library's replication security group.
   */
  readonly defaults: DesiredServer;
}

/**
 * The replication and launch configuration templates of the account and Region: what MGN gives a
 * source server when it is added (imported, discovered or registered by its agent), before its own
 * settings are applied, and what completes MGN's initialization (it is final once both exist).
 *
 * MGN's own security group is never associated (`associateDefaultSecurityGroup: false`): the
 * replication servers use the library's group, or the plan's. Keep exactly one pair per account and
 * Region: MGN does not document which of several it uses.
 *
 * Define it after the initialization (`node.addDependency`).
 */
export class MgnAccountTemplates extends Construct {
  /** The replication configuration template. */
  public readonly replicationTemplate: mgn.CfnReplicationConfigurationTemplate;

  /** The launch configuration template. */
  public readonly launchTemplate: mgn.CfnLaunchConfigurationTemplate;

  constructor(scope: Construct, id: string, props: MgnAccountTemplatesProps) {
    super(scope, id);
    const replication = props.defaults.replication;
    const launch = props.defaults.launch;
    const required = <T>(value: T | undefined, member: string): T => {
      if (value === undefined) {
        throw new SmsMigrationError('cdk-sms-migration:MissingTemplateSetting',
          `defaults.replication.${member} is absent, CloudFormation requires it of a replication configuration template`, this);
      }
      return value;
    };
    this.replicationTemplate = new mgn.CfnReplicationConfigurationTemplate(this, 'ReplicationTemplate', {
      stagingAreaSubnetId: required(replication.stagingAreaSubnetId, 'stagingAreaSubnetId'),
      associateDefaultSecurityGroup: false,
      replicationServersSecurityGroupsIDs: [...(replication.replicationServersSecurityGroupsIDs ?? [])],
      replicationServerInstanceType: required(replication.replicationServerInstanceType, 'replicationServerInstanceType'),
      useDedicatedReplicationServer: required(replication.useDedicatedReplicationServer, 'useDedicatedReplicationServer'),
      defaultLargeStagingDiskType: required(replication.defaultLargeStagingDiskType, 'defaultLargeStagingDiskType'),
      ebsEncryption: required(replication.ebsEncryption, 'ebsEncryption'),
      ebsEncryptionKeyArn: replication.ebsEncryptionKeyArn,
      bandwidthThrottling: required(replication.bandwidthThrottling, 'bandwidthThrottling'),
      dataPlaneRouting: required(replication.dataPlaneRouting, 'dataPlaneRouting'),
      createPublicIp: required(replication.createPublicIP, 'createPublicIP'),
      stagingAreaTags: {},
    });
    this.launchTemplate = new mgn.CfnLaunchConfigurationTemplate(this, 'LaunchTemplate', {
      launchDisposition: launch.launchDisposition,
      targetInstanceTypeRightSizingMethod: launch.targetInstanceTypeRightSizingMethod,
      copyPrivateIp: launch.copyPrivateIp,
      copyTags: launch.copyTags,
      bootMode: launch.bootMode,
      associatePublicIpAddress: props.defaults.launchTemplate.associatePublicIpAddress,
      ...(launch.licensingOsByol !== undefined ? { licensing: { osByol: launch.licensingOsByol } } : {}),
    });
    // aws-cdk-lib defines both types (aws-mgn), but the resource database it validates templates against
    // lacks the first and places the second in no Region: its finding would be reported at every synthesis.
    for (const template of [this.replicationTemplate, this.launchTemplate]) {
      acknowledgeValidationFinding(template, 'CloudFormation-Validate::F3006',
        `aws-cdk-lib defines ${template.cfnResourceType} (aws-mgn) but the resource database it validates against does not list it`);
    }
  }
}
