export const root: string;
export const env: NodeJS.ProcessEnv;
export function bin(name: string): string;
export function buildInputs(base?: string): string[];
export function sourceHash(base?: string): string;
export function build(): void;
export function buildIfStale(): void;
