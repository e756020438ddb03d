/** Types for chromium.cjs. */
export declare const CHROMIUM_ARGS: string[];
