import { Invocation as BaseInvocation } from '../../handler-common/invocation';
import { LogValue } from '../../handler-common/log';

/**
 * One invocation of the replication-job handler: the shared {@link BaseInvocation} plus the SMS server
 * being worked on and the Create attempts that waited for a server still held by a job being deleted.
 */
export class Invocation extends BaseInvocation {
  /** Create attempts repeated while the server was still held by a job being deleted. */
  public waits = 0;
  /** The SMS server, once known. */
  public serverId: string | undefined;

  /** `VM "web-01" (server s-1234)`, or `VM "web-01"` before the server is known. */
  public get target(): string {
    return this.serverId ? `VM "${this.displayName}" (server ${this.serverId})` : `VM "${this.displayName}"`;
  }

  protected logContext(): Readonly<Record<string, LogValue>> {
    return { serverId: this.serverId, waits: this.waits > 0 ? this.waits : undefined };
  }
}
