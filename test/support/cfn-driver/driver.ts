import {
  CREATE_FAILED_MARKER, CustomResourceHandler, CustomResourceRequest, InvocationRecord, ProviderFramework, RequestOutcome, RequestType,
} from './provider-framework';
import { ResourceDefinition } from './template';

/**
 * CloudFormation, played in-process around the Provider framework (provider-framework.ts, which runs one
 * request through the handler module's `onEvent` / `isComplete`), as sms-api.md §10.1 describes it:
 *
 * - a Create that fails in `onEvent` is recorded with the framework's CREATE_FAILED marker, whose rollback
 *   Delete the framework answers itself, without calling the handler; a Create that fails in `isComplete`
 *   keeps the id `onEvent` gave, and its rollback Delete reaches the handler;
 * - an Update that answers a new physical id is a replacement: once the update has succeeded, the Delete
 *   for the OLD id is sent, with the old properties; an Update that fails is rolled back with an Update
 *   whose old and new properties are swapped, to the physical id recorded before it;
 * - an Update whose properties are unchanged sends nothing;
 * - `DeletionPolicy: Retain` means no Delete when the resource leaves the stack, `UpdateReplacePolicy:
 *   Retain` no Delete for the old id of a replacement: the job is left behind, and `retained` lists it;
 * - a stack update (`deploy`) runs its creates and updates at once, then its cleanup phase.
 *
 * Not modelled: stack-wide rollback of other resources when one fails, and the rollback of a replacement
 * whose new resource had already been accepted.
 */

/** Options of the driver. */
export interface CloudFormationDriverOptions {
  readonly handler: CustomResourceHandler;
  /** @default 'E2eStack' */
  readonly stackName?: string;
  /** @default - `arn:aws:cloudformation:us-east-1:123456789012:stack/<stackName>/<fixed uuid>` */
  readonly stackId?: string;
  /** Moves the emulated world forward between isComplete calls (the emulator's clock). @default - nothing moves */
  readonly advanceClock?: (ms: number) => void;
  /** The Provider's queryInterval. @default 30_000, as ReplicationJobProvider sets it */
  readonly queryIntervalMs?: number;
  /** The Provider's totalTimeout. @default 2_700_000, as ReplicationJobProvider sets it */
  readonly totalTimeoutMs?: number;
  /** Timeout of the onEvent function. @default 300_000, as ReplicationJobProvider sets it */
  readonly onEventTimeoutMs?: number;
  /** Timeout of the isComplete function. @default 120_000, as ReplicationJobProvider sets it */
  readonly isCompleteTimeoutMs?: number;
}

/** The outcome of a create, update or delete of one resource, with what CloudFormation sent after it. */
export interface StepOutcome extends RequestOutcome {
  /** The old physical id, when an Update replaced the resource. */
  readonly replacedPhysicalResourceId?: string;
  /** The Delete of the old id after a replacement. */
  readonly cleanup?: RequestOutcome;
  /** The rollback: a Delete after a failed Create, an Update back after a failed Update. */
  readonly rollback?: RequestOutcome;
}

/** A resource of the simulated stack. */
export interface StackResource {
  readonly logicalResourceId: string;
  readonly physicalResourceId: string;
  readonly definition: ResourceDefinition;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A physical resource CloudFormation let go of without deleting it. */
export interface RetainedResource {
  readonly logicalResourceId: string;
  readonly physicalResourceId: string;
  readonly why: 'DeletionPolicy' | 'UpdateReplacePolicy';
}

const SERVICE_TOKEN = 'arn:aws:lambda:us-east-1:123456789012:function:E2eStack-ProviderframeworkonEvent';
const RESPONSE_URL = 'https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/e2e?X-Amz-Signature=E2E';

/** CloudFormation and the Provider framework for one stack. */
export class CloudFormationDriver {
  public readonly stackId: string;
  /** Every handler call, in the order they ended. */
  public readonly invocations: InvocationRecord[] = [];
  /** Jobs CloudFormation let go of without a Delete. */
  public readonly retained: RetainedResource[] = [];
  private readonly resources = new Map<string, StackResource>();
  private readonly framework: ProviderFramework;
  private requestCounter = 0;

  constructor(options: CloudFormationDriverOptions) {
    const stackName = options.stackName ?? 'E2eStack';
    this.stackId = options.stackId ?? `arn:aws:cloudformation:us-east-1:123456789012:stack/${stackName}/5f1c1e40-8a1e-11ef-9d7a-0e2a3c4d5e6f`;
    this.framework = new ProviderFramework({
      handler: options.handler,
      advanceClock: options.advanceClock,
      queryIntervalMs: options.queryIntervalMs ?? 30_000,
      totalTimeoutMs: options.totalTimeoutMs ?? 2_700_000,
      onEventTimeoutMs: options.onEventTimeoutMs ?? 300_000,
      isCompleteTimeoutMs: options.isCompleteTimeoutMs ?? 120_000,
      onInvocation: (record) => this.invocations.push(record),
    });
  }

