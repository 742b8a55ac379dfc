import * as fs from 'fs';
import * as path from 'path';
import { ArnFormat, DefaultStackSynthesizer, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { SmsMigrationError } from '../errors';
import { acknowledgeNagFindings, resourceFinding } from '../private/nag-acknowledgements';
import { libraryProvider, PROVIDER_LOG_RETENTION } from '../private/provider-framework';
import { HANDLER_NODE_MAJOR } from '../sms/handler/api';
import { Handlers } from './handler/api';
import { mgnHandlerBundleDir } from './handler-bundle';

/**
 * The id of the provider under its stack: fixed and namespaced, so that every MGN resource of the stack
 * finds the same provider. Changing it replaces the provider of every deployed stack.
 */
export const MGN_PROVIDER_ID = 'cdk-sms-migration.MgnProvider';

/** The create calls the handler makes, which alone may tag what they create (`mgn:CreateAction`). */
export const MGN_CREATE_ACTIONS = [
  'mgn:CreateApplication',
  'mgn:CreateWave',
  'mgn:CreateReplicationConfigurationTemplate',
  'mgn:CreateLaunchConfigurationTemplate',
  'mgn:StartImport',
];

/** The MGN resource types whose actions the handler calls on existing resources. */
const MGN_RESOURCE_TYPES = [
  'source-server', 'application', 'wave', 'replication-configuration-template', 'launch-configuration-template', 'import',
];

/** The tag MGN puts on the EC2 launch templates it manages, one per source server. */
const MGN_MANAGED_TAG = 'AWSApplicationMigrationServiceManaged';

/** The Lambda runtime of the handler: the Node.js the bundle is built for, as the SMS provider's. */
const HANDLER_RUNTIME = new lambda.Runtime(`nodejs${HANDLER_NODE_MAJOR}.x`, lambda.RuntimeFamily.NODEJS, { supportsInlineCode: true });

/** The stacks whose MGN resources use the provider of another stack, by its function's name. */
const SERVED_STACKS = new WeakMap<Stack, MgnProvider>();

/**
 * The stacks whose MGN resources call a provider that their app (or stage) does not define, by its
 * onEvent function's name: the wave stacks of a `Migration` that defines only those
 * (`MigrationStacks.WAVES`), which a pipeline deploys after the stage that deploys the account stack.
 */
const PROVIDERS_BY_NAME = new WeakMap<Stack, string>();

/**
 * Makes the MGN resources of `stack` call the provider whose onEvent function is named `functionName`,
 * deployed by a stack that this app (or stage) does not define: `stack` holds no provider, no
 * reference and no dependency.
 */
export function useMgnProviderByName(stack: Stack, functionName: string): void {
  PROVIDERS_BY_NAME.set(stack, functionName);
}

/**
 * The service token of an MGN resource under `scope`: that of a provider named with
 * `useMgnProviderByName()`, else that of the stack's provider (`MgnProvider.of()`).
 */
export function mgnServiceToken(scope: Construct): string {
  const stack = Stack.of(scope);
  const named = PROVIDERS_BY_NAME.get(stack);
  return named !== undefined ? functionArn(stack, named) : MgnProvider.of(scope).serviceTokenFor(scope);
}

/** The ARN of a function of `stack`'s account, Region and partition, by its name. */
function functionArn(stack: Stack, functionName: string): string {
  return stack.formatArn({ service: 'lambda', resource: 'function', resourceName: functionName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
}

/**
 * The custom-resource provider behind every MGN resource of the library (`Custom::MgnInitialization`,
 * `Custom::MgnWave`, `Custom::MgnImport`, `Custom::MgnSourceServer`): the handler's onEvent and
 * isComplete functions, their role and log groups, and the provider framework.
 *
 * One per stack (`MgnProvider.of(scope)`); a `Migration` defines one in its MGN account stack
 * (`MgnProvider.shared()`), which its wave stacks use by the onEvent function's name (`serve()`),
 * without a cross-stack reference, as the SMS replication job provider does.
 *
 * The handler's role may do what MGN-API.md §8.3 lists and nothing else (see `handlerStatements`), and
 * read the `.csv` objects of the CDK assets bucket, where the import files are.
 */
export class MgnProvider extends Construct {
  /** The provider of the MGN resources of the stack that `scope` belongs to, defined the first time it is asked for. */
  public static of(scope: Construct): MgnProvider {
    const stack = Stack.of(scope);
    const served = SERVED_STACKS.get(stack);
    if (served !== undefined) {
      return served;
    }
    const existing = stack.node.tryFindChild(MGN_PROVIDER_ID);
    if (existing === undefined) {
      return new MgnProvider(stack, MGN_PROVIDER_ID);
    }
    if (!(existing instanceof MgnProvider)) {
      throw new SmsMigrationError('cdk-sms-migration:ProviderIdTaken',
        `construct id ${MGN_PROVIDER_ID} is taken by a construct that is not an MGN provider, `
        + 'rename that construct (or load a single copy of cdk-sms-migration)', existing);
    }
    return existing;
  }

  /**
   * Defines a provider for the MGN resources of other stacks (`serve()`), under `scope` with the fixed id.
   *
   * @param functionName the name of the provider framework's onEvent function, by which the resources of
   *   other stacks find it: unique in its account and Region, at most 64 letters, digits, `-` and `_`
   */
  public static shared(scope: Construct, functionName: string): MgnProvider {
    return new MgnProvider(scope, MGN_PROVIDER_ID, functionName);
  }

  /** The service token of the resources of its own stack. */
  public readonly serviceToken: string;

  /** The name of the provider framework's onEvent function, when it is given (a shared provider). */
  public readonly functionName?: string;

  /** The role the handler's functions run with. */
  public readonly handlerRole: iam.IRole;

  /** The functions that run the handler. */
  public readonly onEventHandler: lambda.IFunction;
  public readonly isCompleteHandler: lambda.IFunction;

  private constructor(scope: Construct, id: string, functionName?: string) {
    super(scope, id);
    this.functionName = functionName;

    const bundleDir = mgnHandlerBundleDir();
    if (!fs.existsSync(path.join(bundleDir, 'index.js'))) {
      throw new SmsMigrationError('cdk-sms-migration:HandlerBundleMissing',
        `MGN handler bundle ${path.join(bundleDir, 'index.js')} does not exist, run npm run build to create it`, this);
    }

    const role = new iam.Role(this, 'HandlerRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Runs the cdk-sms-migration MGN handler',
    });
    for (const statement of handlerStatements(Stack.of(this))) {
      role.addToPrincipalPolicy(statement);
    }
    this.handlerRole = role;

    const code = lambda.Code.fromAsset(bundleDir);
    this.onEventHandler = this.handlerFunction('OnEvent', code, Handlers.ON_EVENT, Duration.minutes(5),
      'Initializes MGN and keeps its waves, applications, imports and source servers in step with the plan (cdk-sms-migration)');
    this.isCompleteHandler = this.handlerFunction('IsComplete', code, Handlers.IS_COMPLETE, Duration.minutes(2),
      'Waits until MGN inventory imports end (cdk-sms-migration)');

    const provider = libraryProvider(this, 'Provider', {
      onEventHandler: this.onEventHandler,
      isCompleteHandler: this.isCompleteHandler,
      // An import takes seconds to minutes. As for SMS: under CloudFormation's hour, with room for
      // onEvent; 2700 / 30 = 90 attempts (the framework requires the interval to divide the total).
      queryInterval: Duration.seconds(30),
      totalTimeout: Duration.minutes(45),
      providerFunctionName: functionName,
      waiterLogPrefix: 'cdk-sms-migration-mgn-waiter',
      what: 'cdk-sms-migration MGN',
    });
    this.acknowledgeUnavoidableFindings();
    this.serviceToken = provider.serviceToken;
  }

  /**
   * Makes this provider the one of the MGN resources of `stack`, which find it by its function's name:
   * the stack holds no provider and no reference to this one's stack, only a dependency on it.
   */
  public serve(stack: Stack): void {
    if (this.functionName === undefined) {
      throw new SmsMigrationError('cdk-sms-migration:ProviderNotShared',
        `the MGN provider of stack ${Stack.of(this).node.path} has no function name, it cannot serve stack ${stack.node.path}`, this);
    }
    SERVED_STACKS.set(stack, this);
    stack.addStackDependency(Stack.of(this), 'its MGN resources use the provider of this stack');
  }

  /** The service token for a resource under `scope`: the provider's own in its stack, else its function's ARN by name. */
  public serviceTokenFor(scope: Construct): string {
    const stack = Stack.of(scope);
    if (stack === Stack.of(this) || this.functionName === undefined) {
      return this.serviceToken;
    }
    return functionArn(stack, this.functionName);
  }

  /** What cdk-nag's AwsSolutions pack finds in the handler's role that MGN leaves no way around (README, "cdk-nag"). */
  private acknowledgeUnavoidableFindings(): void {
    const stack = Stack.of(this);
    acknowledgeNagFindings(this.handlerRole, [{
      id: 'AwsSolutions-IAM5',
      appliesTo: ['Resource::*'],
      reason: 'MGN InitializeService, its Create, Describe and List actions and EC2 Describe actions take no resource ARN',
    }, {
      id: 'AwsSolutions-IAM5',
      appliesTo: [
        ...MGN_RESOURCE_TYPES.map((type) => resourceFinding(mgnArn(stack, `${type}/*`), this)),
        resourceFinding(mgnArn(stack, '*'), this),
      ],
      reason: 'MGN resources get ids nobody knows in advance: the handler acts on those of the account and Region, tagging only what it creates',
    }, {
      id: 'AwsSolutions-IAM5',
      appliesTo: [resourceFinding(stack.formatArn({ service: 'ec2', resource: 'launch-template', resourceName: '*' }), this)],
      reason: 'MGN creates one EC2 launch template per source server: the statement is limited to those carrying its managed tag',
    }, {
      id: 'AwsSolutions-IAM5',
      appliesTo: [resourceFinding(instanceProfileArn(stack), this)],
      reason: 'InitializeService creates MGN instance profiles whose names start with AWSApplicationMigration',
    }, {
      id: 'AwsSolutions-IAM5',
      appliesTo: [resourceFinding(`${assetsBucketArn(stack)}/*.csv`, this)],
      reason: 'The import files are CDK file assets, whose object keys are content hashes: the handler reads the .csv objects of the assets bucket',
    }]);
  }

  private handlerFunction(id: string, code: lambda.Code, handler: string, timeout: Duration, description: string): lambda.IFunction {
    // As the SMS provider: a log group of its own, kept when the stack is deleted (its error is there).
    const logGroup = new logs.LogGroup(this, `${id}Logs`, { retention: PROVIDER_LOG_RETENTION });
    logGroup.grantWrite(this.handlerRole);
    return new lambda.Function(this, `${id}Handler`, {
      code,
      handler,
      runtime: HANDLER_RUNTIME,
      timeout,
      role: this.handlerRole,
      logGroup,
      description,
    });
  }
}

/** An MGN ARN of the stack's account and Region. */
function mgnArn(stack: Stack, resource: string): string {
  return `arn:${stack.partition}:mgn:${stack.region}:${stack.account}:${resource}`;
}

/** The instance profiles InitializeService creates. */
function instanceProfileArn(stack: Stack): string {
  return `arn:${stack.partition}:iam::${stack.account}:instance-profile/AWSApplicationMigration*`;
}

/**
 * The CDK assets bucket of the stack's bootstrap (`cdk-<qualifier>-assets-<account>-<region>`), where the
 * wave stacks' import files are uploaded: the stacks of a migration share their synthesizer's qualifier.
 */
function assetsBucketArn(stack: Stack): string {
  const qualifier = (stack.synthesizer as { bootstrapQualifier?: string }).bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  const bucket = DefaultStackSynthesizer.DEFAULT_FILE_ASSETS_BUCKET_NAME
    .replace('${Qualifier}', qualifier).replace('${AWS::AccountId}', stack.account).replace('${AWS::Region}', stack.region);
  return `arn:${stack.partition}:s3:::${bucket}`;
}

/**
 * What the handler may do: MGN-API.md §8.3, statement by statement, and two actions beyond it, for
 * the `destroy` removal policy of a source server.
 */
export function handlerStatements(stack: Stack): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'Init',
      // Custom::MgnInitialization. InitializeService takes no resource ARN.
      actions: ['mgn:InitializeService'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'InitIam',
      // What InitializeService does with the caller's permissions: MGN's instance profiles, with the
      // service roles added to them (the roles themselves are MgnServiceRoles').
      actions: ['iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile', 'iam:GetInstanceProfile'],
      resources: [instanceProfileArn(stack)],
    }),
    new iam.PolicyStatement({
      sid: 'InitSlr',
      // InitializeService creates MGN's service-linked role, and no other.
      actions: ['iam:CreateServiceLinkedRole'],
      resources: ['*'],
      conditions: { StringEquals: { 'iam:AWSServiceName': 'mgn.amazonaws.com' } },
    }),
    new iam.PolicyStatement({
      sid: 'Read',
      // Finding servers, applications, waves, templates and imports: Describe and List actions take no
      // resource ARN. DescribeReplicationConfigurationTemplates also tells an initialized account.
      actions: [
        'mgn:DescribeSourceServers', 'mgn:ListApplications', 'mgn:ListWaves', 'mgn:DescribeReplicationConfigurationTemplates',
        'mgn:DescribeLaunchConfigurationTemplates', 'mgn:ListImports', 'mgn:ListManagedAccounts', 'mgn:ListTagsForResource',
      ],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'Create',
      // Applications and waves of Custom::MgnWave, the import of Custom::MgnImport; create actions take no resource ARN.
      actions: MGN_CREATE_ACTIONS,
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'TagOnCreate',
      // Tags given to a create call need mgn:TagResource too; only within those calls.
      actions: ['mgn:TagResource'],
      resources: [mgnArn(stack, '*')],
      conditions: { StringEquals: { 'mgn:CreateAction': MGN_CREATE_ACTIONS.map((action) => action.replace(/^mgn:/, '')) } },
    }),
    new iam.PolicyStatement({
      sid: 'Mutate',
      // Keeping applications, waves, their members and each source server's settings in step with the
      // plan, and reading an import's failed rows: on the account and Region's MGN resources only.
      actions: [
        'mgn:UpdateApplication', 'mgn:DeleteApplication', 'mgn:UpdateWave', 'mgn:DeleteWave',
        'mgn:AssociateSourceServers', 'mgn:DisassociateSourceServers', 'mgn:AssociateApplications', 'mgn:DisassociateApplications',
        'mgn:UpdateReplicationConfigurationTemplate', 'mgn:DeleteReplicationConfigurationTemplate',
        'mgn:UpdateLaunchConfigurationTemplate', 'mgn:DeleteLaunchConfigurationTemplate',
        'mgn:GetReplicationConfiguration', 'mgn:UpdateReplicationConfiguration', 'mgn:GetLaunchConfiguration', 'mgn:UpdateLaunchConfiguration',
        'mgn:UpdateSourceServer', 'mgn:UpdateSourceServerReplicationType', 'mgn:StartReplication', 'mgn:ListImportErrors',
        'mgn:TagResource', 'mgn:UntagResource',
      ],
      resources: MGN_RESOURCE_TYPES.map((type) => mgnArn(stack, `${type}/*`)),
    }),
    new iam.PolicyStatement({
      sid: 'RemoveServer',
      // Beyond §8.3: a server whose removal policy is destroy is disconnected and archived when its VM
      // leaves the plan (api.ts RemovalPolicies.DESTROY).
      actions: ['mgn:DisconnectFromService', 'mgn:MarkAsArchived'],
      resources: [mgnArn(stack, 'source-server/*')],
    }),
    new iam.PolicyStatement({
      sid: 'LaunchTemplate',
      // Each server's EC2 launch template: a new default version with the plan's instance type, subnet,
      // groups and placement. Only the templates MGN manages, which carry its tag.
      actions: ['ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate', 'ec2:DeleteLaunchTemplateVersions'],
      resources: [stack.formatArn({ service: 'ec2', resource: 'launch-template', resourceName: '*' })],
      conditions: { Null: { [`aws:ResourceTag/${MGN_MANAGED_TAG}`]: 'false' } },
    }),
    new iam.PolicyStatement({
      sid: 'Ec2Read',
      // Reading the launch template's default version before writing one; Describe actions take no resource ARN.
      actions: ['ec2:DescribeLaunchTemplateVersions', 'ec2:DescribeLaunchTemplates'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'ImportObject',
      // StartImport reads the import file with the caller's permissions: the wave stacks' CSV assets.
      actions: ['s3:GetObject'],
      resources: [`${assetsBucketArn(stack)}/*.csv`],
    }),
  ];
}
