import { LambdaContext, ResourceEvent } from '../../handler-common/event';
import { Invocation } from '../../handler-common/invocation';
import { LogValue } from '../../handler-common/log';

/** How messages name what each resource type stands for. */
export type Noun = 'MGN initialization' | 'wave' | 'import' | 'VM';

/**
 * One invocation of the MGN handler: the shared {@link Invocation} plus what the resource stands for
 * (`wave "Wave 1"`, `VM "web-01"`) and, for a server, the MGN source server once it is known.
 */
export class MgnInvocation extends Invocation {
  /** The MGN source server, once known. */
  public sourceServerId: string | undefined;
  /** Calls to repeat later, by a later poll or deploy (an import MGN could not start yet, ...). */
  public deferred = 0;

  constructor(event: ResourceEvent, context: LambdaContext | undefined, displayName: string, handlerName: 'onEvent' | 'isComplete',
    /** What the resource stands for. */
    public readonly noun: Noun) {
    super(event, context, displayName, handlerName);
  }

  /** `VM "web-01" (source server s-1234...)`, `wave "Wave 1"`, `MGN initialization`. */
  public get target(): string {
    if (this.noun === 'MGN initialization') {
      return this.noun;
    }
    const base = `${this.noun} "${this.displayName}"`;
    return this.sourceServerId ? `${base} (source server ${this.sourceServerId})` : base;
  }

  protected logContext(): Readonly<Record<string, LogValue>> {
    return { resource: this.noun, sourceServerId: this.sourceServerId };
  }
}
