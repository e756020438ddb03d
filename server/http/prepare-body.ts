/**
 * Reads the body of a call that carries a design document (designs.create, designs.save) and
 * prepares the document for storing: the nesting scan, JSON.parse, the versioned loader, and the
 * serialisation the store keeps. This is the heavy part of a 10 MB save (about half a second), so
 * the validation pool runs it in a worker thread (validation-pool.ts); it is a plain function of
 * bytes to plain data, so that the same code also runs inline for small bodies and in tests.
 */
import { findJsonSyntaxError, loadDesign, nestingProblem, type Problem } from '../../core/model';
import { summarizeDocument, type DocumentSummary } from '../services/prepared-document';

export type PreparedBodyDocument = { json: string; summary: DocumentSummary } | { problems: Problem[] };

export type PreparedBody =
  /** `input` is the call's input without its document, which is in `document` when there was one. */
  | { ok: true; input: unknown; document?: PreparedBodyDocument }
  /** The body is not JSON, or nested too deep to read: nothing was parsed. */
  | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function prepareBody(bytes: Uint8Array): PreparedBody {
  const tooDeep = nestingProblem(bytes);
  if (tooDeep) return { ok: false, message: `The request body is ${tooDeep}.` };
  let input: unknown;
  const text = new TextDecoder().decode(bytes);
  try {
    input = JSON.parse(text);
  } catch (e) {
    // Where it goes wrong, in plain words, as a design file's syntax error is reported.
    const fault = findJsonSyntaxError(text);
    const what = fault ? `line ${fault.line}, column ${fault.column}: ${fault.message}` : (e as Error).message;
    return { ok: false, message: `The request body is not valid JSON: ${what}` };
  }
  if (!isObject(input) || !('document' in input)) return { ok: true, input };
  const { document, ...rest } = input;
  const loaded = loadDesign(document);
  if (!loaded.ok) return { ok: true, input: rest, document: { problems: loaded.problems } };
  const json = JSON.stringify(loaded.value);
  return { ok: true, input: rest, document: { json, summary: summarizeDocument(loaded.value, json) } };
}
