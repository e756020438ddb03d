/**
 * Reads a request body with a byte limit, so that a 20 MB (or 2 GB) body is refused before it is
 * parsed, without holding more than the limit in memory.
 */

/** Large enough for a 2,000-component design carrying a year-long one-minute trace (~5 MB). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export type LimitedBody = { ok: true; request: Request } | { ok: false; bytes: number };

export async function limitBody(req: Request, limit = MAX_BODY_BYTES): Promise<LimitedBody> {
  if (req.method === 'GET' || req.method === 'HEAD' || !req.body) return { ok: true, request: req };
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > limit) return { ok: false, bytes: declared };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return { ok: false, bytes: total };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.byteLength;
  }
  return { ok: true, request: new Request(req.url, { method: req.method, headers: req.headers, body }) };
}

export function describeTooLarge(bytes: number, limit = MAX_BODY_BYTES): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `The request body is ${bytes > limit ? 'over' : ''} ${mb(bytes)}; the limit is ${mb(limit)}. Nothing was saved.`;
}
