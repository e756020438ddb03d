/**
 * In a page, zod must not compile parsers with `new Function`: the Content-Security-Policy has no
 * 'unsafe-eval', and even zod's caught probe for it is reported as a violation. Imported first by
 * design.ts, which every schema module imports, so it runs before any schema is built. The server
 * and the plan worker (no `document`, no page CSP) keep the faster compiled parsers.
 * The one module imported for its effect alone: package.json's `sideEffects` lists it (with CSS), which
 * lets the bundlers leave every other module out of a page that uses none of its exports.
 */
import { z } from 'zod';

if ('document' in globalThis) z.config({ jitless: true });
