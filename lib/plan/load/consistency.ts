import { formatPlanPath, PlanPath } from '../source/plan-path';
import { closest } from './suggest';
import { TextPosition } from '../source/text-position';

/** A problem with the plan as a whole that the schema cannot see. */
export interface ConsistencyProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

const RULE_ID = /^(SMS|MGN)-[A-Z]+[0-9]+$/;
const MAX_LISTED = 10;

function entries(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED).join(', ');
  return names.length > MAX_LISTED ? `${shown} and ${names.length - MAX_LISTED} more` : shown;
}

/**
 * Checks what the schema cannot: names unique among VMs, among connectors and among waves, every VM's `connector`
 * declared, and (when `ruleIds` is given) every acknowledged rule id a real rule. Works on data that may
 * have failed the schema, skipping whatever is not the expected shape, so its problems are reported
 * together with the schema's. `locate` lets a duplicate name the line of the first occurrence.
 */
export function consistencyProblems(
  data: unknown,
  ruleIds: ReadonlySet<string> | undefined,
  locate: (path: PlanPath) => TextPosition | undefined,
): ConsistencyProblem[] {
  const problems: ConsistencyProblem[] = [];
  const vms = entries(field(data, 'vms'));
  const connectorsValue = field(data, 'connectors');
  const connectors = entries(connectorsValue);

  const uniqueNames = (list: unknown[], section: string, noun: string): string[] => {
    const first = new Map<string, number>();
    list.forEach((item, index) => {
      const name = field(item, 'name');
      if (typeof name !== 'string' || name === '') {
        return;
      }
      const earlier = first.get(name);
      if (earlier === undefined) {
        first.set(name, index);
        return;
      }
      const earlierPath: PlanPath = [section, earlier, 'name'];
      const line = locate(earlierPath)?.line;
      const where = line === undefined ? formatPlanPath(earlierPath) : `${formatPlanPath(earlierPath)}, line ${line}`;
      problems.push({ path: [section, index, 'name'], message: `duplicate ${noun} name "${name}" (also at ${where})` });
    });
    return [...first.keys()];
  };
  uniqueNames(vms, 'vms', 'VM');
  const declared = uniqueNames(connectors, 'connectors', 'connector');
  uniqueNames(entries(field(data, 'waves')), 'waves', 'wave');

  // A connectors list of the wrong shape is a schema error already; judging references against it would only add noise.
  if (connectorsValue === undefined || Array.isArray(connectorsValue)) {
    const known = new Set(declared);
    vms.forEach((vm, index) => {
      const connector = field(vm, 'connector');
      if (typeof connector !== 'string' || known.has(connector)) {
        return;
      }
      let message = `connector "${connector}" is not declared`;
      if (declared.length === 0) {
        message += ' (the plan declares no connectors)';
      } else {
        const near = closest(connector, declared);
        message += near ? ` (did you mean "${near}"? declared: ${listed(declared)})` : ` (declared: ${listed(declared)})`;
      }
      problems.push({ path: ['vms', index, 'connector'], message });
    });
  }

  if (ruleIds) {
    const checkAcks = (list: unknown, at: (string | number)[]): void => {
      entries(list).forEach((ack, index) => {
        const rule = field(ack, 'rule');
        // Ids of the wrong shape are schema errors already; ids of another prefix are an organisation rule
        // pack's, checked by whoever loads the packs (a Migration, `cdk-sms assess --pack`).
        if (typeof rule === 'string' && RULE_ID.test(rule) && !ruleIds.has(rule)) {
          const near = closest(rule, ruleIds);
          problems.push({
            path: [...at, index, 'rule'],
            message: `"${rule}" is not a rule id${near ? ` (did you mean "${near}"?)` : ''}`,
          });
        }
      });
    };
    checkAcks(field(data, 'acknowledge'), ['acknowledge']);
    vms.forEach((vm, index) => checkAcks(field(vm, 'acknowledge'), ['vms', index, 'acknowledge']));
  }
  return problems;
}
