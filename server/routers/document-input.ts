/**
 * The `document` of designs.create (import) and designs.save. Over HTTP a large body arrives already
 * read by the validation pool (server/http/validation-pool.ts): a PreparedDocument, or a
 * RefusedDocument with its problems, put in the input by app/api/trpc. From anywhere else (a
 * server-side caller, a test, a small body) it is plain JSON and is loaded here the same way: the
 * versioned loader (migrations, then the strict schema), then serialised once for storing.
 */
import { z } from 'zod';
import { loadDesign, type DesignInput } from '../../core/model';
import { ProblemsError } from '../services/errors';
import { prepareDocument, PreparedDocument, RefusedDocument } from '../services/prepared-document';

function documentInput<Input>() {
  return z
    .custom<Input>((value) => value !== undefined, 'required: a tidemark.design document')
    .transform((value: unknown): PreparedDocument => {
      if (value instanceof PreparedDocument) return value;
      if (value instanceof RefusedDocument) throw new ProblemsError(value.problems);
      const loaded = loadDesign(value);
      if (!loaded.ok) throw new ProblemsError(loaded.problems);
      return prepareDocument(loaded.value);
    });
}

/** designs.save: the editor's document, of the current version. */
export const savedDocumentInput = documentInput<DesignInput>();
/** designs.create from an import: a file's contents, of any version the loader knows (or not). */
export const importedDocumentInput = documentInput<unknown>();
