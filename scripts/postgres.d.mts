export interface RunningPostgres {
  /** The superuser's connection URL on database `postgres`. */
  url: string;
  port: number;
  stop(): void;
}
export function ensurePostgresInstalled(): string;
export function freePort(): Promise<number>;
export function startPostgres(options?: { log?: (line: string) => void }): Promise<RunningPostgres>;
export function createDatabase(serverUrl: string, prefix: string): Promise<string>;
export function dropDatabases(serverUrl: string, names: string[]): Promise<void>;
