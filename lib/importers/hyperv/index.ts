export { importHyperv } from './import-hyperv';
export { detectHypervExport, HypervExportKind } from './export-kind';
export { parseScvmmOs } from './scvmm-os';
