/**
 * What /api/trpc decides before tRPC runs a call, most of it before reading a byte of the body:
 *
 * - a batch holds at most MAX_BATCH_CALLS calls, and never a public call (shares.open) or one that
 *   carries a design document: one POST batching shares.open 200 times once built a 169 MB answer;
 * - mutations from another site are refused (same-origin.ts);
 * - in password mode, a call other than a public one without a session is refused before its body
 *   is read, so a stranger cannot make the server read 10 MB;
 * - public calls take a share view from the caller's address (share-view-limit.ts), plan submissions
 *   one of the address's plan budget (plan-submit-limit.ts);
 * - bodies are limited by what the call needs: 4 KB for a public call, 64 KB for an editor call,
 *   10 MB only for a call that carries a design document;
 * - JSON nested deeper than any document is refused by a linear scan before it is parsed;
 * - a document-carrying body is parsed and validated in the validation pool, and handed to tRPC
 *   already prepared (document-input.ts), so tRPC never parses it on the request thread.
 *
 * Refusals become ordinary tRPC errors (the route throws them from createContext), so the client
 * reads them like any other.
 */
import { TRPCError } from '@trpc/server';
import { MAX_BATCH_CALLS } from '../../components/trpc/unbatched';
import { nestingProblem } from '../../core/model';
import type { EditorAccess } from '../auth/editor-access';
import { PreparedDocument, RefusedDocument } from '../services/prepared-document';
import { SIGN_IN_REQUIRED, type ProcedureMeta } from '../trpc';
import { describeTooLarge, MAX_BODY_BYTES, readBody } from './limit-body';
import { prepareBodyOffThread, PoolBusyError } from './validation-pool';
import type { PreparedBodyDocument } from './prepare-body';
import { crossSiteRefusal } from './same-origin';
import { takeShareView, tooManyViews } from './share-view-limit';
import { takePlanSubmit, tooManySubmits } from './plan-submit-limit';

export const TRPC_ENDPOINT = '/api/trpc';
export { MAX_BATCH_CALLS };
export const PUBLIC_INPUT_BYTES = 4 * 1024;
export const EDITOR_INPUT_BYTES = 64 * 1024;
/** Document-carrying requests being read or prepared at once, at most (each may hold 10 MB). */
export const MAX_DOCUMENT_REQUESTS = 16;

export type Procedures = Record<string, { _def: { meta?: ProcedureMeta } } | undefined>;

export interface Refusal {
  error: TRPCError;
  retryAfterSeconds?: number;
}

export type Admitted = { ok: true; request: Request } | ({ ok: false } & Refusal);

const refuse = (code: TRPCError['code'], message: string, retryAfterSeconds?: number): Admitted => ({
  ok: false,
  error: new TRPCError({ code, message }),
  retryAfterSeconds,
});

/** The procedure paths a tRPC URL names, and whether it is a batch. */
export function callsOf(url: URL): { paths: string[]; isBatch: boolean } {
  const rest = url.pathname.startsWith(`${TRPC_ENDPOINT}/`) ? url.pathname.slice(TRPC_ENDPOINT.length + 1) : '';
  let decoded = rest;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    /* left as it is: tRPC will find no such procedure */
  }
  return { paths: decoded.split(','), isBatch: url.searchParams.get('batch') === '1' };
}

/** The request tRPC answers for a refused call: its paths and method, without the body (never read). */
export function refusedRequest(req: Request): Request {
  const headers = new Headers(req.headers);
  headers.delete('content-length');
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(req.url, { method: req.method, headers, body: hasBody ? '{}' : undefined });
}

/** A request that hands tRPC `input` as its parsed body (tRPC's fetch adapter reads it with `json()`). */
function requestWithInput(req: Request, input: unknown): Request {
  const headers = new Headers(req.headers);
  headers.delete('content-length');
  const request = new Request(req.url, { method: req.method, headers });
  Object.defineProperty(request, 'json', { value: () => Promise.resolve(input) });
  return request;
}