  /** The resource under `logicalId`, if the stack has it. */
  public resource(logicalId: string): StackResource | undefined {
    return this.resources.get(logicalId);
  }

  /** Every resource of the stack. */
  public get stackResources(): StackResource[] {
    return [...this.resources.values()];
  }

  /** Physical ids that should exist: the stack's resources and what was retained. */
  public expectedPhysicalIds(): string[] {
    return [...this.stackResources.map((r) => r.physicalResourceId), ...this.retained.map((r) => r.physicalResourceId)].sort();
  }

  /** Adds a resource: Create, and the rollback Delete when it fails. */
  public async create(logicalId: string, definition: ResourceDefinition): Promise<StepOutcome> {
    if (this.resources.has(logicalId)) {
      throw new Error(`${logicalId} is already in the stack, update it`);
    }
    const outcome = await this.framework.send(this.request('Create', logicalId, definition));
    if (outcome.status === 'SUCCESS') {
      this.resources.set(logicalId, { logicalResourceId: logicalId, physicalResourceId: outcome.physicalResourceId, definition, data: outcome.data });
      return outcome;
    }
    const rollback = await this.deleteOrRetain(logicalId, outcome.physicalResourceId, definition, definition.deletionPolicy, 'DeletionPolicy');
    return { ...outcome, rollback };
  }

  /**
   * Changes a resource: nothing when its properties are unchanged; else Update, then the Delete for the old
   * id if it was replaced, or the rollback Update if it failed.
   */
  public async update(logicalId: string, definition: ResourceDefinition): Promise<StepOutcome> {
    const { outcome, cleanup } = await this.updateOnly(logicalId, definition);
    return cleanup ? { ...outcome, cleanup: await cleanup() } : outcome;
  }

  /** Removes a resource from the stack: Delete, or nothing under DeletionPolicy Retain. A failed Delete keeps it. */
  public async delete(logicalId: string): Promise<StepOutcome> {
    const current = this.requireResource(logicalId);
    const outcome = await this.deleteOrRetain(logicalId, current.physicalResourceId, current.definition, current.definition.deletionPolicy,
      'DeletionPolicy');
    if (outcome.status !== 'FAILED') {
      this.resources.delete(logicalId);
    }
    return outcome;
  }

  /**
   * Deploys a template's resources as a stack update: creates and updates at once where they do not depend
   * on each other (CloudFormation runs independent resources in parallel), a resource after those it
   * `dependsOn`; each failed one with its own rollback, and one whose dependency failed is not sent
   * (reported FAILED with the reason). Then, when all succeeded, the cleanup phase: the Deletes of replaced
   * physical ids and of resources no longer in the template, a resource only after those that depended on
   * it. When one failed, no cleanup is sent (rolling back the others is not modelled).
   */
  public async deploy(definitions: Readonly<Record<string, ResourceDefinition>>): Promise<Record<string, StepOutcome>> {
    type Changed = { readonly outcome: StepOutcome; readonly cleanup?: () => Promise<RequestOutcome> };
    const running = new Map<string, Promise<Changed>>();
    const run = (logicalId: string, path: readonly string[]): Promise<Changed> => {
      const started = running.get(logicalId);
      if (started) {
        return started;
      }
      if (path.includes(logicalId)) {
        throw new Error(`circular DependsOn: ${[...path, logicalId].join(' -> ')}`);
      }
      const def = definitions[logicalId];
      const deps = (def.dependsOn ?? []).filter((d) => d in definitions);
      const promise = Promise.all(deps.map((d) => run(d, [...path, logicalId]))).then(async (before): Promise<Changed> => {
        const failed = deps.filter((_, i) => before[i].outcome.status === 'FAILED');
        if (failed.length > 0) {
          const current = this.resources.get(logicalId);
          return { outcome: { requestType: current ? 'Update' : 'Create', status: 'FAILED', physicalResourceId: current?.physicalResourceId ?? '',
            data: current?.data ?? {}, reason: `not sent: ${failed.join(', ')} failed`, invocations: [] } };
        }
        return this.resources.has(logicalId) ? this.updateOnly(logicalId, def) : { outcome: await this.create(logicalId, def) };
      });
      running.set(logicalId, promise);
      return promise;
    };
    const ids = Object.keys(definitions);
    const changed = await Promise.all(ids.map((id) => run(id, [])));
    const outcomes: Record<string, StepOutcome> = Object.fromEntries(ids.map((id, i) => [id, changed[i].outcome]));
    if (changed.some((c) => c.outcome.status === 'FAILED')) {
      return outcomes;
    }
    const removed = this.stackResources.map((r) => r.logicalResourceId).filter((id) => !(id in definitions));
    const deleting = new Map<string, Promise<void>>();
    const remove = (logicalId: string): Promise<void> => {
      const started = deleting.get(logicalId);
      if (started) {
        return started;
      }
      // What depended on it goes first.
      const dependents = removed.filter((other) => (this.resources.get(other)?.definition.dependsOn ?? []).includes(logicalId));
      const promise = Promise.all(dependents.map(remove)).then(async () => {
        outcomes[logicalId] = await this.delete(logicalId);
      });
      deleting.set(logicalId, promise);
      return promise;
    };
    await Promise.all([
      ...ids.map(async (id, i) => {
        const cleanup = changed[i].cleanup;
        if (cleanup) {
          outcomes[id] = { ...changed[i].outcome, cleanup: await cleanup() };
        }
      }),
      ...removed.map(remove),
    ]);
    return outcomes;
  }

