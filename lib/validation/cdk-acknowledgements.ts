import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** The name the validation plugin reports under, and the namespace of its rule ids in CDK acknowledgements. */
export const PLUGIN_NAME = 'cdk-sms-migration';

/** Marks a validation plugin as this library's, whichever copy of the library made it. */
export const PLUGIN_MARK = Symbol.for('cdk-sms-migration.SmsAssessmentPlugin');

/**
 * The construct metadata key under which `Validations.of(scope).acknowledge()` records an
 * acknowledgement (`{ '<namespace>::<rule>': reason }`), and which CDK's validation report reads to
 * list a plugin's violation as acknowledged. Written out here for aws-cdk-lib versions without it.
 */
export const ACKNOWLEDGED_RULES_KEY = 'aws:cdk:acknowledged-rules';

/**
 * Whether the aws-cdk-lib in use suppresses a validation plugin's violations acknowledged with
 * `Validations.of(scope).acknowledge()` (and lists them, with their reason, in its report).
 */
export function cdkSuppressesAcknowledgedViolations(): boolean {
  const validations = (cdk as unknown as { Validations?: { ACKNOWLEDGED_RULES_METADATA_KEY?: string } }).Validations;
  return validations?.ACKNOWLEDGED_RULES_METADATA_KEY === ACKNOWLEDGED_RULES_KEY;
}

/** An acknowledgement of one of this library's rules, recorded on a construct with CDK's own API. */
export interface CdkAcknowledgement {
  readonly rule: string;
  readonly reason: string;
  /** The construct it was recorded on. */
  readonly scope: IConstruct;
}

/**
 * The rule a CDK acknowledgement id names, if it is one of this library's: the plugin's rule
 * (`cdk-sms-migration::SMS-NET1`), or the warning annotation of a rule
 * (`annotation::cdk-sms-migration:SMS-NET1`, or `cdk-sms-migration:SMS-NET1` as written to
 * `Annotations.acknowledgeWarning`).
 */
export function ruleOfAcknowledgementId(id: string): string | undefined {
  const match = /^(?:cdk-sms-migration::|(?:annotation::)?cdk-sms-migration:)(.+)$/.exec(id);
  return match?.[1];
}

/** The acknowledgements of this library's rules recorded on a construct itself. */
export function cdkAcknowledgementsOn(scope: IConstruct): CdkAcknowledgement[] {
  const found: CdkAcknowledgement[] = [];
  for (const entry of scope.node.metadata) {
    if (entry.type !== ACKNOWLEDGED_RULES_KEY || typeof entry.data !== 'object' || entry.data === null) {
      continue;
    }
    for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>)) {
      const rule = ruleOfAcknowledgementId(id);
      if (rule !== undefined) {
        found.push({ rule, reason: String(reason ?? ''), scope });
      }
    }
  }
  return found;
}

/** The acknowledgements recorded on a construct and on every construct above it. */
export function cdkAcknowledgementsAbove(scope: IConstruct): CdkAcknowledgement[] {
  return scope.node.scopes.flatMap(cdkAcknowledgementsOn);
}

/** Records an acknowledgement the way `Validations.of(scope).acknowledge()` does, for CDK's report. */
export function recordCdkAcknowledgement(scope: IConstruct, rule: string, reason: string): void {
  scope.node.addMetadata(ACKNOWLEDGED_RULES_KEY, { [`${PLUGIN_NAME}::${rule}`]: reason });
}

/**
 * Whether this library's validation plugin is registered for the stage that holds a construct (or
 * any stage above it), in which case findings go to CDK's validation report rather than failing the
 * construct's own validation first.
 */
export function assessmentPluginRegistered(scope: IConstruct): boolean {
  for (const node of scope.node.scopes) {
    if (!cdk.Stage.isStage(node)) {
      continue;
    }
    // Newer aws-cdk-lib keeps plugins in `_validationPlugins` (its `policyValidationBeta1` getter
    // wraps them and prints a deprecation warning); older versions in the plain `policyValidationBeta1` field.
    const holder = node as unknown as { _validationPlugins?: unknown; policyValidationBeta1?: unknown };
    const plugins = Array.isArray(holder._validationPlugins) ? holder._validationPlugins
      : Object.getOwnPropertyDescriptor(node, 'policyValidationBeta1')?.value;
    if (Array.isArray(plugins) && plugins.some((plugin) => typeof plugin === 'object' && plugin !== null && PLUGIN_MARK in plugin)) {
      return true;
    }
  }
  return false;
}
