export * from './types';
export { ImportSource, OWNED_CONNECTOR_FACTS, OWNED_VM_FACTS } from './import-source';
export { mergeIntoPlan, MergeError } from './merge';
export type { FieldChanges, MergeOptions, MergeSummary } from './merge';
export { importRvtools } from './rvtools';
export type { RvtoolsImportOptions } from './rvtools';
export type { ZipLimits } from './xlsx';
export { importSmsCatalog } from './sms-catalog';
export { importHyperv, HypervExportKind } from './hyperv';
