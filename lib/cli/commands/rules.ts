import { findRule, knownRuleIds, rulePackFor } from '../../rules/packs';
import { RuleInfo, RuleSubject } from '../../assessment/rule-info';
import { composeRulePack } from '../../organization/compose';
import { IOrganizationRulePack } from '../../organization/organization-rule-pack';
import { closest } from '../../plan/load/suggest';
import { loadPackFiles } from '../pack-files';
import { PlanTarget } from '../../plan/model/plan';
import { CliIo, UsageError } from '../io';

/** The targets a command may name, as `--target` takes them. */
export const TARGETS: readonly string[] = Object.values(PlanTarget);

/** A `--target` value as a target, or a usage error naming the choices. */
export function targetOption(value: string | undefined): PlanTarget | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!TARGETS.includes(value)) {
    throw new UsageError(`--target ${value} is not a target: use one of ${TARGETS.join(', ')}`);
  }
  return value as PlanTarget;
}

/** The pack of the organisation rule pack that declares a rule, by rule id. */
function declaringPacks(packs: readonly IOrganizationRulePack[]): Map<string, string> {
  return new Map(packs.flatMap((pack) => pack.vmRules.map((rule) => [rule.id, pack.name] as const)));
}

/**
 * `cdk-sms rules`: one pack's catalogue (SMS unless `--target` says otherwise), one line per rule, or JSON;
 * with `--pack`, as the organisation packs make it (their rules after the service's, severities raised,
 * rules made unacknowledgeable).
 */
export function rulesCommand(
  options: { readonly format: string; readonly target?: string; readonly pack?: readonly string[] }, io: CliIo,
): number {
  if (options.format !== 'json' && options.format !== 'table') {
    throw new UsageError(`--format ${options.format} is not a format for rules: use table or json`);
  }
  const { packs } = loadPackFiles(options.pack);
  const composed = composeRulePack(rulePackFor(targetOption(options.target)), packs);
  const pack = composed.pack;
  const rules = pack.rules;
  const declaredBy = declaringPacks(packs);
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(rules.map((rule) => ruleInfo(rule, declaredBy.get(rule.id))), null, 2)}\n`);
    return 0;
  }
  const width = Math.max(11, ...rules.map((r) => r.id.length + 1));
  const lines = [`${'ID'.padEnd(width)}${'SEVERITY'.padEnd(9)}${'HARD'.padEnd(5)}TITLE`];
  for (const rule of rules) {
    lines.push(`${rule.id.padEnd(width)}${rule.severity.padEnd(9)}${(rule.hard ? 'yes' : '').padEnd(5)}${rule.title}`);
  }
  const other = pack.target === PlanTarget.SMS ? 'mgn' : 'sms';
  const organization = composed.names.length > 0
    ? ` and the organisation rule pack${composed.names.length === 1 ? '' : 's'} ${composed.names.join(', ')}` : '';
  lines.push('', `${rules.length} rules of ${pack.service}${organization}. \`cdk-sms explain <id>\` tells more about one; `
    + `\`cdk-sms rules --target ${other}\` lists the other pack.`);
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

/** How `explain` and the rules doc say what a rule judges. */
export function subjectText(subject: RuleSubject): string {
  switch (subject) {
    case RuleSubject.VM:
      return 'each VM';
    case RuleSubject.CONNECTOR:
      return 'each connector';
    default:
      return 'the plan\'s network, once';
  }
}

