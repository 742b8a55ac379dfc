export { XlsxWorkbook } from './xlsx-reader';
export type { SheetRef } from './xlsx-reader';
export type { SheetRow, SheetTable } from './sheet-table';
export type { ZipLimits } from './zip';
