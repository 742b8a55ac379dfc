import { importHyperv } from '../../lib/importers/hyperv';
import { ImportSource } from '../../lib/importers/import-source';
import { MergeError, mergeIntoPlan, MergeSummary } from '../../lib/importers/merge';
import { ImportResult } from '../../lib/importers/types';
import { Plan, Vm } from '../../lib/plan/model/plan';
import { parsePlan } from '../../lib/plan';
import { RULE_IDS } from '../../lib/rules';
import { hypervEstate, HvVm, removeExportDirs, writeHypervExports } from './exports';

afterAll(removeExportDirs);

/** A plan type whose every field a test may change. */
type Editable<T> = T extends ReadonlyArray<infer U> ? Editable<U>[] : T extends object ? { -readonly [K in keyof T]: Editable<T[K]> } : T;

function copy<T>(value: T): Editable<T> {
  return JSON.parse(JSON.stringify(value));
}

/** The plan passes the same checks `assess` makes when it reads a file (with real rule ids). */
function expectValid(plan: Plan): void {
  expect(() => parsePlan(JSON.stringify(plan), 'plan.json', { ruleIds: new Set(RULE_IDS) })).not.toThrow();
}

function imported(vms: Vm[], extra: Partial<ImportResult> = {}): ImportResult {
  return { vms, connectors: [], warnings: [], ...extra };
}

function summary(partial: Partial<MergeSummary>): MergeSummary {
  return {
    source: ImportSource.HYPERV, added: [], changed: [], removedFromSource: [], unchanged: [], notCovered: [],
    connectorsAdded: [], connectorsChanged: [], notes: [], warnings: [], ...partial,
  };
}

describe('a round trip: import, edit by hand, import a changed source', () => {
  test('keeps every hand edit, applies the changes and says exactly what changed', () => {
    // GIVEN a plan imported from Hyper-V exports
    const first = mergeIntoPlan(undefined, importHyperv(writeHypervExports(hypervEstate())), { source: ImportSource.HYPERV });
    expectValid(first.plan);
    expect(first.summary).toEqual(summary({ added: ['web-01', 'db-01', 'old-01'] }));

    // AND a person's edits: defaults, acknowledgements, a connector, waves, replication, guest and OS facts, disk facts
    const edited = copy(first.plan);
    edited.defaults = { replication: { type: 'interval' as never, frequencyHours: 12, licenseType: 'auto' as never } };
    edited.acknowledge = [{ rule: 'SMS-JOB4', reason: 'quota raised to 200 by AWS Support', vms: ['*'] }];
    edited.connectors = [{ name: 'hv-connector', hypervisor: 'hyperv' as never, hypervHostOs: 'windows-server-2016', memoryGiB: 16 }];
    const [web, db, old] = edited.vms;
    web.wave = 'wave-1';
    web.connector = 'hv-connector';
    web.os = { family: 'windows' as never, name: 'windows-server', version: '2012 R2', edition: 'standard' };
    web.guest = { antivirusEnabled: false, remoteAccessEnabled: true, pagefile: 'fixed' as never, hotfixes: ['KB2922223', 'KB2800213'] };
    web.replication = { frequencyHours: 6, licenseType: 'byol' as never, attestations: ['microsoft-byol-eligible' as never] };
    web.acknowledge = [{ rule: 'SMS-NET1', reason: 'second NIC is backup-only' }];
    web.disks![0].partitionStyle = 'mbr' as never;
    web.disks![0].boot = true;
    web.disks![0].volumes = [{ mount: 'C:', fileSystem: 'ntfs', sizeGiB: 59, freeGiB: 20 }];
    db.wave = 'wave-2';
    db.os = { family: 'linux' as never, name: 'rhel', version: '7.3' };
    old.wave = 'wave-2';
    old.replication = { type: 'one-time' as never };
    expectValid(edited as Plan);
    const before = JSON.stringify(edited);

    // WHEN the source changed: web-01's data disk grew from 100 to 150 GiB, old-01 is gone, new-01 is new
    const estate: HvVm[] = hypervEstate();
    estate[0] = { ...estate[0], disks: [{ ...estate[0].disks[0], sizeGiB: 150 }, estate[0].disks[1]] };
    estate.splice(2, 1, { name: 'new-01', vmId: '0a1b2c3d-0000-4000-8000-000000000004', generation: 2,
      disks: [{ file: 'E:\\VMs\\new-01.vhdx', sizeGiB: 80, controller: 'SCSI', location: 0 }] });
    const second = mergeIntoPlan(edited as Plan, importHyperv(writeHypervExports(estate)), { source: ImportSource.HYPERV });

    // THEN the input plan is untouched
    expect(JSON.stringify(edited)).toBe(before);
    // AND the result is the edited plan with exactly the source's changes: one disk size, one new VM at the end
    const expected = copy(edited);
    expected.vms[0].disks![1].sizeGiB = 150;
    expected.vms.push({
      name: 'new-01', hypervisor: 'hyperv' as never, source: { vmId: '0a1b2c3d-0000-4000-8000-000000000004' }, firmware: 'uefi' as never,
      generation: 2, disks: [{ name: 'new-01.vhdx', sizeGiB: 80, format: 'vhdx' as never }],
    });
    expect(second.plan).toEqual(expected);
    // AND old-01 is still there, as it was (deleting it is a person's decision)
    expect(second.plan.vms[2]).toBe(edited.vms[2]);
    // AND the summary is exact
    expect(second.summary).toEqual(summary({
      added: ['new-01'],
      changed: [{ name: 'web-01', fields: ['disks[1].sizeGiB'] }],
      removedFromSource: ['old-01'],
      unchanged: ['db-01'],
    }));
    expectValid(second.plan);
  });

  test('a second import of the same source changes nothing', () => {
    const files = writeHypervExports(hypervEstate());
    const first = mergeIntoPlan(undefined, importHyperv(files), { source: ImportSource.HYPERV });
    const second = mergeIntoPlan(first.plan, importHyperv(files), { source: ImportSource.HYPERV });
    expect(second.plan).toEqual(first.plan);
    second.plan.vms.forEach((vm, i) => expect(vm).toBe(first.plan.vms[i]));
    expect(second.summary).toEqual(summary({ unchanged: ['web-01', 'db-01', 'old-01'] }));
  });
});

