import { Severity } from '../assessment/rule';
import { PlanTarget } from '../plan/model/plan';

/*
 * What an organisation rule pack must look like, checked by its shape alone: a pack file loaded by the
 * `cdk-sms` command requires its own copy of the library, whose classes are not the command's, so
 * nothing here relies on `instanceof`.
 */

/** An organisation's rule id: capital letters and digits, a hyphen, capital letters and digits. */
export const ORGANIZATION_RULE_ID = /^[A-Z][A-Z0-9]*-[A-Z0-9]+$/;

/** The prefixes of the library's own rules. */
const SHIPPED_PREFIX = /^(SMS|MGN)-/;

/** Severities from the least to the most serious. */
const SEVERITY_ORDER: readonly Severity[] = [Severity.INFO, Severity.WARNING, Severity.ERROR];

/** The rank of a severity (info 0, warning 1, error 2), or -1 for anything else. */
export function severityRank(severity: unknown): number {
  return SEVERITY_ORDER.indexOf(severity as Severity);
}

/** The severities as a message lists them. */
export const SEVERITIES_TEXT = SEVERITY_ORDER.map((s) => `Severity.${s.toUpperCase()}`).join(', ');

/** A value as a message quotes it: short, and safe for one line. */
export function shown(value: unknown): string {
  if (typeof value === 'function') {
    return 'a function';
  }
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Why an id cannot be an organisation rule's id, or undefined when it can. */
export function organizationIdProblem(id: unknown): string | undefined {
  if (typeof id !== 'string' || !ORGANIZATION_RULE_ID.test(id)) {
    return `id ${shown(id)} is not a rule id: write capital letters and digits, a hyphen, capital letters and digits, such as ORG-WIN2008`;
  }
  if (SHIPPED_PREFIX.test(id)) {
    return `id ${id} uses the prefix of the library's own rules (SMS-, MGN-): give the organisation's rules a prefix of their own, such as ORG-`;
  }
  return undefined;
}

/** Every problem with a VM rule's catalogue entry and check, each starting with `where`. */
export function vmRuleProblems(rule: unknown, where: string): string[] {
  if (rule === null || typeof rule !== 'object') {
    return [`${where} is ${shown(rule)}, not a rule: an object with id, section, severity, title, explanation, remediation and check(vm)`];
  }
  const r = rule as Record<string, unknown>;
  const named = typeof r.id === 'string' ? `${where} ${r.id}` : where;
  const problems: string[] = [];
  const idProblem = organizationIdProblem(r.id);
  if (idProblem !== undefined) {
    problems.push(`${where}: ${idProblem}`);
  }
  for (const field of ['section', 'title', 'explanation', 'remediation']) {
    if (!isText(r[field])) {
      problems.push(`${named}: ${field} must be a text that is not empty, got ${shown(r[field])}`);
    }
  }
  if (severityRank(r.severity) < 0) {
    problems.push(`${named}: severity must be one of ${SEVERITIES_TEXT}, got ${shown(r.severity)}`);
  }
  if (r.hard !== undefined && typeof r.hard !== 'boolean') {
    problems.push(`${named}: hard must be true or false, got ${shown(r.hard)}`);
  }
  if (typeof r.check !== 'function') {
    problems.push(`${named}: check must be a function of the VM that returns pass, fail, unknown or n/a, got ${shown(r.check)}`);
  }
  return problems;
}

const TARGETS: readonly string[] = Object.values(PlanTarget);

/**
 * Every problem with an object that should be an organisation rule pack (`IOrganizationRulePack`):
 * its name, targets, rules, severity raises, unacknowledgeable rules and defaults.
 */
export function packShapeProblems(value: unknown): string[] {
  if (value === null || typeof value !== 'object') {
    return [`${shown(value)} is not an organisation rule pack: expected an OrganizationRulePack (or an object with name, targets, `
      + 'vmRules, severityRaises and unacknowledgeableRules)'];
  }
  const p = value as Record<string, unknown>;
  if (!isText(p.name)) {
    return [`${shown(value)} is not an organisation rule pack: expected an OrganizationRulePack, whose name is a text that is not empty`];
  }
  const problems: string[] = [];
  const where = `rule pack ${p.name}`;
  if (!Array.isArray(p.targets) || p.targets.length === 0 || p.targets.some((t) => !TARGETS.includes(t as string))) {
    problems.push(`${where}: targets must be a list of one or more of ${TARGETS.join(', ')}, got ${shown(p.targets)}`);
  }
  if (!Array.isArray(p.vmRules)) {
    problems.push(`${where}: vmRules must be a list of rules, got ${shown(p.vmRules)}`);
  } else {
    const seen = new Set<string>();
    p.vmRules.forEach((rule, index) => {
      problems.push(...vmRuleProblems(rule, `${where}: vmRules[${index}]`));
      const id = (rule as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && seen.has(id)) {
        problems.push(`${where}: rule id ${id} is declared twice`);
      }
      seen.add(String(id));
    });
  }
  if (!Array.isArray(p.severityRaises)
    || p.severityRaises.some((r) => r === null || typeof r !== 'object' || typeof r.ruleId !== 'string' || severityRank(r.severity) < 0)) {
    problems.push(`${where}: severityRaises must be a list of { ruleId, severity } with severity one of ${SEVERITIES_TEXT}, got ${shown(p.severityRaises)}`);
  }
  if (!Array.isArray(p.unacknowledgeableRules) || p.unacknowledgeableRules.some((id) => typeof id !== 'string')) {
    problems.push(`${where}: unacknowledgeableRules must be a list of rule ids, got ${shown(p.unacknowledgeableRules)}`);
  }
  if (p.defaults !== undefined && (p.defaults === null || typeof p.defaults !== 'object' || Array.isArray(p.defaults))) {
    problems.push(`${where}: defaults must be the plan's defaults (an object with replication and mgn), got ${shown(p.defaults)}`);
  }
  return problems;
}
