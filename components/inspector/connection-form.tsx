'use client';
/** The inspector for one connection: its ends (read-only), mode, calls per request and payload. */
import { useCallback } from 'react';
import { checkConnectionDrafts, connectionDrafts, type ConnectionDrafts, type ConnectionField } from '@/core/edit';
import type { Connection } from '@/core/model';
import { useEditor } from '@/components/editor/editor-context';
import { SelectField, TextField } from './fields';
import { nameOf } from './component-name';
import { useCommit } from './use-commit';
import { useDraftForm } from './use-draft-form';
import styles from './inspector.module.css';

const MODE_OPTIONS = [
  { value: 'sync', label: 'sync — the caller waits' },
  { value: 'async', label: 'async — a message, the caller goes on' },
];

export function ConnectionForm({ connection }: { connection: Connection }) {
  const fromName = useEditor((s) => nameOf(s.design, connection.from));
  const toName = useEditor((s) => nameOf(s.design, connection.to));
  const id = connection.id;
  const check = useCallback((d: ConnectionDrafts) => checkConnectionDrafts(connection, d), [connection]);
  const commit = useCommit('connections', id);
  const { form } = useDraftForm<ConnectionField, Connection>(connection, connectionDrafts, check, commit, {
    key: `connections:${id}`,
    where: `${fromName} → ${toName}`,
    reopen: `select the connection ${fromName} → ${toName}`,
    current: (design) => design.connections.find((c) => c.id === id),
  });
  return (
    <form
      className={styles.form}
      onSubmit={(e) => e.preventDefault()}
      aria-label={`Connection from ${fromName} to ${toName}`}
    >
      <dl className={styles.ends}>
        <dt>From</dt>
        <dd>{fromName}</dd>
        <dt>To</dt>
        <dd>{toName}</dd>
      </dl>
      <div className={styles.grid}>
        <SelectField form={form} field="mode" label="Mode" options={MODE_OPTIONS} wide />
        <TextField form={form} field="callsPerRequest" label="Calls per request" help="per request of the caller" />
        <TextField
          form={form}
          field="payloadKb"
          label="Payload (KB)"
          help="what each call sends, caller to callee (responses taken as small); egress when a caller in the cloud sends it to the data centre"
        />
      </div>
    </form>
  );
}
