import { Vm } from '../../../../lib/plan/model/plan';
import {
  bootVolume, freeGiBOf, linuxVolumeAt, linuxVolumesAt, missingVolume, programFilesVolume, rootVolume, sameVolume, systemVolume,
  tmpVolume, volumesRecorded, windowsVolumeAt,
} from '../../../../lib/rules/mgn/facts/volumes';
import { Outcome } from '../../../../lib/assessment/rule';

const vm = (disks: unknown, guest?: object): Vm => ({ name: 'vm-1', hypervisor: 'vmware', disks, guest } as Vm);

describe('MGN volume lookups', () => {
  test('finds a Linux mount across all disks, trailing slashes aside', () => {
    // GIVEN / on the first disk and /tmp, /boot on the second
    const v = vm([{ volumes: [{ mount: ' / ' }] }, { volumes: [{ mount: '/tmp/' }, { mount: '/boot' }] }]);
    // THEN
    expect(rootVolume(v)?.diskIndex).toBe(0);
    expect(tmpVolume(v)).toMatchObject({ diskIndex: 1, volume: { mount: '/tmp/' } });
    expect(bootVolume(v)?.volume.mount).toBe('/boot');
    expect(linuxVolumeAt(v, '/data')).toBeUndefined();
  });

  test('Linux mounts are case-sensitive', () => {
    expect(linuxVolumeAt(vm([{ volumes: [{ mount: '/TMP' }] }]), '/tmp')).toBeUndefined();
  });

  test('lists every volume with one mount, in disk order', () => {
    const v = vm([{ volumes: [{ mount: '/' }] }, {}, { volumes: [{ mount: '/' }] }]);
    expect(linuxVolumesAt(v, '/').map((p) => p.diskIndex)).toEqual([0, 2]);
  });

  test('the system volume is the one marked system: true, else C: in any case, with or without backslash', () => {
    expect(systemVolume(vm([{ volumes: [{ mount: 'c:\\' }] }]))?.volume.mount).toBe('c:\\');
    expect(systemVolume(vm([{ volumes: [{ mount: 'C:' }] }, { volumes: [{ mount: 'S:', system: true }] }]))?.volume.mount).toBe('S:');
    expect(systemVolume(vm([{ volumes: [{ mount: 'D:' }] }]))).toBeUndefined();
  });

  test('Windows mounts compare case-insensitively, with or without a trailing separator', () => {
    expect(windowsVolumeAt(vm([{ volumes: [{ mount: 'e:\\' }] }]), 'E:')).toBeDefined();
    expect(windowsVolumeAt(vm([{ volumes: [{ mount: 'E:' }] }]), '  ')).toBeUndefined();
  });

  test('Program Files (x86) is on guest.programFilesVolume, else the system volume', () => {
    const disks = [{ volumes: [{ mount: 'C:' }, { mount: 'D:' }] }];
    const byDefault = programFilesVolume(vm(disks));
    expect(byDefault.named).toBeUndefined();
    expect(byDefault.placed?.volume.mount).toBe('C:');
    const named = programFilesVolume(vm(disks, { programFilesVolume: ' d: ' }));
    expect(named).toMatchObject({ named: 'd:', placed: { volume: { mount: 'D:' } } });
    expect(programFilesVolume(vm(disks, { programFilesVolume: 'Z:' }))).toEqual({ named: 'Z:', placed: undefined });
    const system = systemVolume(vm(disks));
    expect(system && byDefault.placed && sameVolume(system, byDefault.placed)).toBe(true);
  });

  test('knows whether any volume list is recorded', () => {
    expect(volumesRecorded(vm(undefined))).toBe(false);
    expect(volumesRecorded(vm([{}]))).toBe(false);
    expect(volumesRecorded(vm([{}, { volumes: [] }]))).toBe(true);
  });

  test('reads a recorded, finite freeGiB only', () => {
    const placed = (freeGiB: unknown) => ({ volume: { freeGiB } as never, disk: {}, diskIndex: 0 });
    expect(freeGiBOf(placed(0))).toBe(0);
    expect(freeGiBOf(placed(undefined))).toBeUndefined();
    expect(freeGiBOf(placed(Number.NaN))).toBeUndefined();
    expect(freeGiBOf(placed('2'))).toBeUndefined();
  });

  test('a missing volume is unknown, naming the field that is missing', () => {
    expect(missingVolume(vm(undefined), 'no volume mounted at / is recorded', 'R')).toEqual({
      outcome: Outcome.UNKNOWN, message: 'no disks are recorded (disks): R' });
    expect(missingVolume(vm([{}]), 'x', 'R').message).toBe('no volumes are recorded (disks[].volumes): R');
    expect(missingVolume(vm([{ volumes: [] }]), 'no volume mounted at / is recorded', 'R').message)
      .toBe('no volume mounted at / is recorded (disks[].volumes[].mount): R');
  });
});