/** A rule as the organisation packs make it, in the first service's pack that has it (SMS, then MGN). */
function organizationRule(id: string, packs: readonly IOrganizationRulePack[]): RuleInfo | undefined {
  const wanted = String(id).trim().toUpperCase();
  for (const target of [PlanTarget.SMS, PlanTarget.MGN]) {
    const found = composeRulePack(rulePackFor(target), packs).pack.rules.find((rule) => rule.id === wanted);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

/** `cdk-sms explain ID`: everything about one rule; with `--pack`, as the organisation packs make it. */
export function explainCommand(id: string, io: CliIo, options: { readonly pack?: readonly string[] } = {}): number {
  const { packs } = loadPackFiles(options.pack);
  const rule = packs.length > 0 ? organizationRule(id, packs) : findRule(id);
  if (!rule) {
    const organizationIds = [...declaringPacks(packs).keys()];
    const near = organizationIds.length > 0 ? closest(String(id).trim().toUpperCase(), organizationIds) : undefined;
    throw new UsageError(near !== undefined ? `${id} is not a rule id: did you mean ${near}?` : unknownRuleMessage(id));
  }
  const declaredBy = declaringPacks(packs).get(rule.id);
  const hardWhy = rule.hardBy !== undefined ? `the ${rule.hardBy} rule pack makes it unacknowledgeable` : `${servicePrefix(rule.id)} itself rejects it`;
  const lines = [
    `${rule.id}: ${rule.title}`,
    '',
    `Section:     ${rule.section}`,
    ...(declaredBy !== undefined ? [`Pack:        ${declaredBy} (an organisation rule pack)`] : []),
    `Applies to:  ${subjectText(rule.subject)}`,
    `Severity:    ${rule.severity}${rule.hard ? ` (hard: a failure cannot be acknowledged, ${hardWhy})` : ''}`,
    '',
    'Why:',
    `  ${rule.explanation}`,
    '',
    'What to do:',
    `  ${rule.remediation}`,
  ];
  if (!rule.hard || rule.severity !== 'error') {
    lines.push('', 'To accept a finding, acknowledge it in the plan with a reason:',
      `  "acknowledge": [ { "rule": "${rule.id}", "reason": "why this is acceptable" } ]`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

/** `SMS` for SMS-OS1, `MGN` for MGN-OS1. */
function servicePrefix(id: string): string {
  return id.slice(0, id.indexOf('-'));
}

function ruleInfo(rule: RuleInfo, pack: string | undefined): object {
  return {
    id: rule.id, section: rule.section, severity: rule.severity, hard: rule.hard, ...(rule.hardBy !== undefined ? { hardBy: rule.hardBy } : {}),
    subject: rule.subject, title: rule.title, explanation: rule.explanation, remediation: rule.remediation, ...(pack !== undefined ? { pack } : {}),
  };
}

/** Rule families in catalogue order, with their id ranges: `SMS-OS1..10`. */
function ruleFamilies(ids: readonly string[]): Map<string, string[]> {
  const families = new Map<string, string[]>();
  for (const known of ids) {
    const family = known.replace(/\d+$/, '');
    families.set(family, [...(families.get(family) ?? []), known]);
  }
  return families;
}

/** Edit distance between two ids (insertions, deletions and substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Why an id names no rule, and what it probably meant: the id with the `SMS-` (or `MGN-`) prefix it
 * lacks, the nearest ids (one edit away), the rules of the family it names, or else every family's
 * range. An id without a prefix is looked up in the SMS pack first, as plans without a target are.
 */
function unknownRuleMessage(id: string): string {
  const given = String(id).trim().toUpperCase();
  // `OS2`, `sms_os2`, `SMSOS2` all mean SMS-OS2; `mgn_os2` means MGN-OS2.
  const prefix = /^MGN[-_ ]?/.test(given) ? 'MGN' : 'SMS';
  const wanted = `${prefix}-${given.replace(/^(SMS|MGN)[-_ ]?/, '')}`;
  const ids = [...knownRuleIds()];
  const packIds = ids.filter((known) => known.startsWith(`${prefix}-`));
  const families = ruleFamilies(packIds);
  let near: string[] = [];
  if (findRule(wanted)) {
    near = [wanted];
  } else if (given !== '') {
    const scored = packIds.map((known) => ({ known, d: distance(known, wanted) }));
    const best = Math.min(...scored.map((s) => s.d));
    const family = families.get(wanted.replace(/\d+$/, ''));
    if (best <= 1 && /\d$/.test(wanted)) {
      near = scored.filter((s) => s.d === best).map((s) => s.known);
    } else if (family) {
      near = family;
    } else if (best <= 2) {
      near = scored.filter((s) => s.d === best).map((s) => s.known);
    }
  }
  const shown = id === '' ? '""' : id;
  if (near.length > 0) {
    return `${shown} is not a rule id: did you mean ${near.slice(0, 12).join(', ')}?`;
  }
  const ranges = [...families.entries()].map(([family, ids]) => (ids.length === 1 ? ids[0]
    : `${ids[0]}..${ids[ids.length - 1].slice(family.length)}`));
  return `${shown} is not a rule id: ids are ${ranges.join(', ')} (\`cdk-sms rules${prefix === 'MGN' ? ' --target mgn' : ''}\` lists them)`;
}
