/** A connection as the inspector edits it: mode, calls per request and payload, checked by `connectionSchema`. */
import { connectionSchema, type Connection } from '../model/design';
import { fieldErrors, numberText, readNumber, type DraftCheck, type Drafts, type FieldErrors } from './field-drafts';

export const CONNECTION_FIELDS = ['mode', 'callsPerRequest', 'payloadKb'] as const;
export type ConnectionField = (typeof CONNECTION_FIELDS)[number];
export type ConnectionDrafts = Drafts<ConnectionField>;
export type ConnectionCheck = DraftCheck<Connection, ConnectionField>;

export function connectionDrafts(c: Connection): ConnectionDrafts {
  return { mode: c.mode, callsPerRequest: numberText(c.callsPerRequest), payloadKb: numberText(c.payloadKb) };
}

const connectionField = (path: readonly PropertyKey[]): ConnectionField | null =>
  (CONNECTION_FIELDS as readonly PropertyKey[]).includes(path[0] ?? '') ? (path[0] as ConnectionField) : null;

export function checkConnectionDrafts(stored: Connection, drafts: ConnectionDrafts): ConnectionCheck {
  const parseErrors: FieldErrors<ConnectionField> = {};
  const candidate = {
    id: stored.id,
    from: stored.from,
    to: stored.to,
    mode: drafts.mode,
    callsPerRequest: readNumber(drafts, 'callsPerRequest', parseErrors),
    payloadKb: readNumber(drafts, 'payloadKb', parseErrors),
  };
  // Empty is "required" here rather than the schema's default: a value the person cannot see would surprise.
  for (const f of ['callsPerRequest', 'payloadKb'] as const) if (drafts[f].trim() === '') parseErrors[f] = 'required';
  const result = connectionSchema.safeParse(candidate);
  const errors: FieldErrors<ConnectionField> = {
    ...(result.success ? {} : fieldErrors(result.error.issues, connectionField)),
    ...parseErrors,
  };
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: result.data, errors };
}
