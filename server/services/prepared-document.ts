/**
 * A validated design document ready to store: its JSON text and the summary the lists show (name,
 * counts, size), made once, either on the request's thread or in the validation pool
 * (server/http/validation-pool.ts) for large documents. The services store `json` as it is, so a
 * 10 MB document is never parsed or serialised twice on the thread that answers everyone.
 */
import type { Design, Problem } from '../../core/model';

export interface DocumentSummary {
  name: string;
  componentCount: number;
  connectionCount: number;
  /** UTF-8 bytes of `json`: what the document costs the design's storage budget. */
  bytes: number;
}

export class PreparedDocument {
  constructor(
    readonly json: string,
    readonly summary: DocumentSummary,
    private parsed?: Design,
  ) {}

  /** The document itself, parsed from its JSON only when someone asks (a conflict hands it back). */
  get document(): Design {
    this.parsed ??= JSON.parse(this.json) as Design;
    return this.parsed;
  }
}

export function summarizeDocument(document: Design, json: string): DocumentSummary {
  return {
    name: document.name,
    componentCount: document.components.length,
    connectionCount: document.connections.length,
    bytes: Buffer.byteLength(json, 'utf8'),
  };
}

/** A validated document, serialised once for storing. */
export function prepareDocument(document: Design): PreparedDocument {
  const json = JSON.stringify(document);
  return new PreparedDocument(json, summarizeDocument(document, json), document);
}

/** A document the validation pool refused: its problems, reported as if the procedure had found them. */
export class RefusedDocument {
  constructor(readonly problems: readonly Problem[]) {}
}

export const toPrepared = (document: Design | PreparedDocument): PreparedDocument =>
  document instanceof PreparedDocument ? document : prepareDocument(document);
