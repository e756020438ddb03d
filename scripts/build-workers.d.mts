export const WORKERS: Record<string, string>;
export function workersDir(base?: string): string;
export function buildWorkers(outdir?: string): Record<string, string>;
