import { findRule, RULE_IDS, RULES } from '../../rules/catalog';
import { Rule } from '../../rules/definition';
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
    const wanted = String(id).trim().toUpperCase();
    const near = RULE_IDS.filter((known) => known.startsWith(wanted.replace(/\d+$/, '')) && /\d$/.test(known)).slice(0, 12);
    throw new UsageError(`${id} is not a rule id${near.length > 0 ? `: did you mean ${near.join(', ')}?` : ': `cdk-sms rules` lists them'}`);
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