describe('matching imported VMs to the plan\'s', () => {
  const planOf = (...vms: Vm[]): Plan => ({ version: 1, vms });

  test('matches the SMS catalog by name, filling in the server id and path, and keeps the plan\'s facts', () => {
    // GIVEN a VMware plan (as RVTools writes it) and the catalog of the same vCenter
    const plan = planOf(
      { name: 'web-01', wave: 'w1', hypervisor: 'vmware' as never, source: { vmId: 'vm-1042' }, os: { family: 'linux' as never, name: 'rhel', version: '7.3' } },
      { name: 'db-01', hypervisor: 'vmware' as never },
    );
    const catalog = imported([
      { name: 'web-01', hypervisor: 'vmware' as never, source: { serverId: 's-1', vmPath: '/DC1/vm/web-01', vmId: 'vm-1042' } },
      { name: 'db-01', hypervisor: 'vmware' as never, source: { serverId: 's-2', vmPath: '/DC1/vm/db-01', vmId: 'vm-1043' } },
    ]);
    // WHEN
    const result = mergeIntoPlan(plan, catalog, { source: ImportSource.SMS_CATALOG });
    // THEN source ids are added in the plan's field order, nothing else changes
    expect(result.plan.vms).toEqual([
      { name: 'web-01', wave: 'w1', hypervisor: 'vmware', source: { serverId: 's-1', vmPath: '/DC1/vm/web-01', vmId: 'vm-1042' },
        os: { family: 'linux', name: 'rhel', version: '7.3' } },
      { name: 'db-01', hypervisor: 'vmware', source: { serverId: 's-2', vmPath: '/DC1/vm/db-01', vmId: 'vm-1043' } },
    ]);
    expect(Object.keys(result.plan.vms[0].source!)).toEqual(['serverId', 'vmPath', 'vmId']);
    expect(result.summary.changed).toEqual([
      { name: 'web-01', fields: ['source.serverId', 'source.vmPath'] },
      { name: 'db-01', fields: ['source'] },
    ]);
  });

  test('matches by server id before the name, and keeps the plan\'s name of a renamed VM', () => {
    // GIVEN web-01, known by its server id, renamed web-01-new in vCenter
    const plan = planOf({ name: 'web-01', wave: 'w1', hypervisor: 'vmware' as never, source: { serverId: 's-1' } });
    const catalog = imported([{ name: 'web-01-new', hypervisor: 'vmware' as never, source: { serverId: 's-1', vmId: 'vm-1' } }]);
    // WHEN
    const result = mergeIntoPlan(plan, catalog, { source: ImportSource.SMS_CATALOG });
    // THEN
    expect(result.plan.vms).toEqual([{ name: 'web-01', wave: 'w1', hypervisor: 'vmware', source: { serverId: 's-1', vmId: 'vm-1' } }]);
    expect(result.summary.notes).toEqual(['web-01: the source names it "web-01-new"; the plan keeps "web-01" (rename it by hand if wanted)']);
  });

  test('a strong match is not taken by a weaker one: a server id beats another VM\'s name', () => {
    // GIVEN the plan VM "a" has server s-2, which the catalog now calls "b"; the catalog's "a" is a new server
    const plan = planOf({ name: 'a', hypervisor: 'vmware' as never, source: { serverId: 's-2' } }, { name: 'c', hypervisor: 'vmware' as never });
    const catalog = imported([
      { name: 'a', hypervisor: 'vmware' as never, source: { serverId: 's-9' } },
      { name: 'b', hypervisor: 'vmware' as never, source: { serverId: 's-2' } },
    ]);
    // WHEN / THEN the catalog's "a" cannot be added under a name the plan already uses
    expect(() => mergeIntoPlan(plan, catalog, { source: ImportSource.SMS_CATALOG })).toThrow(MergeError);
    expect(() => mergeIntoPlan(plan, catalog, { source: ImportSource.SMS_CATALOG })).toThrow(
      /^VM "a" \(serverId s-9\) matches no VM of the plan, but the plan already has a VM of that name, "a" \(serverId s-2\): VM names /);
  });

  test('matches a VM id together with the connector, since MoRefs repeat across vCenters', () => {
    // GIVEN two plan VMs with MoRef vm-100, one per vCenter, and an RVTools import of the second (renamed)
    const plan: Plan = {
      version: 1,
      connectors: [{ name: 'dc1', hypervisor: 'vmware' as never }, { name: 'dc2', hypervisor: 'vmware' as never }],
      vms: [
        { name: 'x-dc1', hypervisor: 'vmware' as never, connector: 'dc1', source: { vmId: 'vm-100' } },
        { name: 'x-dc2', hypervisor: 'vmware' as never, connector: 'dc2', source: { vmId: 'vm-100' } },
      ],
    };
    const rvtools = imported([{ name: 'renamed', hypervisor: 'vmware' as never, connector: 'dc2', source: { vmId: 'vm-100' }, firmware: 'uefi' as never }]);
    // WHEN
    const result = mergeIntoPlan(plan, rvtools, { source: ImportSource.RVTOOLS });
    // THEN the VM of the same connector is refreshed; the other is not the import's to judge
    expect(result.summary.changed).toEqual([{ name: 'x-dc2', fields: ['firmware'] }]);
    expect(result.summary.removedFromSource).toEqual([]);
    expect(result.summary.notCovered).toEqual(['x-dc1']);
  });

  test('matches a Hyper-V VM id whatever its case, and keeps the plan\'s spelling of it', () => {
    const plan = planOf({ name: 'sql', hypervisor: 'hyperv' as never, source: { vmId: '5c00abcd-0000-4000-8000-000000000001' } });
    const catalog = imported([{ name: 'SQL-01', hypervisor: 'hyperv' as never,
      source: { serverId: 's-1', vmId: '5C00ABCD-0000-4000-8000-000000000001' } }]);
    const result = mergeIntoPlan(plan, catalog, { source: ImportSource.SMS_CATALOG });
    expect(result.plan.vms).toEqual([{ name: 'sql', hypervisor: 'hyperv', source: { vmId: '5c00abcd-0000-4000-8000-000000000001', serverId: 's-1' } }]);
    expect(result.summary.changed).toEqual([{ name: 'sql', fields: ['source.serverId'] }]);
  });

  test('matches by inventory path when the ids are unknown', () => {
    const plan = planOf({ name: 'web', hypervisor: 'vmware' as never, source: { vmPath: '/DC1/vm/web-01' } });
    const catalog = imported([{ name: 'web-01', hypervisor: 'vmware' as never, source: { serverId: 's-1', vmPath: '/DC1/vm/web-01' } }]);
    const result = mergeIntoPlan(plan, catalog, { source: ImportSource.SMS_CATALOG });
    expect(result.plan.vms).toEqual([{ name: 'web', hypervisor: 'vmware', source: { serverId: 's-1', vmPath: '/DC1/vm/web-01' } }]);
  });

  test('leaves VMs of another hypervisor alone, as not covered by the import', () => {
    const plan = planOf({ name: 'vmw-01', hypervisor: 'vmware' as never }, { name: 'gone', hypervisor: 'hyperv' as never });
    const result = mergeIntoPlan(plan, imported([{ name: 'hv-01', hypervisor: 'hyperv' as never }]), { source: ImportSource.HYPERV });
    expect(result.plan.vms.map((vm) => vm.name)).toEqual(['vmw-01', 'gone', 'hv-01']);
    expect(result.summary).toEqual(summary({ added: ['hv-01'], removedFromSource: ['gone'], notCovered: ['vmw-01'] }));
  });
});

