import * as path from 'path';
import {
  CfnResource, IPolicyValidationContextBeta1, IPolicyValidationPluginBeta1, PolicyValidationPluginReportBeta1, PolicyViolationBeta1, Stack, Stage,
} from 'aws-cdk-lib';
import { Finding, PlanAssessment } from '../assessment/types';
import { cdkSuppressesAcknowledgedViolations, PLUGIN_MARK, PLUGIN_NAME } from './cdk-acknowledgements';
import { IAssessedScope } from './assessed-scope';
import { scopesBesideTemplate } from './synthesized-scopes';
import { IConstruct } from 'constructs';
import { toolVersion } from '../report/source';
import { assessedRule, knownRuleIds } from '../rules/packs';
import { Severity } from '../assessment/rule';

/** A violating resource, as the plugin reports it. */
interface Resource {
  readonly resourceLogicalId: string;
  readonly templatePath: string;
  readonly locations: string[];
}

/**
 * Offers the assessment of every `Migration` through CDK's validation plugin interface, so that its
 * findings appear in the validation report CDK prints and writes (`validation-report.json` in the
 * cloud assembly), beside those of other plugins such as cdk-nag or CloudFormation Guard.
 *
 * Each unacknowledged error, warning and unknown of a VM whose job the app deploys is a violation on
 * that job's resource, with the rule id, the fact judged and the fix; a connector's is a violation on
 * the jobs of the VMs that use it, and the network's (MGN) on every job. Any error fails synthesis, after the whole report is shown: while
 * the plugin is registered, a `Migration` leaves its errors to it instead of failing its own
 * validation first (except a hard rule's error someone tried to acknowledge, which no report may hide).
 *
 * Acknowledgements work both ways. One written in the plan (or with `Migration.acknowledge()`) is
 * recorded as a CDK acknowledgement on the job, so CDK's report lists the finding as acknowledged with
 * its reason instead of as a violation. One recorded with
 * `Validations.of(scope).acknowledge({ id: 'cdk-sms-migration::SMS-NET1', reason })` on a job, a wave
 * stack, the migration or the app counts as an acknowledgement of the plan for the VMs below that
 * construct: the report files show it with its reason, and a hard rule's error is refused as in a plan.
 *
 * @example
 * const app = new App();
 * Validations.of(app).addPlugins(new SmsAssessmentPlugin());   // or new App({ policyValidationBeta1: [...] })
 * new Migration(app, 'Migration', { plan: MigrationPlan.fromFile('plan.json') });
 */
export class SmsAssessmentPlugin implements IPolicyValidationPluginBeta1 {
  /** The name CDK's report shows, and the namespace of the rule ids in CDK acknowledgements. */
  public readonly name: string = PLUGIN_NAME;

  /**
   * The version of this library (optional only because it is in the interface CDK defines).
   *
   * @default - always set
   */
  public readonly version?: string = toolVersion();

  /**
   * Every rule id of every pack (optional only because it is in the interface CDK defines).
   *
   * @default - always set
   */
  public readonly ruleIds?: string[] = [...knownRuleIds()];

  constructor() {
    Object.defineProperty(this, PLUGIN_MARK, { value: true });
  }

  /** Reports the findings of the migrations (and assessed jobs) whose stacks are among the templates validated. */
  public validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const templates = new Set(context.templatePaths.map((p) => path.resolve(p)));
    const migrations = new Set(context.templatePaths.flatMap(scopesBesideTemplate));
    const withAcknowledged = cdkSuppressesAcknowledgedViolations();
    const violations: PolicyViolationBeta1[] = [];
    let acknowledged = 0;
    let failed = false;
    for (const migration of migrations) {
      const assessment = migration.assess();
      const resources = new Map<string, Resource>();
      for (const [vmName, job] of migration._jobsByVm) {
        const resource = jobResource(job, templates);
        if (resource) {
          resources.set(vmName, resource);
        }
      }
      const report = (subject: string, finding: Finding, on: Resource[]): void => {
        if (finding.severity === Severity.INFO || on.length === 0) {
          return;
        }
        if (finding.acknowledged) {
          acknowledged += 1;
          if (!withAcknowledged) {
            return;
          }
        } else if (finding.severity === Severity.ERROR) {
          failed = true;
        }
        violations.push(violation(migration, assessment, subject, finding, on));
      };
      for (const vm of assessment.vms) {
        const resource = resources.get(vm.name);
        for (const finding of vm.findings) {
          report(`VM ${vm.name}`, finding, resource ? [resource] : []);
        }
      }
      for (const connector of assessment.connectors) {
        const users = assessment.vms.filter((vm) => vm.vm.connector === connector.name && resources.has(vm.name));
        // A connector no deployed VM names still replicates this migration's VMs if any VM lacks a connector.
        const on = (users.length > 0 ? users.map((vm) => resources.get(vm.name)!) : [...resources.values()]);
        // CDK records acknowledgements per construct: a connector has no construct of its own to record
        // one on, so an acknowledged connector finding is left out of CDK's report (the report files keep it).
        for (const finding of connector.findings.filter((f) => !f.acknowledged)) {
          report(`connector ${connector.name}`, finding, on);
        }
      }
      // The network (MGN's staging area) serves every VM: its findings are on every deployed job, and, like a
      // connector's, an acknowledged one is left out of CDK's report (no construct of its own to record it on).
      for (const finding of assessment.network?.findings.filter((f) => !f.acknowledged) ?? []) {
        report('network', finding, [...resources.values()]);
      }
    }
    return {
      success: !failed,
      violations,
      pluginVersion: this.version,
      metadata: {
        migrations: [...migrations].map((m) => m.node.path).join(', ') || 'none',
        acknowledgedFindings: String(acknowledged),
      },
    };
  }
}

/** The job's CloudFormation resource and template, when the template is among those validated. */
function jobResource(job: IConstruct, templates: ReadonlySet<string>): Resource | undefined {
  const stack = Stack.of(job);
  const stage = Stage.of(stack);
  if (!stage) {
    return undefined;
  }
  const templatePath = path.resolve(stage.outdir, stack.templateFile);
  if (!templates.has(templatePath)) {
    return undefined;
  }
  const cfn = job.node.findChild('Resource').node.defaultChild as CfnResource;
  return { resourceLogicalId: stack.resolve(cfn.logicalId), templatePath, locations: ['Properties'] };
}

function violation(migration: IAssessedScope, assessment: PlanAssessment, subject: string, finding: Finding, on: Resource[]): PolicyViolationBeta1 {
  const rule = assessedRule(finding.rule, assessment);
  const refuses = rule?.hardBy !== undefined ? `the ${rule.hardBy} rule pack refuses it` : `${finding.rule.split('-')[0]} refuses this`;
  const kind = finding.outcome === 'unknown' ? 'cannot be decided: ' : '';
  const refused = finding.note !== undefined ? ` (${finding.note})`
    : rule?.hard && finding.severity === Severity.ERROR && finding.outcome === 'fail' ? ` (${finding.rule} is a hard rule: ${refuses}, so it cannot be acknowledged)` : '';
  return {
    ruleName: finding.rule,
    description: `${subject}: ${kind}${finding.message}${refused}`,
    fix: rule?.remediation,
    severity: finding.severity === Severity.ERROR ? 'error' : 'warning',
    ruleMetadata: {
      title: rule?.title ?? finding.rule,
      plan: migration.planSource,
      outcome: finding.outcome,
      ...(finding.reason !== undefined ? { acknowledgementReason: finding.reason } : {}),
    },
    violatingResources: on.map((r) => ({ ...r, locations: [...r.locations] })),
  };
}
