import type { SourceServer } from '@aws-sdk/client-mgn';
import { VM_TAG } from './api';

/**
 * Matching a plan VM to an MGN source server (mgn-common.md): pure, no SDK calls; `cdk-sms status` uses
 * it too. The identities, most certain first:
 *
 * 1. the tag `cdk-sms-migration:vm` = VM name (written by this handler once it found the server);
 * 2. `userProvidedID` = VM name (the import CSV's `mgn:server:user-provided-id`, the agent's
 *    `--user-provided-id`);
 * 3. `identificationHints.vmWareUuid` = the VM's UUID (case-insensitive), then `vmPath` = the VM's
 *    inventory path (agentless servers found by the vCenter Client);
 * 4. `identificationHints.fqdn` or `hostname` = the VM's host name (case-insensitive).
 *
 * The first identity that finds any server decides: one server is found; several are ambiguous (all their
 * ids are reported); none at any level means the server is not there yet (pending). Archived servers and
 * servers without an id never match.
 */

/** What the plan knows of a VM. */
export interface VmIdentity {
  readonly vmName: string;
  readonly vmUuid?: string;
  readonly vmPath?: string;
  readonly hostname?: string;
}

/** How a server was matched, most certain first. */
export type MatchLevel = 'tag' | 'userProvidedID' | 'vmWareUuid' | 'vmPath' | 'hostname';

/** The outcome of a match. */
export interface MatchResult {
  /** `found`: one server; `ambiguous`: several at the deciding level; `none`: no server at any level. */
  readonly outcome: 'found' | 'none' | 'ambiguous';
  /** The server found. */
  readonly server?: SourceServer;
  /** The ids of every server at the deciding level (one when found). */
  readonly candidates: readonly string[];
  /** The deciding level. */
  readonly by?: MatchLevel;
}

const lower = (s: string | undefined): string | undefined => (s === undefined || s === '' ? undefined : s.toLowerCase());

/** Servers by each identity, built once from every server of one DescribeSourceServers listing. */
export class ServerIndex {
  private readonly byTag = new Map<string, SourceServer[]>();
  private readonly byUserId = new Map<string, SourceServer[]>();
  private readonly byUuid = new Map<string, SourceServer[]>();
  private readonly byPath = new Map<string, SourceServer[]>();
  private readonly byHost = new Map<string, SourceServer[]>();
  private readonly byId = new Map<string, SourceServer>();

  /** @param servers every server listed, archived ones included (they are kept for {@link byServerId} only) */
  constructor(servers: readonly SourceServer[]) {
    for (const server of servers) {
      const id = server.sourceServerID;
      if (id === undefined || id === '') {
        continue;
      }
      this.byId.set(id, server);
      if (server.isArchived === true) {
        continue;
      }
      const hints = server.sourceProperties?.identificationHints;
      add(this.byTag, server.tags?.[VM_TAG], server);
      add(this.byUserId, server.userProvidedID, server);
      add(this.byUuid, lower(hints?.vmWareUuid), server);
      add(this.byPath, hints?.vmPath, server);
      const hosts = new Set([lower(hints?.fqdn), lower(hints?.hostname)].filter((h): h is string => h !== undefined));
      for (const host of hosts) {
        add(this.byHost, host, server);
      }
    }
  }

  /** The server of an id, archived or not (the physical id of a resource that found it before). */
  public byServerId(id: string): SourceServer | undefined {
    return this.byId.get(id);
  }

  /** Matches one VM. */
  public match(vm: VmIdentity): MatchResult {
    const levels: ReadonlyArray<[MatchLevel, Map<string, SourceServer[]>, string | undefined]> = [
      ['tag', this.byTag, vm.vmName],
      ['userProvidedID', this.byUserId, vm.vmName],
      ['vmWareUuid', this.byUuid, lower(vm.vmUuid)],
      ['vmPath', this.byPath, vm.vmPath === '' ? undefined : vm.vmPath],
      ['hostname', this.byHost, lower(vm.hostname)],
    ];
    for (const [by, map, key] of levels) {
      const found = key === undefined ? [] : map.get(key) ?? [];
      if (found.length === 1) {
        return { outcome: 'found', server: found[0], candidates: [found[0].sourceServerID as string], by };
      }
      if (found.length > 1) {
        return { outcome: 'ambiguous', candidates: found.map((s) => s.sourceServerID as string).sort(), by };
      }
    }
    return { outcome: 'none', candidates: [] };
  }
}

function add(map: Map<string, SourceServer[]>, key: string | undefined, server: SourceServer): void {
  if (key === undefined || key === '') {
    return;
  }
  const list = map.get(key);
  if (list) {
    list.push(server);
  } else {
    map.set(key, [server]);
  }
}
