/**
 * Acknowledgements of cdk-nag findings that a construct of this library cannot avoid, recorded where
 * cdk-nag looks for them without importing cdk-nag: cdk-nag is a development tool of the user's
 * app, never a dependency of the library.
 *
 * Both majors of cdk-nag are served, as the peer range of aws-cdk-lib allows either:
 * - cdk-nag 3 reads CDK's own acknowledgements (`Validations.of(scope).acknowledge()`) on the
 *   resource and on every construct above it, under the id `<rule>[<finding>]` for a finding of a
 *   granular rule;
 * - cdk-nag 2 reads the `cdk_nag` metadata of each CloudFormation resource, in the format
 *   `NagSuppressions.addResourceSuppressions()` writes, which also keeps the reasons in the template.
 */
import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** The CloudFormation metadata key cdk-nag 2 reads its suppressions from. */
const CDK_NAG_METADATA_KEY = 'cdk_nag';

/** The shortest reason cdk-nag 2 accepts. */
const MIN_REASON_LENGTH = 10;

/** A cdk-nag rule that a resource of the library breaks, and why it has to. */
export interface NagAcknowledgement {
  /** The rule, such as `AwsSolutions-IAM5`. */
  readonly id: string;

  /**
   * Why the resource breaks the rule: kept in the template's metadata and in cdk-nag's report. Plain
   * ASCII of at least 10 characters (cdk-nag 2 refuses shorter reasons and base64-encodes others).
   */
  readonly reason: string;

  /**
   * The findings of a granular rule that are acknowledged, such as `Resource::*` for
   * `AwsSolutions-IAM5`; any other finding of the rule is still reported.
   *
   * @default - every finding of the rule
   */
  readonly appliesTo?: readonly string[];
}

/** A suppression as cdk-nag 2 keeps it in the `cdk_nag` metadata. */
interface CfnNagSuppression {
  readonly id: string;
  readonly reason: string;
  readonly applies_to?: string[];
}

/** The part of `Validations` used here: absent from aws-cdk-lib releases before it. */
interface AcknowledgingValidations {
  of(scope: IConstruct): { acknowledge?(...rules: { id: string; reason: string }[]): void };
}

/**
 * Acknowledges cdk-nag findings on `scope` and on every resource below it.
 *
 * Call it once the resources the findings are about exist: cdk-nag 2's metadata is written to the
 * CloudFormation resources found below `scope` at the time of the call.
 */
export function acknowledgeNagFindings(scope: IConstruct, acknowledgements: readonly NagAcknowledgement[]): void {
  for (const ack of acknowledgements) {
    if (ack.reason.length < MIN_REASON_LENGTH || !/^[\x20-\x7e]+$/.test(ack.reason)) {
      // A mistake of the library's, not of its user.
      throw new Error(`the reason for acknowledging ${ack.id} must be plain ASCII of at least ${MIN_REASON_LENGTH} characters`);
    }
  }

  // cdk-nag 3.
  const validations = (cdk as unknown as { Validations?: AcknowledgingValidations }).Validations;
  const acknowledge = validations?.of(scope);
  if (typeof acknowledge?.acknowledge === 'function') {
    acknowledge.acknowledge(...acknowledgements.flatMap((ack) => (ack.appliesTo === undefined
      ? [{ id: ack.id, reason: ack.reason }]
      : ack.appliesTo.map((finding) => ({ id: `${ack.id}[${finding}]`, reason: ack.reason })))));
  }

  // cdk-nag 2.
  const suppressions: CfnNagSuppression[] = acknowledgements.map((ack) => ({
    id: ack.id,
    reason: ack.reason,
    ...(ack.appliesTo !== undefined ? { applies_to: [...ack.appliesTo] } : {}),
  }));
  for (const node of scope.node.findAll()) {
    if (cdk.CfnResource.isCfnResource(node)) {
      const existing: unknown = node.getMetadata(CDK_NAG_METADATA_KEY)?.rules_to_suppress;
      node.addMetadata(CDK_NAG_METADATA_KEY, {
        rules_to_suppress: [...(Array.isArray(existing) ? existing : []), ...suppressions],
      });
    }
  }
}

/**
 * The finding of `AwsSolutions-IAM5` for a grant on every version and alias of a resource
 * (`<arn>:*`), such as `lambda.Function.grantInvoke()` gives: `Resource::<LogicalId.Arn>:*`.
 *
 * The logical id is read now: a later `overrideLogicalId()` makes the finding show again.
 */
export function allVersionsFinding(arn: string, scope: IConstruct): string {
  const resolved: unknown = cdk.Stack.of(scope).resolve(arn);
  const getAtt = (resolved as { 'Fn::GetAtt'?: unknown } | undefined)?.['Fn::GetAtt'];
  if (!Array.isArray(getAtt) || getAtt.length !== 2) {
    throw new Error(`${scope.node.path}: ${JSON.stringify(resolved)} is not an attribute of a resource of the stack`);
  }
  return `Resource::<${getAtt[0]}.${getAtt[1]}>:*`;
}

/**
 * The finding of `AwsSolutions-IAM5` for a wildcard resource written with tokens, as cdk-nag flattens
 * it: `Resource::arn:<AWS::Partition>:mgn:<AWS::Region>:<AWS::AccountId>:source-server/*`, with literal
 * values where the stack's environment is known.
 */
export function resourceFinding(arn: string, scope: IConstruct): string {
  const visit = (node: unknown): string => {
    if (typeof node === 'string') {
      return node.replace(/\$\{/g, '<').replace(/}/g, '>');
    }
    const object = (node ?? {}) as Record<string, unknown>;
    if (Array.isArray(object['Fn::Join'])) {
      const [delimiter, items] = object['Fn::Join'] as [string, unknown[]];
      return items.map(visit).join(delimiter);
    }
    if (Array.isArray(object['Fn::GetAtt'])) {
      const [resource, attribute] = object['Fn::GetAtt'] as [unknown, unknown];
      return `<${visit(resource)}.${visit(attribute)}>`;
    }
    if (object.Ref !== undefined) {
      return `<${visit(object.Ref)}>`;
    }
    return JSON.stringify(node);
  };
  return `Resource::${visit(cdk.Stack.of(scope).resolve(arn))}`;
}

/**
 * Acknowledges a finding of CDK's own validation of a synthesis (`CloudFormation-Validate::F3006`) on
 * `scope`, with its reason; nothing on aws-cdk-lib releases without `Validations.acknowledge()`.
 */
export function acknowledgeValidationFinding(scope: IConstruct, id: string, reason: string): void {
  const validations = (cdk as unknown as { Validations?: AcknowledgingValidations }).Validations;
  validations?.of(scope).acknowledge?.({ id, reason });
}
