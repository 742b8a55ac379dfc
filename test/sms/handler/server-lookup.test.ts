import { SMSClient } from '@aws-sdk/client-sms';
import { Props } from '../../../lib/sms/handler/api';
import { onEvent, resetServerCatalogCache, setSmsClient } from '../../../lib/sms/handler';
import { ServerSnapshot, SmsEmulator } from '../../support/sms-emulator';
import { resourceEvent, vmProps } from './helpers';

/**
 * Finding the SMS server of a job that names no serverId, against the SMS emulator: by the most certain
 * identity first (the vCenter's id with the VM's MoRef, then the path, then the name), as an RVTools
 * import writes them into the plan.
 */

const EAST = 'vcenter-east.corp.example';
const WEST = 'vcenter-west.corp.example';
const EAST_ID = '5E1F8C2A-0001-4B6E-9C11-0000000000E1';
const WEST_ID = '5E1F8C2A-0002-4B6E-9C11-0000000000E2';

let emu: SmsEmulator;
let east: ServerSnapshot;
let west: ServerSnapshot;
let westTwin: ServerSnapshot;

beforeAll(async () => {
  emu = await SmsEmulator.start({
    seed: 7, port: 0, vmManagers: [
      { name: EAST, type: 'VSPHERE', vmCount: 3, vmManagerId: EAST_ID.toLowerCase() },
      { name: WEST, type: 'VSPHERE', vmCount: 3, vmManagerId: WEST_ID.toLowerCase() },
    ],
  });
  // The same MoRef in two vCenters; and in the west, a second VM named like the east one.
  east = emu.control.addServer({ vmName: 'db-01', vmManagerName: EAST, vmId: 'vm-101', vmPath: '/Datacenters/east-dc/vm/db/db-01' });
  west = emu.control.addServer({ vmName: 'db-01-new', vmManagerName: WEST, vmId: 'vm-101', vmPath: '/Datacenters/west-dc/vm/db/db-01-new' });
  westTwin = emu.control.addServer({ vmName: 'db-01', vmManagerName: WEST, vmId: 'vm-202', vmPath: '/Datacenters/west-dc/vm/db/db-01' });
  setSmsClient(new SMSClient({
    endpoint: emu.endpoint, region: 'us-east-1', maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDLOOKUPEXAMPLE', secretAccessKey: 'lookupSecretKeyThatIsNotAnAwsCredential00' },
  }));
});

beforeEach(() => resetServerCatalogCache());

afterAll(async () => {
  setSmsClient();
  resetServerCatalogCache();
  await emu?.stop();
});

/** The server a Create with these selectors replicates. */
async function serverFor(selector: Record<string, string | undefined>): Promise<string | undefined> {
  const quiet = [jest.spyOn(console, 'log').mockImplementation(() => undefined), jest.spyOn(console, 'error').mockImplementation(() => undefined)];
  try {
    const result = await onEvent(resourceEvent('Create', vmProps({ [Props.VM_NAME]: undefined, [Props.DISPLAY_NAME]: 'db-01', ...selector })));
    return result.Data?.ServerId as string | undefined;
  } finally {
    quiet.forEach((spy) => spy.mockRestore());
  }
}

describe('looking up the server of a job by the most certain identity', () => {
  test('the vCenter\'s id with the MoRef tells apart two VMs of one MoRef, whatever the path and name say', async () => {
    // GIVEN the plan's VM, renamed in the west vCenter since the plan was written (its path and name now match another VM)
    // WHEN
    const found = await serverFor({
      [Props.VM_MANAGER_ID]: WEST_ID, [Props.VM_ID]: 'vm-101', [Props.VM_PATH]: '/Datacenters/west-dc/vm/db/db-01', [Props.VM_NAME]: 'db-01',
    });
    // THEN
    expect(found).toBe(west.serverId);
  });

  test('falls back to the path when the ids find nothing (the VM was re-created with a new MoRef)', async () => {
    // WHEN
    const found = await serverFor({
      [Props.VM_MANAGER_ID]: EAST_ID, [Props.VM_ID]: 'vm-999', [Props.VM_PATH]: '/Datacenters/east-dc/vm/db/db-01', [Props.VM_NAME]: 'db-01',
    });
    // THEN
    expect(found).toBe(east.serverId);
  });

  test('takes the path before the name', async () => {
    // WHEN
    const found = await serverFor({ [Props.VM_PATH]: '/Datacenters/west-dc/vm/db/db-01', [Props.VM_NAME]: 'db-01-new' });
    // THEN
    expect(found).toBe(westTwin.serverId);
  });

  test('narrows a MoRef two vCenters share by the path', async () => {
    // WHEN
    const found = await serverFor({ [Props.VM_ID]: 'vm-101', [Props.VM_PATH]: '/Datacenters/east-dc/vm/db/db-01' });
    // THEN
    expect(found).toBe(east.serverId);
  });

  test('fails listing the candidates when the name alone matches two VMs', async () => {
    // WHEN / THEN
    await expect(serverFor({ [Props.VM_NAME]: 'db-01' })).rejects.toThrow(
      `VM "db-01" matches 2 servers in the SMS server catalog: ${east.serverId} (vmPath "/Datacenters/east-dc/vm/db/db-01", vmManagerName "${EAST}"), `
      + `${westTwin.serverId} (vmPath "/Datacenters/west-dc/vm/db/db-01", vmManagerName "${WEST}")`);
  });

  test('says every identity it looked for when none matches', async () => {
    // WHEN / THEN
    await expect(serverFor({ [Props.VM_MANAGER_ID]: WEST_ID, [Props.VM_ID]: 'vm-999', [Props.VM_NAME]: 'gone-01' })).rejects.toThrow(
      `looked for vmName "gone-01" and vmId "vm-999" and vmManagerId "${WEST_ID}"`);
  });
});
