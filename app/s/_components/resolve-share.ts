/**
 * A share token resolved for a share page (/s/[token], /s/[token]/vs/[other]): one lookup and one
 * recorded view per token per request (React's cache, shared by the metadata and the page); unknown,
 * revoked, expired and overlong tokens all end in the same plain 404.
 */
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { NotFoundError } from '@/server/services/errors';
import { resolveShareLink } from '@/server/services/share-links';

const MAX_TOKEN_LENGTH = 256;

export const resolveSharePage = cache(async (token: string) => {
  if (token.length > MAX_TOKEN_LENGTH) notFound();
  try {
    return await resolveShareLink(await getDb(), token, { recordView: true });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
});
