import { describeOs, osFamily, osName, windowsRelease } from '../plan/model/os';
import { OsFamily, Vm } from '../plan/model/plan';
import { isVagueName } from '../rules/sms/facts/os';

/**
 * A VM's operating system as the library's own rules read it, for an organisation's rules: the family
 * (from `os.family`, else a recognised `os.name`), the name with its aliases folded (`Windows Server`,
 * `windows-server` and `windows server` are `windows-server`), and the Windows release a version names
 * (`Windows Server 2008 R2`, `2008 R2` and `2008r2` are `2008r2`). Each is undefined when the plan does
 * not record enough: a rule then reports unknown.
 *
 * @example
 * if (VmOs.windowsRelease(vm) === '2008') { ... }
 */
export class VmOs {
  /**
   * The OS family: `os.family`, or the family a recognised `os.name` implies.
   *
   * @returns undefined when neither tells it
   */
  public static family(vm: Vm): OsFamily | undefined {
    return osFamily(vm.os);
  }

  /**
   * The OS name with aliases and case folded: an `OsName` value (`windows-server`, `rhel`, ...), else the
   * lower-cased text as written.
   *
   * @returns undefined when `os.name` is missing, or only says the family (`windows`, `linux`)
   */
  public static name(vm: Vm): string | undefined {
    const name = osName(vm.os);
    return name === undefined || isVagueName(name) ? undefined : name;
  }

  /**
   * The Windows release `os.version` names, folded: `2003`, `2003r2`, `2008`, `2008r2`, `2012`, `2012r2`,
   * `2016`, `2019`, `2022` for servers; `7`, `8`, `8.1`, `10`, `11` for clients. A service pack is left
   * out (`2008 SP2` is `2008`).
   *
   * @returns undefined when `os.version` is missing
   */
  public static windowsRelease(vm: Vm): string | undefined {
    return windowsRelease(vm.os);
  }

  /** The OS as messages name it: `Windows Server 2008 R2`, `RHEL 7.4`, or `the OS` when nothing is known. */
  public static describe(vm: Vm): string {
    return describeOs(vm.os);
  }

  private constructor() {}
}
