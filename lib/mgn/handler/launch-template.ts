import { createHash } from 'crypto';
import {
  CreateLaunchTemplateVersionCommand, DescribeLaunchTemplateVersionsCommand, LaunchTemplateVersion, ModifyLaunchTemplateCommand,
  RequestLaunchTemplateData,
} from '@aws-sdk/client-ec2';
import { HandlerError } from '../../handler-common/errors';
import { ec2 } from './calls';
import { DesiredLaunchTemplate } from './desired';
import { MgnInvocation } from './invocation';
import { launchTemplateDifferences, primaryInterface } from './settings-diff';

/**
 * The server's EC2 launch template (mgn-api.md §5): MGN launches from its default version, so a change is a
 * new version made from the default one, then marked default. The version's client token is derived
 * from the template and the desired settings: a retried call or a lost answer makes no second version.
 * Nothing is written when the default version already holds what the plan wants.
 */

/** What applying the launch template led to. */
export interface TemplateOutcome {
  /** The default version after the step, as text ("" when the template has none). */
  readonly defaultVersion: string;
  /** True when a version was created (or an earlier attempt's version was taken) and made default. */
  readonly changed: boolean;
}

/**
 * The client token of a version: a SHA-256 of the template id, the source version and the desired
 * settings (EC2 accepts 64 characters). A retry after a lost answer has the same source version (the new
 * one is not default yet), so it gets the same token and EC2 hands back the version already made. The
 * source version is part of it because EC2 refuses a token reused with other parameters
 * (IdempotentParameterMismatch): settings changed and changed back must make a new version.
 */
export function versionClientToken(templateId: string, sourceVersion: number, desired: DesiredLaunchTemplate): string {
  const canonical = JSON.stringify(Object.keys(desired).sort().map((k) => [k, desired[k as keyof DesiredLaunchTemplate]]));
  return createHash('sha256').update(`${templateId}\n${sourceVersion}\n${canonical}`).digest('hex').slice(0, 64);
}

/** Makes the default version of `templateId` hold `desired`. */
export async function applyLaunchTemplate(inv: MgnInvocation, templateId: string, desired: DesiredLaunchTemplate): Promise<TemplateOutcome> {
  const out = await ec2(inv, 'DescribeLaunchTemplateVersions',
    (c) => c.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: templateId, Versions: ['$Default'] })));
  const base = out.LaunchTemplateVersions?.[0];
  if (Object.keys(desired).length === 0) {
    // Nothing to write: the default version is only reported.
    return { defaultVersion: base?.VersionNumber !== undefined ? String(base.VersionNumber) : '', changed: false };
  }
  if (!base?.LaunchTemplateData || base.VersionNumber === undefined) {
    throw new HandlerError(`DescribeLaunchTemplateVersions for ${inv.target} found no default version of launch template ${templateId}; `
      + 'check that the template MGN made for the server still exists');
  }
  const sourceVersion = base.VersionNumber;
  const differences = launchTemplateDifferences(base.LaunchTemplateData, desired);
  if (differences.length === 0) {
    inv.log('launch-template', { operation: 'DescribeLaunchTemplateVersions', outcome: 'unchanged', version: String(base.VersionNumber) });
    return { defaultVersion: String(base.VersionNumber), changed: false };
  }
  const created = await ec2(inv, 'CreateLaunchTemplateVersion', (c) => c.send(new CreateLaunchTemplateVersionCommand({
    LaunchTemplateId: templateId,
    SourceVersion: String(sourceVersion),
    ClientToken: versionClientToken(templateId, sourceVersion, desired),
    VersionDescription: 'cdk-sms-migration',
    LaunchTemplateData: templateData(base, desired),
  })));
  const version = created.LaunchTemplateVersion?.VersionNumber;
  if (version === undefined) {
    throw new HandlerError(`CreateLaunchTemplateVersion for ${inv.target} answered without a version number; deploy again`);
  }
  await ec2(inv, 'ModifyLaunchTemplate', (c) => c.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: templateId, DefaultVersion: String(version) })));
  inv.log('launch-template', {
    operation: 'CreateLaunchTemplateVersion', outcome: 'changed', version: String(version), members: differences.map((d) => d.member),
  });
  return { defaultVersion: String(version), changed: true };
}

/**
 * The members of the new version that differ from its source. A version's `NetworkInterfaces` and
 * `Placement` replace the source's whole list and structure, so the fields set here are merged into a copy
 * of what the default version has: interface 0 keeps its other fields, and the other interfaces are kept.
 */
function templateData(base: LaunchTemplateVersion, desired: DesiredLaunchTemplate): RequestLaunchTemplateData {
  const data = base.LaunchTemplateData ?? {};
  const out: RequestLaunchTemplateData = {};
  if (desired.instanceType !== undefined) {
    out.InstanceType = desired.instanceType as RequestLaunchTemplateData['InstanceType'];
  }
  if (desired.subnetId !== undefined || desired.securityGroupIds !== undefined || desired.associatePublicIpAddress !== undefined) {
    const nic = primaryInterface(data);
    const others = (data.NetworkInterfaces ?? []).filter((n) => n !== nic);
    const primary = {
      ...nic,
      DeviceIndex: 0,
      ...desired.subnetId !== undefined ? { SubnetId: desired.subnetId } : {},
      ...desired.securityGroupIds !== undefined ? { Groups: [...desired.securityGroupIds] } : {},
      ...desired.associatePublicIpAddress !== undefined ? { AssociatePublicIpAddress: desired.associatePublicIpAddress } : {},
    };
    // The response and request shapes of an interface carry the same fields (the request lacks none of them).
    out.NetworkInterfaces = [primary, ...others] as RequestLaunchTemplateData['NetworkInterfaces'];
  }
  if (desired.tenancy !== undefined || desired.hostId !== undefined || desired.hostResourceGroupArn !== undefined) {
    out.Placement = {
      ...data.Placement,
      ...desired.tenancy !== undefined ? { Tenancy: desired.tenancy as 'default' } : {},
      ...desired.hostId !== undefined ? { HostId: desired.hostId } : {},
      ...desired.hostResourceGroupArn !== undefined ? { HostResourceGroupArn: desired.hostResourceGroupArn } : {},
    };
  }
  return out;
}
