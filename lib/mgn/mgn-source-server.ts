import * as crypto from 'crypto';
import { CustomResource, RemovalPolicy } from 'aws-cdk-lib';
import { Construct, IDependable } from 'constructs';
import { SmsMigrationError } from '../errors';
import { ReplicationMethod } from '../plan/model/plan';
import { Data, Props, RemovalPolicies, ResourceTypes } from './handler/api';
import { DesiredServer, toProperties } from './handler/desired';
import { mgnServiceToken } from './mgn-provider';

/** Properties of an `MgnSourceServer`. */
export interface MgnSourceServerProps {
  /** The plan VM's name: the server's user-provided id and the value of its `cdk-sms-migration:vm` tag. */
  readonly vmName: string;

  /** How the VM replicates: an agent in the guest, or the vCenter Client (agentless). */
  readonly replicationMethod: ReplicationMethod;

  /** The name of the application the server joins (defined by the wave's `MgnWave`). */
  readonly applicationName: string;

  /** What the server must hold: replication and launch configuration, EC2 launch template (`desiredServerFor()`). */
  readonly settings: DesiredServer;

  /**
   * The VM's SMBIOS UUID, matched against the server's `identificationHints.vmWareUuid`.
   *
   * @default - not matched by UUID
   */
  readonly vmUuid?: string;

  /**
   * The VM's vCenter inventory path, matched against `identificationHints.vmPath`.
   *
   * @default - not matched by path
   */
  readonly vmPath?: string;

  /**
   * The guest's host name or FQDN, matched case-insensitively against the server's hints.
   *
   * @default - not matched by host name
   */
  readonly hostname?: string;

  /**
   * What happens to the server when the VM leaves the plan or the stack is deleted: `RETAIN` leaves it
   * as it is in MGN; `DESTROY` takes it out of its application, disconnects it when MGN allows it and
   * archives it. Other policies are refused.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * A value whose change makes the handler look for the server and apply its settings again, so that a
   * deploy completes servers that registered since the last one.
   *
   * @default - a new value at each synthesis
   */
  readonly refresh?: string;

  /**
   * What the server waits for: its wave's `MgnWave` (which creates the application) and the wave's
   * `MgnImport` (which creates the agent-based servers).
   *
   * @default - nothing
   */
  readonly dependsOn?: IDependable[];
}

/**
 * A plan VM as an MGN source server (`Custom::MgnSourceServer`): found (by tag, user-provided id, vCenter
 * UUID or path, host name), tagged, its replication and launch configuration, EC2 launch template and
 * application membership applied. A server not found yet is reported pending, not failed: the next
 * deploy completes it (each synthesis changes `refresh`).
 *
 * Source servers cannot be created through the API: they are imported (`MgnImport`), discovered by the
 * vCenter Client, or registered by their agent.
 */
export class MgnSourceServer extends Construct {
  /**
   * The source server's id (`s-…`), or "" while no server matches the VM.
   *
   * @attribute
   */
  public readonly sourceServerId: string;

  /**
   * `configured`, `pending` or `frozen` (cut over, disconnected or archived).
   *
   * @attribute
   */
  public readonly sourceServerStatus: string;

  /** The custom resource. */
  public readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: MgnSourceServerProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    if (removalPolicy !== RemovalPolicy.RETAIN && removalPolicy !== RemovalPolicy.DESTROY) {
      throw new SmsMigrationError('cdk-sms-migration:InvalidRemovalPolicy',
        `removalPolicy ${removalPolicy} is not available for source server ${props.vmName}, use RemovalPolicy.RETAIN or RemovalPolicy.DESTROY`, this);
    }
    const destroy = removalPolicy === RemovalPolicy.DESTROY;
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: mgnServiceToken(this),
      resourceType: ResourceTypes.SOURCE_SERVER,
      properties: {
        [Props.DISPLAY_NAME]: props.vmName,
        [Props.VM_NAME]: props.vmName,
        [Props.REPLICATION_METHOD]: props.replicationMethod,
        ...(props.vmUuid !== undefined ? { [Props.VM_UUID]: props.vmUuid } : {}),
        ...(props.vmPath !== undefined ? { [Props.VM_PATH]: props.vmPath } : {}),
        ...(props.hostname !== undefined ? { [Props.HOSTNAME]: props.hostname } : {}),
        [Props.APPLICATION_NAME]: props.applicationName,
        ...toProperties(props.settings),
        [Props.REMOVAL_POLICY]: destroy ? RemovalPolicies.DESTROY : RemovalPolicies.RETAIN,
        [Props.REFRESH]: props.refresh ?? crypto.randomUUID(),
      },
      // Retained, CloudFormation never asks the handler to delete it: the server stays as it is.
      removalPolicy,
    });
    for (const dependency of props.dependsOn ?? []) {
      this.resource.node.addDependency(dependency);
    }
    this.sourceServerId = this.resource.getAttString(Data.SOURCE_SERVER_ID);
    this.sourceServerStatus = this.resource.getAttString(Data.STATUS);
  }
}
