import { Nic } from '../../plan/model/plan';
import { Col } from './headers';
import { Table } from './tabs';
import { cell, RowIdentity } from './vm-index';
import { addressForm, splitList } from './values';
import { ownerOf, VmSet } from './vms';
import { Warnings } from './warnings';

/**
 * Network interfaces from vNetwork, one per row. Addresses come from `IPv4 Address` and
 * `IPv6 Address` (RVTools 4.1.2+) or the single `IP Address` of older releases, split by their form.
 *
 * RVTools only knows the addresses the VMware Tools report: a NIC whose address cells are all empty
 * gets no address lists (unknown), not empty ones (none). When a cell is filled in, the guest reported
 * that NIC's addresses, so both lists are written, the missing family as an empty list. Whether an
 * address is static or from DHCP is not in RVTools.
 */
export function readNics(set: VmSet, tables: readonly Table[], warnings: Warnings): void {
  for (const table of tables) {
    const ids = new RowIdentity(table);
    const h = table.headers;
    const template = h.index(Col.TEMPLATE);
    const addressColumns = [h.index(Col.IPV4_ADDRESS), h.index(Col.IPV6_ADDRESS), h.index(Col.IP_ADDRESS)]
      .filter((c): c is number => c !== undefined);
    for (const row of table.rows) {
      const vm = ownerOf(set, ids, table, row, warnings, template);
      if (vm === undefined) {
        continue;
      }
      const cells = addressColumns.map((c) => cell(row, c)).filter((c): c is string => c !== undefined);
      if (cells.length === 0) {
        vm.nics.push({});
        continue;
      }
      const ipv4: string[] = [];
      const ipv6: string[] = [];
      for (const address of cells.flatMap(splitList)) {
        const form = addressForm(address);
        const list = form === 'ipv4' ? ipv4 : form === 'ipv6' ? ipv6 : undefined;
        if (list === undefined) {
          warnings.row(table, row, `${vm.name}: "${address}" is not an IP address: left out`);
        } else if (!list.includes(address)) {
          list.push(address);
        }
      }
      const nic: Nic = { ipv4, ipv6 };
      vm.nics.push(nic);
    }
  }
}
