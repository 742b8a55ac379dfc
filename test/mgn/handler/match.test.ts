import type { SourceServer } from '@aws-sdk/client-mgn';
import { VM_TAG } from '../../../lib/mgn/handler/api';
import { ServerIndex } from '../../../lib/mgn/handler/match';

/** A source server with the identities given. */
function server(id: string, extra: {
  tag?: string; userProvidedID?: string; vmWareUuid?: string; vmPath?: string; hostname?: string; fqdn?: string; archived?: boolean;
} = {}): SourceServer {
  return {
    sourceServerID: id,
    isArchived: extra.archived ?? false,
    tags: extra.tag !== undefined ? { [VM_TAG]: extra.tag } : {},
    userProvidedID: extra.userProvidedID,
    sourceProperties: { identificationHints: { vmWareUuid: extra.vmWareUuid, vmPath: extra.vmPath, hostname: extra.hostname, fqdn: extra.fqdn } },
  };
}

describe('ServerIndex.match', () => {
  test('finds a server by each identity level', () => {
    // GIVEN one server per identity
    const index = new ServerIndex([
      server('s-tag', { tag: 'vm-tag' }),
      server('s-user', { userProvidedID: 'vm-user' }),
      server('s-uuid', { vmWareUuid: '4210AAAA-0000-4000-8000-000000000001' }),
      server('s-path', { vmPath: '/dc1/vm/vm-path' }),
      server('s-fqdn', { fqdn: 'Web-01.Corp.Example.com' }),
      server('s-host', { hostname: 'DB-01' }),
    ]);
    // THEN each VM is found by the identity it has, and says how
    expect(index.match({ vmName: 'vm-tag' })).toEqual(expect.objectContaining({ outcome: 'found', by: 'tag', candidates: ['s-tag'] }));
    expect(index.match({ vmName: 'vm-user' })).toEqual(expect.objectContaining({ outcome: 'found', by: 'userProvidedID', candidates: ['s-user'] }));
    expect(index.match({ vmName: 'x', vmUuid: '4210aaaa-0000-4000-8000-000000000001' }))
      .toEqual(expect.objectContaining({ outcome: 'found', by: 'vmWareUuid', candidates: ['s-uuid'] }));
    expect(index.match({ vmName: 'x', vmPath: '/dc1/vm/vm-path' })).toEqual(expect.objectContaining({ outcome: 'found', by: 'vmPath' }));
    expect(index.match({ vmName: 'x', hostname: 'web-01.corp.example.COM' }))
      .toEqual(expect.objectContaining({ outcome: 'found', by: 'hostname', candidates: ['s-fqdn'] }));
    expect(index.match({ vmName: 'x', hostname: 'db-01' })).toEqual(expect.objectContaining({ outcome: 'found', by: 'hostname', candidates: ['s-host'] }));
    expect(index.match({ vmName: 'x', hostname: 'db-01' }).server?.sourceServerID).toBe('s-host');
  });

  test('the most certain level decides, even when a weaker one would find another server', () => {
    // GIVEN a tagged server, and another with the VM's user id, uuid and host name
    const index = new ServerIndex([
      server('s-other', { userProvidedID: 'web-01', vmWareUuid: 'u-1', hostname: 'web-01' }),
      server('s-tagged', { tag: 'web-01' }),
    ]);
    // THEN the tag wins
    expect(index.match({ vmName: 'web-01', vmUuid: 'u-1', hostname: 'web-01' }).candidates).toEqual(['s-tagged']);
  });

  test('a level with several servers is ambiguous and names every id, weaker levels are not consulted', () => {
    // GIVEN two servers with one host name, one of them also with the VM's uuid... on a weaker level than nothing
    const index = new ServerIndex([
      server('s-b', { hostname: 'shared-host' }),
      server('s-a', { fqdn: 'shared-host' }),
    ]);
    // THEN the match is ambiguous, with both ids
    expect(index.match({ vmName: 'web-01', hostname: 'Shared-Host' })).toEqual({ outcome: 'ambiguous', candidates: ['s-a', 's-b'], by: 'hostname' });
    // AND two servers tagged for one VM are ambiguous too, although the user id would find one
    const tagged = new ServerIndex([server('s-1', { tag: 'web-01' }), server('s-2', { tag: 'web-01' }), server('s-3', { userProvidedID: 'web-01' })]);
    expect(tagged.match({ vmName: 'web-01' })).toEqual({ outcome: 'ambiguous', candidates: ['s-1', 's-2'], by: 'tag' });
  });

  test('archived servers never match, but are known by id', () => {
    // GIVEN an archived server with the VM's user id, and a live one with its host name
    const index = new ServerIndex([server('s-old', { userProvidedID: 'web-01', archived: true }), server('s-new', { hostname: 'web-01' })]);
    // THEN the live one is found
    expect(index.match({ vmName: 'web-01', hostname: 'web-01' })).toEqual(expect.objectContaining({ outcome: 'found', by: 'hostname',
      candidates: ['s-new'] }));
    expect(index.byServerId('s-old')?.isArchived).toBe(true);
  });

  test('names are exact, host names and uuids are not case-sensitive, a server without an id is ignored', () => {
    const index = new ServerIndex([server('s-1', { userProvidedID: 'Web-01' }), { userProvidedID: 'web-01' }]);
    expect(index.match({ vmName: 'web-01' })).toEqual({ outcome: 'none', candidates: [] });
    expect(index.match({ vmName: 'Web-01' }).outcome).toBe('found');
  });

  test('finds nothing when the VM has no identity a server has', () => {
    const index = new ServerIndex([server('s-1', { hostname: 'other' })]);
    expect(index.match({ vmName: 'web-01', vmUuid: 'u', vmPath: '/p', hostname: 'web-01' })).toEqual({ outcome: 'none', candidates: [] });
    expect(new ServerIndex([]).match({ vmName: 'web-01' }).outcome).toBe('none');
  });
});
