/**
 * The only globals the core takes from its host, beyond ECMAScript: both exist in browsers, Web
 * Workers and Node. Declared here because core/tsconfig.json has neither the DOM library nor Node's
 * types, so anything else a module reaches for fails to compile.
 */

/** buildPlanAsync hands the thread back between slices so that a worker's cancel message gets through. */
declare function setTimeout(callback: (...args: unknown[]) => void, ms?: number): unknown;
/** plan-sharded.ts stops waiting for another thread's part after a deadline, and clears it when the part comes. */
declare function clearTimeout(handle: unknown): void;

/** json-depth.ts scans JSON text as UTF-8 bytes, whether it arrives as bytes (the server) or a string. */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
