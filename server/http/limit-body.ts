/**
 * Reads a request body with a byte limit, so that a 20 MB (or 2 GB) body is refused before it is
 * parsed, without holding more than the limit in memory. A declared Content-Length over the limit is
 * refused without reading a byte.
 */

/** Large enough for a 2,000-component design carrying a year-long one-minute trace (~5 MB). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export type LimitedBody = { ok: true; bytes: Uint8Array } | { ok: false; bytes: number };

export async function readBody(req: Request, limit = MAX_BODY_BYTES): Promise<LimitedBody> {
  if (req.method === 'GET' || req.method === 'HEAD' || !req.body) return { ok: true, bytes: new Uint8Array(0) };
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
  return { ok: true, bytes: body };
}

const formatSize = (n: number) =>
  n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

export function describeTooLarge(bytes: number, limit = MAX_BODY_BYTES): string {
  return `The request body is ${bytes > limit ? 'over ' : ''}${formatSize(bytes)}; the limit is ${formatSize(limit)}. Nothing was saved.`;
}
