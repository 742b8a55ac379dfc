import { Annotations, Aspects, attachCustomSynthesis, IAspect, ISynthesisSession } from 'aws-cdk-lib';
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
 */
export class SynthesisChecks implements IAspect {
  /**
   * Checks an assessed construct at every synthesis.
   *
   * @param onSynthesize more to do when the construct is synthesized (writing report files)
   */
  public static attach(subject: IAssessedScope, onSynthesize?: (session: ISynthesisSession) => void): void {
    const checks = new SynthesisChecks(subject);
    Aspects.of(subject).add(checks);
    subject.node.addValidation({ validate: () => checks.errors() });
    attachCustomSynthesis(subject, {
      onSynthesize: (session) => {
        recordSynthesizedScope(session.outdir, subject);
        onSynthesize?.(session);
      },
    });
  }

  private annotated = false;

  private constructor(private readonly subject: IAssessedScope) {}

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
    const unknown = cdkAcknowledgements(subject, subject.jobs).unknownIds.map((rule) => 'an acknowledgement recorded with '
      + `Validations.acknowledge() names ${rule}, which is not a rule id: \`cdk-sms rules\` lists them`);
    if (!assessmentPluginRegistered(subject)) {
      return [...unknown, ...synthesisFindings(subject.assess(), isDeployed, subject.planSource).errors];
    }
    // The validation plugin reports every finding, after CDK's validation of the tree: failing here
    // would stop synthesis before its report. A hard rule's error that someone tried to acknowledge
    // stays here, since CDK's report would list it as acknowledged.
    return [...unknown, ...refusedAcknowledgementErrors(subject.assess(), isDeployed)];
  }

  private annotate(): void {
    const subject = this.subject;
    const assessment = subject.assess();
    if (assessmentPluginRegistered(subject)) {
      // The validation plugin reports the findings. So that CDK's report lists what the plan
      // acknowledges as acknowledged (with the reason) rather than as violations, the plan's
      // acknowledgements are recorded the way CDK records its own.
      for (const vm of assessment.vms) {
        const job = subject.jobs.get(vm.name);
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
      const target = (warning.vm !== undefined ? subject.jobs.get(warning.vm) : undefined) ?? subject.annotationScope;
      Annotations.of(target).addWarningV2(`cdk-sms-migration:${warning.rule}`, warning.message);
    }
    for (const note of notes) {
      Annotations.of(subject.annotationScope).addInfo(note);
    }
  }
}
