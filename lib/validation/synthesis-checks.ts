import * as path from 'path';
import { Annotations, Aspects, attachCustomSynthesis, IAspect, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { Severity } from '../assessment/rule';
import { cdkAcknowledgements } from './acknowledgements';
import { IAssessedScope } from './assessed-scope';
import { assessmentPluginRegistered, recordCdkAcknowledgement } from './cdk-acknowledgements';
import { refusedAcknowledgementErrors, synthesisFindings } from './synthesis-findings';
import { recordSynthesizedScope } from './synthesized-scopes';

/**
 * How the assessment of a migration, or of a standalone job given its VM's facts, meets synthesis: the
 * one aspect and validation both use, in the manner of cdk-nag's packs.
 *
 * - Errors (of deployed VMs, and of connectors) fail synthesis through the CDK's validation: a
 *   validation on the assessed construct returns them, so `app.synth()` throws and no cloud assembly
 *   is written; so do acknowledgements recorded with CDK's API under this library's namespace that
 *   name no rule.
 * - Warnings become annotations with the rule id (`cdk-sms-migration:SMS-NET1`) on the VM's job (on
 *   the assessed construct's `annotationScope` for connectors and the plan), added once, by the
 *   aspect, when aspects run at synthesis.
 * - While `SmsAssessmentPlugin` is registered, findings go to CDK's validation report instead: the
 *   aspect records the plan's acknowledgements the way CDK records its own, and the validation keeps
 *   only what no report may show as acknowledged (a hard rule's error someone tried to acknowledge).
 * - The report files are written at every synthesis, into the cloud assembly folder, and when
 *   validation fails too (the reports are what a user needs then): into the same folder, which then
 *   holds no cloud assembly, and the last error line says where they are.
 */
export class SynthesisChecks implements IAspect {
  /**
   * Checks an assessed construct at every synthesis.
   *
   * @param writeReports writes the report files into a folder and returns their names: at synthesis, into
   *   the cloud assembly folder, and when the validation fails, into the same folder (without an assembly)
   */
  public static attach(subject: IAssessedScope, writeReports?: (outdir: string) => readonly string[]): void {
    const checks = new SynthesisChecks(subject, writeReports);
    Aspects.of(subject).add(checks);
    subject.node.addValidation({ validate: () => checks.errors() });
    attachCustomSynthesis(subject, {
      onSynthesize: (session) => {
        recordSynthesizedScope(session.outdir, subject);
        writeReports?.(session.outdir);
      },
    });
  }

  private annotated = false;

  private constructor(private readonly subject: IAssessedScope, private readonly writeReports?: (outdir: string) => readonly string[]) {}

  /** Annotates the assessment when the aspect reaches the assessed construct, once. */
  public visit(node: IConstruct): void {
    if (node === this.subject && !this.annotated) {
      this.annotated = true;
      this.annotate();
    }
  }

  private errors(): string[] {
    const subject = this.subject;
    const isDeployed = (vm: string): boolean => subject.isDeployed(vm);
    const unknown = cdkAcknowledgements(subject, subject._jobsByVm, subject.organizationRuleIds).unknownIds.map((rule) => 'an acknowledgement recorded with '
      + `Validations.acknowledge() names ${rule}, which is not a rule id: \`cdk-sms rules\` lists them`);
    // The validation plugin reports every finding, after CDK's validation of the tree: failing here
    // would stop synthesis before its report. A hard rule's error that someone tried to acknowledge
    // stays here, since CDK's report would list it as acknowledged.
    const errors = [...unknown, ...(assessmentPluginRegistered(subject)
      ? refusedAcknowledgementErrors(subject.assess(), isDeployed)
      : synthesisFindings(subject.assess(), isDeployed, subject.planSource).errors)];
    return errors.length > 0 ? [...errors, ...this.reportsOnFailure()] : errors;
  }

  /**
   * Synthesis is about to fail, so no cloud assembly (and no report beside it) will be written: the
   * reports go into the assembly folder all the same, and one more line says where.
   */
  private reportsOnFailure(): string[] {
    const outdir = this.writeReports !== undefined ? Stage.of(this.subject)?.outdir : undefined;
    if (outdir === undefined) {
      return [];
    }
    try {
      const files = this.writeReports!(outdir);
      const relative = path.relative(process.cwd(), outdir);
      const folder = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : outdir;
      return [`the assessment reports are written nonetheless: ${files.map((f) => path.join(folder, f)).join(', ')}`];
    } catch (e) {
      return [`the assessment reports could not be written into ${outdir}: ${(e as Error).message}`];
    }
  }

  private annotate(): void {
    const subject = this.subject;
    const assessment = subject.assess();
    if (assessmentPluginRegistered(subject)) {
      // The validation plugin reports the findings. So that CDK's report lists what the plan
      // acknowledges as acknowledged (with the reason) rather than as violations, the plan's
      // acknowledgements are recorded the way CDK records its own.
      for (const vm of assessment.vms) {
        const job = subject._jobsByVm.get(vm.name);
        const recorded = new Set<string>();
        for (const finding of vm.findings) {
          if (job && finding.acknowledged && finding.severity !== Severity.INFO && !recorded.has(finding.rule)) {
            recorded.add(finding.rule);
            recordCdkAcknowledgement(job, finding.rule, finding.reason ?? '');
          }
        }
      }
      return;
    }
    const { warnings, notes } = synthesisFindings(assessment, (vm) => subject.isDeployed(vm), subject.planSource);
    for (const warning of warnings) {
      const target = (warning.vm !== undefined ? subject._jobsByVm.get(warning.vm) : undefined) ?? subject.annotationScope;
      Annotations.of(target).addWarningV2(`cdk-sms-migration:${warning.rule}`, warning.message);
    }
    for (const note of notes) {
      Annotations.of(subject.annotationScope).addInfo(note);
    }
  }
}