describe('which facts an import refreshes', () => {
  test('replaces the facts the import owns, field by field, and keeps those it does not carry', () => {
    // GIVEN a plan whose VM has hand-written OS facts, and an SCVMM import that knows the OS name and version only
    const plan: Plan = {
      version: 1,
      vms: [{
        name: 'sql-01', hypervisor: 'hyperv' as never, generation: 1,
        os: { family: 'windows' as never, name: 'windows-server', version: '2012', edition: 'standard', language: 'en-US' },
      }],
    };
    const scvmm = imported([{ name: 'sql-01', hypervisor: 'hyperv' as never, generation: 1,
      os: { family: 'windows' as never, name: 'windows-server', version: '2016' } }]);
    // WHEN
    const result = mergeIntoPlan(plan, scvmm, { source: ImportSource.HYPERV });
    // THEN the version is refreshed; the edition (which the import does not carry) and the language stay
    expect(result.plan.vms[0].os).toEqual({ family: 'windows', name: 'windows-server', version: '2016', edition: 'standard', language: 'en-US' });
    expect(result.summary.changed).toEqual([{ name: 'sql-01', fields: ['os.version'] }]);
  });

  test('keeps the catalog\'s inventory path when RVTools, which writes another form of it, is imported again', () => {
    // GIVEN a VM whose path came from the SMS catalog
    const plan: Plan = {
      version: 1,
      vms: [{ name: 'web-01', hypervisor: 'vmware' as never, source: { serverId: 's-1', vmPath: '/Datacenters/DC1/vm/web/web-01', vmId: 'vm-1042' } }],
    };
    const rvtools = imported([{ name: 'web-01', hypervisor: 'vmware' as never, source: { vmPath: 'web/web-01', vmId: 'vm-1042' } }]);
    // WHEN / THEN the two importers do not undo each other's work
    const result = mergeIntoPlan(plan, rvtools, { source: ImportSource.RVTOOLS });
    expect(result.plan.vms[0]).toBe(plan.vms[0]);
    expect(result.summary.unchanged).toEqual(['web-01']);
  });

  test('refreshes the BIOS UUID and Secure Boot RVTools owns, keeping the guest facts a person wrote, in schema order', () => {
    // GIVEN an MGN plan whose VM has hand-written guest facts and an old UUID
    const plan: Plan = {
      version: 1, target: 'mgn' as never,
      vms: [{ name: 'web-01', hypervisor: 'vmware' as never, source: { vmId: 'vm-1', vmUuid: '4213-old' },
        guest: { secureBoot: true, kernelHeaders: 'matching' as never } }],
    };
    const rvtools = imported([{ name: 'web-01', hypervisor: 'vmware' as never, source: { vmId: 'vm-1', vmUuid: '4213-new' },
      guest: { secureBoot: false } }]);
    // WHEN
    const result = mergeIntoPlan(plan, rvtools, { source: ImportSource.RVTOOLS });
    // THEN
    expect(result.plan.target).toBe('mgn');
    expect(result.plan.vms[0].source).toEqual({ vmId: 'vm-1', vmUuid: '4213-new' });
    expect(result.plan.vms[0].guest).toEqual({ secureBoot: false, kernelHeaders: 'matching' });
    expect(result.summary.changed).toEqual([{ name: 'web-01', fields: ['source.vmUuid', 'guest.secureBoot'] }]);
    // AND a new VM's fields are written in the schema's order
    const added = mergeIntoPlan({ version: 1, vms: [] }, imported([{ name: 'b', hypervisor: 'vmware' as never,
      guest: { secureBoot: true }, source: { vmUuid: 'u', vmId: 'vm-2' } }]), { source: ImportSource.RVTOOLS });
    expect(Object.keys(added.plan.vms[0])).toEqual(['name', 'hypervisor', 'source', 'guest']);
    expectValid(result.plan);
  });

  test('only fills gaps with facts the import carries but does not own', () => {
    // GIVEN a catalog import that (unusually) carries a generation, which the catalog does not own
    const plan: Plan = { version: 1, vms: [{ name: 'a', hypervisor: 'hyperv' as never, generation: 1 }, { name: 'b', hypervisor: 'hyperv' as never }] };
    const catalog = imported([
      { name: 'a', hypervisor: 'hyperv' as never, generation: 2 },
      { name: 'b', hypervisor: 'hyperv' as never, generation: 2 },
    ]);
    const result = mergeIntoPlan(plan, catalog, { source: ImportSource.SMS_CATALOG });
    expect(result.plan.vms.map((vm) => vm.generation)).toEqual([1, 2]);
  });

  test('keeps a more precise version a person wrote, with a note', () => {
    const plan: Plan = { version: 1, vms: [{ name: 'app-01', hypervisor: 'hyperv' as never, os: { family: 'linux' as never, name: 'rhel', version: '7.3' } }] };
    const scvmm = imported([{ name: 'app-01', hypervisor: 'hyperv' as never, os: { family: 'linux' as never, name: 'rhel', version: '7' } }]);
    const result = mergeIntoPlan(plan, scvmm, { source: ImportSource.HYPERV });
    expect(result.plan.vms[0].os?.version).toBe('7.3');
    expect(result.summary.unchanged).toEqual(['app-01']);
    expect(result.summary.notes).toEqual(['app-01: os.version "7.3" kept: it is a more precise form of the imported "7"']);
  });

  test('replaces disks as a whole, keeping what a person added to a disk of the same name', () => {
    // GIVEN a boot disk a person marked, and a disk the source no longer has
    const plan: Plan = {
      version: 1,
      vms: [{
        name: 'a', hypervisor: 'hyperv' as never,
        disks: [{ name: 'a.vhd', sizeGiB: 10, format: 'vhd' as never, partitionStyle: 'mbr' as never, boot: true }, { name: 'gone.vhd', sizeGiB: 5 }],
      }],
    };
    const hyperv = imported([{ name: 'a', hypervisor: 'hyperv' as never, disks: [{ name: 'a.vhd', sizeGiB: 12, format: 'vhd' as never }, { name: 'b.vhd' }] }]);
    // WHEN
    const result = mergeIntoPlan(plan, hyperv, { source: ImportSource.HYPERV });
    // THEN
    expect(result.plan.vms[0].disks).toEqual([
      { name: 'a.vhd', sizeGiB: 12, format: 'vhd', partitionStyle: 'mbr', boot: true },
      { name: 'b.vhd' },
    ]);
    expect(result.summary.changed).toEqual([{ name: 'a', fields: ['disks[0].sizeGiB', 'disks[1].name', 'disks[1].sizeGiB'] }]);
  });

  test('keeps NIC facts a person added to the NIC with the same address', () => {
    const plan: Plan = {
      version: 1,
      vms: [{ name: 'a', hypervisor: 'vmware' as never, nics: [{ ipv4: ['10.0.0.1'], addressing: 'static' as never }] }],
    };
    const rvtools = imported([{ name: 'a', hypervisor: 'vmware' as never, nics: [{ ipv4: ['10.0.0.9'] }, { ipv4: ['10.0.0.1'], ipv6: [] }] }]);
    const result = mergeIntoPlan(plan, rvtools, { source: ImportSource.RVTOOLS });
    expect(result.plan.vms[0].nics).toEqual([{ ipv4: ['10.0.0.9'] }, { ipv4: ['10.0.0.1'], ipv6: [], addressing: 'static' }]);
  });

  test('never sets a name, wave, replication or acknowledgement from an import, and keeps the plan\'s connector', () => {
    // GIVEN an import that (wrongly) carries what only a person writes
    const plan: Plan = {
      version: 1,
      connectors: [{ name: 'c1', hypervisor: 'vmware' as never }, { name: 'c2', hypervisor: 'vmware' as never }],
      vms: [{ name: 'a', hypervisor: 'vmware' as never, connector: 'c1', source: { vmId: 'vm-1' } }],
    };
    const odd = imported([{
      name: 'a', hypervisor: 'vmware' as never, connector: 'c2', source: { vmId: 'vm-1' }, wave: 'w9',
      replication: { frequencyHours: 1 }, acknowledge: [{ rule: 'SMS-NET1', reason: 'x' }],
    }]);
    // WHEN
    const result = mergeIntoPlan(plan, odd, { source: ImportSource.RVTOOLS });
    // THEN the VM is the plan's, untouched
    expect(result.plan.vms[0]).toBe(plan.vms[0]);
  });

  test('merges connectors by name: owned facts refreshed, hand-written ones kept, new ones added', () => {
    // GIVEN a connector with hand-written sizing, and an RVTools import of two vCenters
    const plan: Plan = {
      version: 1,
      connectors: [{ name: 'dc1', hypervisor: 'vmware' as never, vcenterVersion: '6.0', memoryGiB: 16, diskProvisioning: 'thin' as never }],
      vms: [{ name: 'a', hypervisor: 'vmware' as never, connector: 'dc1' }],
    };
    const rvtools = imported([{ name: 'a', hypervisor: 'vmware' as never, connector: 'dc1' }, { name: 'b', hypervisor: 'vmware' as never, connector: 'dc2' }], {
      connectors: [
        { name: 'dc1', hypervisor: 'vmware' as never, vcenterVersion: '6.5', esxiVersions: ['6.5'], memoryGiB: 8 },
        { name: 'dc2', hypervisor: 'vmware' as never, vcenterVersion: '6.7' },
      ],
    });
    // WHEN
    const result = mergeIntoPlan(plan, rvtools, { source: ImportSource.RVTOOLS });
    // THEN
    expect(result.plan.connectors).toEqual([
      { name: 'dc1', hypervisor: 'vmware', vcenterVersion: '6.5', esxiVersions: ['6.5'], memoryGiB: 16, diskProvisioning: 'thin' },
      { name: 'dc2', hypervisor: 'vmware', vcenterVersion: '6.7' },
    ]);
    expect(result.plan.vms[1]).toEqual({ name: 'b', hypervisor: 'vmware', connector: 'dc2' });
    expect(result.summary.connectorsAdded).toEqual(['dc2']);
    expect(result.summary.connectorsChanged).toEqual([{ name: 'dc1', fields: ['vcenterVersion', 'esxiVersions'] }]);
    expectValid(result.plan);
  });

  test('does not set a connector the plan and the import leave undeclared, with a note', () => {
    const result = mergeIntoPlan(undefined, imported([{ name: 'a', hypervisor: 'vmware' as never, connector: 'ghost' }]), { source: ImportSource.RVTOOLS });
    expect(result.plan).toEqual({ version: 1, vms: [{ name: 'a', hypervisor: 'vmware' }] });
    expect(result.summary.notes).toEqual(['a: connector "ghost" is not declared in the plan or the import: not set']);
    expectValid(result.plan);
  });
});

describe('imports that cannot be merged', () => {
  test('fails when the import holds two new VMs of one name', () => {
    // GIVEN two VMs of one name in two vCenters
    const twins = imported([
      { name: 'web', hypervisor: 'vmware' as never, source: { vmId: 'vm-1' } },
      { name: 'web', hypervisor: 'vmware' as never, source: { vmId: 'vm-2' } },
    ]);
    // WHEN
    let error: unknown;
    try {
      mergeIntoPlan(undefined, twins, { source: ImportSource.RVTOOLS });
    } catch (e) {
      error = e;
    }
    // THEN
    expect(error).toBeInstanceOf(MergeError);
    expect((error as MergeError).conflicts).toEqual([
      'VM "web" (vmId vm-2) matches no VM of the plan, but the import has another VM of that name, "web" (vmId vm-1): VM names must be '
      + 'unique in a plan; rename one in the plan, or give the plan\'s VM the source.serverId or source.vmId that tells it apart',
    ]);
  });
});
