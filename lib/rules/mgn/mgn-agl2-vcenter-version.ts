import { ConnectorContext, fail, pass, RuleResult, unknown } from '../../assessment/rule';
import { parseVersion } from '../../private/version';
import { MgnConnectorContext } from './context';
import { vcenterClientGate } from './facts/vcenter-client';

/** The vCenter releases the vCenter Client supports, as major.minor. */
const SUPPORTED: readonly string[] = ['6.7', '7.0', '8.0'];

const SUPPORTED_TEXT = 'supported: vCenter 6.7, 7.0 or 8.0 (any update)';

/** Majors whose every release is one supported release: vCenter 7 and 8 shipped only as 7.0 and 8.0. */
const SINGLE_RELEASE_MAJORS: ReadonlySet<number> = new Set([7, 8]);

/** The one major with supported and unsupported releases: 6.0 and 6.5 are out, 6.7 is in. */
const MIXED_MAJOR = 6;

/**
 * [agentless] A vCenter Client's vCenter (`vcenterVersion`) is 6.7, 7.0 or 8.0, judged by major.minor:
 * updates and patch levels count as their release (7.0.3, 7.0 U3 and 8.0 U2 pass).
 *
 * A bare major reads as its releases: `7` and `8` pass (each has one release), `6` is unknown (6.0,
 * 6.5 and 6.7 differ), any other fails. Unknown when the version is missing or holds no number. n/a
 * for a connector that serves no agentless VM or is not `vmware`.
 */
export function agentlessVcenterVersion(ctx: ConnectorContext): RuleResult {
  const gate = vcenterClientGate(ctx as MgnConnectorContext);
  if (gate) {
    return gate;
  }
  const raw = ctx.connector.vcenterVersion;
  const text = raw == null ? '' : String(raw).trim();
  if (text === '') {
    return unknown(`the vCenter version is not recorded (vcenterVersion; ${SUPPORTED_TEXT})`);
  }
  const parts = parseVersion(text);
  if (parts === undefined) {
    return unknown(`vcenterVersion "${text}" holds no version number (${SUPPORTED_TEXT})`);
  }
  const [major, minor] = parts;
  if (minor === undefined) {
    if (SINGLE_RELEASE_MAJORS.has(major)) {
      return pass();
    }
    if (major === MIXED_MAJOR) {
      return unknown(`vCenter ${text} does not say which minor release (vcenterVersion, such as 6.7; ${SUPPORTED_TEXT})`);
    }
    return fail(`vCenter ${text} is not supported by the vCenter Client (vcenterVersion; ${SUPPORTED_TEXT})`);
  }
  if (SUPPORTED.includes(`${major}.${minor}`)) {
    return pass();
  }
  return fail(`vCenter ${text} is not supported by the vCenter Client (vcenterVersion; ${SUPPORTED_TEXT})`);
}
