import { compareVersions, matchRanges, parseVersion, VersionRange } from '../../../private/version';
import { fail, pass, RuleResult, Severity, unknown } from '../../../assessment/rule';

/**
 * Where vCenter and ESXi versions stand for the SMS connector (SMS-CON1, SMS-CON2). Not a rule: the
 * judgement both rules share, so a vCenter and an ESXi host of the same version always agree.
 */

/** The vSphere releases SMS was validated with: 5.1 up to 6.5 (their updates included). */
const VALIDATED: VersionRange = { from: '5.1', to: '6.5' };

/** What passes, as messages write it. */
export const VSPHERE_SUPPORTED = 'supported: 5.1 or higher, validated up to 6.5';

/** Where one vSphere version stands. */
export enum VsphereBand {
  /** Below 5.1: the connector does not support it. */
  UNSUPPORTED = 'unsupported',
  /** 5.1 to 6.5, updates of 6.5 (6.5.0, 6.5 U2) included. */
  VALIDATED = 'validated',
  /** Above 6.5: supported in principle, never validated by AWS. */
  NOT_VALIDATED = 'not-validated',
  /** The text holds no version number. */
  UNREADABLE = 'unreadable',
  /** Only a major version (`5`, `6`) whose releases fall on both sides of a limit. */
  AMBIGUOUS = 'ambiguous',
}

/**
 * Places a vCenter or ESXi version.
 *
 * Only the major and minor components count: the page validates "6.5", and 6.5 U3 or 6.5.0 build 123
 * are that release. A bare major version stands for all its minor releases, so `7` (all above 6.5) is
 * not validated, `4` is unsupported, and `5` or `6` (some releases each side of a limit) are ambiguous.
 */
export function vsphereBand(text: string): VsphereBand {
  const version = parseVersion(text);
  if (version === undefined) {
    return VsphereBand.UNREADABLE;
  }
  const match = matchRanges(version, [VALIDATED]);
  if (match === 'inside') {
    return VsphereBand.VALIDATED;
  }
  if (match === 'ambiguous') {
    return VsphereBand.AMBIGUOUS;
  }
  return compareVersions(version, parseVersion(VALIDATED.from)!) < 0 ? VsphereBand.UNSUPPORTED : VsphereBand.NOT_VALIDATED;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function verb(items: readonly string[], one: string, many: string): string {
  return items.length === 1 ? one : many;
}

/**
 * Judges every version of one product (`vCenter` or `ESXi`) in one result.
 *
 * An unsupported version fails at error; otherwise a version that cannot be judged makes the result
 * unknown (it may be unsupported); otherwise a version above 6.5 fails at warning. Every offending
 * version is named, each once.
 *
 * @param product how messages name the product
 * @param field the connector field the versions come from, named when one cannot be judged
 * @param versions the versions as written in the plan
 */
export function judgeVsphereVersions(product: string, field: string, versions: readonly string[]): RuleResult {
  const byBand = new Map<VsphereBand, string[]>();
  for (const raw of versions) {
    const text = String(raw).trim();
    const band = vsphereBand(text);
    const list = byBand.get(band) ?? [];
    if (!list.includes(text)) {
      list.push(text);
    }
    byBand.set(band, list);
  }
  const unsupported = byBand.get(VsphereBand.UNSUPPORTED) ?? [];
  const notValidated = byBand.get(VsphereBand.NOT_VALIDATED) ?? [];
  const unreadable = byBand.get(VsphereBand.UNREADABLE) ?? [];
  const ambiguous = byBand.get(VsphereBand.AMBIGUOUS) ?? [];

  const parts: string[] = [];
  if (unsupported.length > 0) {
    parts.push(`${product} ${joinList(unsupported)} ${verb(unsupported, 'is', 'are')} not supported`);
  }
  if (notValidated.length > 0) {
    parts.push(`${product} ${joinList(notValidated)} ${verb(notValidated, 'is', 'are')} above 6.5 and not validated with SMS`);
  }
  if (unreadable.length > 0) {
    const quoted = unreadable.map((t) => `"${t}"`);
    parts.push(`${field} ${joinList(quoted)} ${verb(quoted, 'holds', 'hold')} no version number`);
  }
  if (ambiguous.length > 0) {
    parts.push(`${product} ${joinList(ambiguous)} ${verb(ambiguous, 'does', 'do')} not say which minor release (${field}, such as 6.5)`);
  }
  const message = `${parts.join('; ')} (${VSPHERE_SUPPORTED})`;

  if (unsupported.length > 0) {
    return fail(message);
  }
  if (unreadable.length > 0 || ambiguous.length > 0) {
    return unknown(message);
  }
  if (notValidated.length > 0) {
    return fail(message, Severity.WARNING);
  }
  return pass();
}
