import { findRule, knownRuleIds, rulePackFor } from '../../rules';
import { Rule, RuleSubject } from '../../assessment/rule-pack';
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

/** `cdk-sms rules`: one pack's catalogue (SMS unless `--target` says otherwise), one line per rule, or JSON. */
export function rulesCommand(options: { readonly format: string; readonly target?: string }, io: CliIo): number {
  const pack = rulePackFor(targetOption(options.target));
  const rules = pack.rules;
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(rules.map(ruleInfo), null, 2)}\n`);
    return 0;
  }
  if (options.format !== 'table') {
    throw new UsageError(`--format ${options.format} is not a format for rules: use table or json`);
  }
  const width = Math.max(11, ...rules.map((r) => r.id.length + 1));
  const lines = [`${'ID'.padEnd(width)}${'SEVERITY'.padEnd(9)}${'HARD'.padEnd(5)}TITLE`];
  for (const rule of rules) {
    lines.push(`${rule.id.padEnd(width)}${rule.severity.padEnd(9)}${(rule.hard ? 'yes' : '').padEnd(5)}${rule.title}`);
  }
  const other = pack.target === PlanTarget.SMS ? 'mgn' : 'sms';
  lines.push('', `${rules.length} rules of ${pack.service}. \`cdk-sms explain <id>\` tells more about one; `
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

/** `cdk-sms explain ID`: everything about one rule. */
export function explainCommand(id: string, io: CliIo): number {
  const rule = findRule(id);
  if (!rule) {
    throw new UsageError(unknownRuleMessage(id));
  }
  const lines = [
    `${rule.id}: ${rule.title}`,
    '',
    `Section:     ${rule.section}`,
    `Applies to:  ${subjectText(rule.subject)}`,
    `Severity:    ${rule.severity}${rule.hard ? ` (hard: a failure cannot be acknowledged, ${servicePrefix(rule.id)} itself rejects it)` : ''}`,
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

function ruleInfo(rule: Rule): object {
  return {
    id: rule.id, section: rule.section, severity: rule.severity, hard: rule.hard, subject: rule.subject,
    title: rule.title, explanation: rule.explanation, remediation: rule.remediation,
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
