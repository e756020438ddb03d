/**
 * tRPC's HTTP answers as the tests read them, checked by Zod instead of trusted as `any`: a test that
 * reaches for a field the server no longer sends fails here, naming the field, rather than later on
 * an `undefined`.
 */
import type { APIResponse } from '@playwright/test';
import { z } from 'zod';

const resultSchema = z.object({ result: z.object({ data: z.unknown() }) });
const problemSchema = z.object({ path: z.string(), message: z.string() });

const errorSchema = z.object({
  error: z.object({
    message: z.string(),
    data: z.looseObject({ code: z.string().optional(), problems: z.array(problemSchema).optional() }).optional(),
  }),
});

/** The `result.data` of a successful call, shaped by `schema`. */
export async function trpcData<T>(response: APIResponse, schema: z.ZodType<T>): Promise<T> {
  return schema.parse(resultSchema.parse(await response.json()).result.data);
}

/** The `error` of a refused call (tRPC's, or the body limit's, which answers in the same shape). */
export async function trpcError(response: APIResponse): Promise<z.infer<typeof errorSchema>['error']> {
  return errorSchema.parse(await response.json()).error;
}

/** The paths of the problems a refused call names. */
export async function problemPaths(response: APIResponse): Promise<string[]> {
  return ((await trpcError(response)).data?.problems ?? []).map((p) => p.path);
}

export const createdSchema = z.object({ id: z.string() });
