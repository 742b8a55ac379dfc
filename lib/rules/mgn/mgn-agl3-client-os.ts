import { describeOs, OsName, osName } from '../../plan/model/os';
import { ConnectorContext, fail, pass, RuleResult, unknown } from '../../assessment/rule';
import { matchRanges, parseVersion, VersionRange } from '../../private/version';
import { MgnConnectorContext } from './context';
import { vcenterClientGate } from './facts/vcenter-client';

const SUPPORTED_TEXT = 'supported: Ubuntu 18.04-22.04, Amazon Linux 2 or RHEL 8.x';

/** Ubuntu releases from 18.04 to 22.04, interim releases included; a point release (20.04.6) is its base. */
const UBUNTU: readonly VersionRange[] = [{ from: '18.04', to: '22.04' }];

/** The one major each other distribution is supported on. */
const MAJOR: Readonly<Record<string, number>> = {
  [OsName.AMAZON_LINUX]: 2,
  [OsName.RHEL]: 8,
};

/**
 * [agentless] The vCenter Client VM (`clientOs`) runs Ubuntu 18.04 to 22.04, Amazon Linux 2 or any
 * RHEL 8 release.
 *
 * Names fold as the VM's OS names do (`Amazon Linux`, `Red Hat Enterprise Linux`). Amazon Linux and
 * RHEL are judged by major version; Ubuntu by YY.MM, a bare year (`20`) being unknown within the range.
 * Unknown when `clientOs`, its name or its version is missing, or the
 * version holds no number. n/a for a connector that serves no agentless VM or is not `vmware`.
 */
export function vcenterClientOs(ctx: ConnectorContext): RuleResult {
  const gate = vcenterClientGate(ctx as MgnConnectorContext);
  if (gate) {
    return gate;
  }
  const os = ctx.connector.clientOs;
  const name = osName(os);
  if (os === undefined || name === undefined) {
    return unknown(`the vCenter Client's OS is not recorded (clientOs.name; ${SUPPORTED_TEXT})`);
  }
  const described = describeOs(os);
  if (name !== OsName.UBUNTU && MAJOR[name] === undefined) {
    return fail(`the vCenter Client runs ${described} (clientOs): ${SUPPORTED_TEXT}`);
  }
  const text = os.version == null ? '' : String(os.version).trim();
  if (text === '') {
    return unknown(`the version of the vCenter Client's ${described} is not recorded (clientOs.version; ${SUPPORTED_TEXT})`);
  }
  const version = parseVersion(text);
  if (version === undefined) {
    return unknown(`clientOs.version "${text}" holds no version number (${SUPPORTED_TEXT})`);
  }
  if (name === OsName.UBUNTU) {
    const match = matchRanges(version, UBUNTU);
    if (match === 'ambiguous') {
      return unknown(`${described} does not say which release (clientOs.version, such as 22.04; ${SUPPORTED_TEXT})`);
    }
    return match === 'inside' ? pass() : fail(`the vCenter Client runs ${described} (clientOs): ${SUPPORTED_TEXT}`);
  }
  return version[0] === MAJOR[name] ? pass() : fail(`the vCenter Client runs ${described} (clientOs): ${SUPPORTED_TEXT}`);
}
