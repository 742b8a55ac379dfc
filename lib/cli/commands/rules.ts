import { findRule, RULE_IDS, RULES } from '../../rules';
import { Rule } from '../../assessment/rule-pack';
import { CliIo, UsageError } from '../io';

/** `cdk-sms rules`: the catalogue, one line per rule, or JSON. */
export function rulesCommand(options: { readonly format: string }, io: CliIo): number {
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(RULES.map(ruleInfo), null, 2)}\n`);
    return 0;
  }
  if (options.format !== 'table') {
    throw new UsageError(`--format ${options.format} is not a format for rules: use table or json`);
  }
  const lines = [`${'ID'.padEnd(11)}${'SEVERITY'.padEnd(9)}${'HARD'.padEnd(5)}TITLE`];
  for (const rule of RULES) {
    lines.push(`${rule.id.padEnd(11)}${rule.severity.padEnd(9)}${(rule.hard ? 'yes' : '').padEnd(5)}${rule.title}`);
  }
  lines.push('', `${RULES.length} rules. \`cdk-sms explain <id>\` tells more about one.`);
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
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
    `Applies to:  ${rule.subject === 'vm' ? 'each VM' : 'each connector'}`,
    `Severity:    ${rule.severity}${rule.hard ? ' (hard: a failure cannot be acknowledged, SMS itself rejects it)' : ''}`,
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

function ruleInfo(rule: Rule): object {
  return {
    id: rule.id, section: rule.section, severity: rule.severity, hard: rule.hard, subject: rule.subject,
    title: rule.title, explanation: rule.explanation, remediation: rule.remediation,
  };
}

/** Rule families in catalogue order, with their id ranges: `SMS-OS1..10`. */
function ruleFamilies(): Map<string, string[]> {
  const families = new Map<string, string[]>();
  for (const known of RULE_IDS) {
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
 * Why an id names no rule, and what it probably meant: the id with the `SMS-` prefix it lacks, the
 * nearest ids (one edit away), the rules of the family it names, or else every family's range.
 */
function unknownRuleMessage(id: string): string {
  const given = String(id).trim().toUpperCase();
  // `OS2`, `sms_os2`, `SMSOS2` all mean SMS-OS2.
  const wanted = `SMS-${given.replace(/^SMS[-_ ]?/, '')}`;
  const families = ruleFamilies();
  let near: string[] = [];
  if (findRule(wanted)) {
    near = [wanted];
  } else if (given !== '') {
    const scored = RULE_IDS.map((known) => ({ known, d: distance(known, wanted) }));
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
  return `${shown} is not a rule id: ids are ${ranges.join(', ')} (\`cdk-sms rules\` lists them)`;
}