  /** Deletes every resource of the stack, a resource only after those that depend on it (a stack delete). */
  public async deleteStack(): Promise<Record<string, StepOutcome>> {
    return this.deploy({});
  }

  /** An Update and its rollback; the Delete of a replaced id is returned, to be sent in the cleanup phase. */
  private async updateOnly(logicalId: string, definition: ResourceDefinition):
  Promise<{ readonly outcome: StepOutcome; readonly cleanup?: () => Promise<RequestOutcome> }> {
    const current = this.requireResource(logicalId);
    if (JSON.stringify(current.definition.properties) === JSON.stringify(definition.properties)) {
      this.resources.set(logicalId, { ...current, definition });
      return { outcome: { requestType: 'Update', status: 'SKIPPED', physicalResourceId: current.physicalResourceId, data: current.data,
        invocations: [] } };
    }
    const outcome = await this.framework.send(this.request('Update', logicalId, definition, current));
    if (outcome.status !== 'SUCCESS') {
      const back = await this.framework.send(this.request('Update', logicalId, current.definition, { ...current, definition }));
      if (back.status === 'SUCCESS') {
        this.resources.set(logicalId, { ...current, physicalResourceId: back.physicalResourceId, data: back.data });
      }
      return { outcome: { ...outcome, rollback: back } };
    }
    this.resources.set(logicalId, { logicalResourceId: logicalId, physicalResourceId: outcome.physicalResourceId, definition, data: outcome.data });
    if (outcome.physicalResourceId === current.physicalResourceId) {
      return { outcome };
    }
    return {
      outcome: { ...outcome, replacedPhysicalResourceId: current.physicalResourceId },
      // The old physical resource, with the properties it had.
      cleanup: () => this.deleteOrRetain(logicalId, current.physicalResourceId, current.definition, definition.updateReplacePolicy,
        'UpdateReplacePolicy'),
    };
  }

  private requireResource(logicalId: string): StackResource {
    const current = this.resources.get(logicalId);
    if (!current) {
      throw new Error(`${logicalId} is not in the stack`);
    }
    return current;
  }

  private async deleteOrRetain(logicalId: string, physicalId: string, definition: ResourceDefinition, policy: string | undefined,
    why: RetainedResource['why']): Promise<RequestOutcome> {
    if (policy === 'Retain') {
      if (physicalId !== CREATE_FAILED_MARKER) {
        this.retained.push({ logicalResourceId: logicalId, physicalResourceId: physicalId, why });
      }
      return { requestType: 'Delete', status: 'SKIPPED', physicalResourceId: physicalId, data: {}, invocations: [] };
    }
    return this.framework.send(this.request('Delete', logicalId, definition, { physicalResourceId: physicalId, definition }));
  }

  private request(type: RequestType, logicalId: string, definition: ResourceDefinition,
    current?: { readonly physicalResourceId: string; readonly definition: ResourceDefinition }): CustomResourceRequest {
    this.requestCounter += 1;
    return {
      RequestType: type,
      ServiceToken: SERVICE_TOKEN,
      ResponseURL: RESPONSE_URL,
      StackId: this.stackId,
      RequestId: `e2e00000-0000-4000-8000-${this.requestCounter.toString(16).padStart(12, '0')}`,
      LogicalResourceId: logicalId,
      ResourceType: definition.type,
      ...(type === 'Create' ? {} : { PhysicalResourceId: current?.physicalResourceId }),
      ResourceProperties: { ServiceToken: SERVICE_TOKEN, ...definition.properties },
      ...(type === 'Update' && current ? { OldResourceProperties: { ServiceToken: SERVICE_TOKEN, ...current.definition.properties } } : {}),
    };
  }
}
