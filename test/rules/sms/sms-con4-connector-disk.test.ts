import { connectorDisk } from '../../../lib/rules/sms/sms-con4-connector-disk';
import { Outcome } from '../../../lib/assessment/rule';
import { connectorContext } from '../../helpers/context';

describe('SMS-CON4 connector disk', () => {
  const vmware = (facts: object) => connectorDisk(connectorContext({ hypervisor: 'vmware', ...facts }));
  const hyperv = (facts: object) => connectorDisk(connectorContext({ hypervisor: 'hyperv', ...facts }));

  describe('VMware thin-provisioned', () => {
    test('passes exactly 20 GiB', () => {
      expect(vmware({ diskGiB: 20, diskProvisioning: 'thin' }).outcome).toBe(Outcome.PASS);
    });

    test('fails just under 20 GiB, naming the size and both minimums', () => {
      const result = vmware({ diskGiB: 19.999, diskProvisioning: 'thin' });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe('connector disk 19.999 GiB thin-provisioned is below 20 GiB '
        + '(VMware needs 20 GiB thin-provisioned or 250 GiB thick-provisioned)');
    });
  });

  describe('VMware thick-provisioned', () => {
    test('passes exactly 250 GiB', () => {
      expect(vmware({ diskGiB: 250, diskProvisioning: 'thick' }).outcome).toBe(Outcome.PASS);
    });

    test('fails just under 250 GiB, even though it would be enough thin', () => {
      const result = vmware({ diskGiB: 249.999, diskProvisioning: 'thick' });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toMatch(/^connector disk 249\.999 GiB thick-provisioned is below 250 GiB \(VMware needs/);
    });
  });

  describe('VMware without diskProvisioning', () => {
    test('passes 250 GiB or more: enough either way', () => {
      expect(vmware({ diskGiB: 250 }).outcome).toBe(Outcome.PASS);
      expect(vmware({ diskGiB: 500 }).outcome).toBe(Outcome.PASS);
    });

    test('fails under 20 GiB: too small either way', () => {
      const result = vmware({ diskGiB: 19.5 });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toMatch(/^connector disk 19\.5 GiB is below 20 GiB, too small however it is provisioned/);
    });

    test('is unknown between 20 and 250 GiB, naming diskProvisioning', () => {
      for (const diskGiB of [20, 100, 249.999]) {
        const result = vmware({ diskGiB });
        expect(result.outcome).toBe(Outcome.UNKNOWN);
        expect(result.message).toMatch(/only if thin-provisioned, which is not recorded \(diskProvisioning\)/);
      }
    });
  });

  test('VMware: is unknown when the size is missing, naming diskGiB', () => {
    const result = vmware({ diskProvisioning: 'thin' });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(diskGiB\): VMware needs 20 GiB thin-provisioned or 250 GiB thick-provisioned/);
  });

  describe('Hyper-V', () => {
    test('passes exactly 300 GiB, however provisioned', () => {
      expect(hyperv({ diskGiB: 300 }).outcome).toBe(Outcome.PASS);
      expect(hyperv({ diskGiB: 300, diskProvisioning: 'thin' }).outcome).toBe(Outcome.PASS);
    });

    test('fails just under 300 GiB, even thin-provisioned', () => {
      const result = hyperv({ diskGiB: 299.999, diskProvisioning: 'thin' });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe('connector disk 299.999 GiB is below the 300 GiB Hyper-V needs');
    });

    test('is unknown when the size is missing, naming diskGiB', () => {
      const result = hyperv({});
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/\(diskGiB\): Hyper-V needs at least 300 GiB/);
    });
  });
});