function documentOf(prepared: PreparedBodyDocument): PreparedDocument | RefusedDocument {
  return 'problems' in prepared
    ? new RefusedDocument(prepared.problems)
    : new PreparedDocument(prepared.json, prepared.summary);
}

let documentRequests = 0;

async function readDocumentCall(req: Request): Promise<Admitted> {
  if (documentRequests >= MAX_DOCUMENT_REQUESTS) return refuse('SERVICE_UNAVAILABLE', new PoolBusyError().message, 5);
  documentRequests += 1;
  try {
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!body.ok) return refuse('PAYLOAD_TOO_LARGE', describeTooLarge(body.bytes));
    const prepared = await prepareBodyOffThread(body.bytes);
    if (!prepared.ok) return refuse('BAD_REQUEST', prepared.message);
    const input =
      prepared.document === undefined
        ? prepared.input
        : { ...(prepared.input as object), document: documentOf(prepared.document) };
    return { ok: true, request: requestWithInput(req, input) };
  } catch (e) {
    if (e instanceof PoolBusyError) return refuse('SERVICE_UNAVAILABLE', e.message, 5);
    throw e;
  } finally {
    documentRequests -= 1;
  }
}

async function readSmallCall(req: Request, limit: number): Promise<Admitted> {
  if (req.method === 'GET' || req.method === 'HEAD') {
    const input = new URL(req.url).searchParams.get('input');
    const tooDeep = input && nestingProblem(input);
    return tooDeep ? refuse('BAD_REQUEST', `The input is ${tooDeep}.`) : { ok: true, request: req };
  }
  const body = await readBody(req, limit);
  if (!body.ok) return refuse('PAYLOAD_TOO_LARGE', describeTooLarge(body.bytes, limit));
  const tooDeep = nestingProblem(body.bytes);
  if (tooDeep) return refuse('BAD_REQUEST', `The request body is ${tooDeep}.`);
  const bytes = body.bytes as Uint8Array<ArrayBuffer>;
  return { ok: true, request: new Request(req.url, { method: req.method, headers: req.headers, body: bytes }) };
}

export interface GateContext {
  procedures: Procedures;
  access: EditorAccess;
  /** The client's address, as the edge server vouches for it (request-info.ts). */
  address: string;
}

/** Decides whether tRPC may run this request, and gives it the request to run (body read and checked). */
export async function admitTrpcRequest(req: Request, { procedures, access, address }: GateContext): Promise<Admitted> {
  const { paths, isBatch } = callsOf(new URL(req.url));
  if (paths.length > MAX_BATCH_CALLS)
    return refuse(
      'BAD_REQUEST',
      `A batch may hold at most ${MAX_BATCH_CALLS} calls; this one holds ${paths.length}. Nothing was run.`,
    );
  const metas = paths.map((path) => procedures[path]?._def.meta ?? {});
  const isPublic = metas.some((m) => m.access === 'public');
  const carriesDocument = metas.some((m) => m.carriesDocument === true);
  if (isBatch && (isPublic || carriesDocument)) {
    const alone = paths.filter((_, i) => metas[i]?.access === 'public' || metas[i]?.carriesDocument);
    return refuse('BAD_REQUEST', `${[...new Set(alone)].join(', ')} cannot be batched: send each call on its own.`);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const crossSite = crossSiteRefusal(req);
    if (crossSite) return refuse('FORBIDDEN', crossSite);
  }
  if (access.isPasswordMode && !access.isSignedIn && metas.some((m) => m.access !== 'public'))
    return refuse('UNAUTHORIZED', SIGN_IN_REQUIRED);
  if (isPublic) {
    const wait = await takeShareView(address);
    if (wait > 0) return refuse('TOO_MANY_REQUESTS', tooManyViews(wait), wait);
  }
  if (metas.some((m) => m.rateLimit === 'plan-submit')) {
    const wait = await takePlanSubmit(address);
    if (wait > 0) return refuse('TOO_MANY_REQUESTS', tooManySubmits(wait), wait);
  }
  if (carriesDocument) return readDocumentCall(req);
  return readSmallCall(req, isPublic ? PUBLIC_INPUT_BYTES : EDITOR_INPUT_BYTES);
}
