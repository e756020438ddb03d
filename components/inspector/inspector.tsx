'use client';
/**
 * The editor's right-hand inspector: the selected component or connection, or a hint. Each form is
 * keyed by the selected id, so choosing another one starts from its stored values.
 */
import { useDeferredValue, useId, type ReactNode } from 'react';
import { useEditor, useEditorStore } from '@/components/editor/editor-context';
import { ComponentForm } from './component-form';
import { nameOf } from './component-name';
import { ConnectionForm } from './connection-form';
import styles from './inspector.module.css';

/** `decision`: what the plan decided for the selected component, shown between its name and its form. */
export function Inspector({ decision }: { decision?: (componentId: string) => ReactNode }) {
  const titleId = useId();
  const store = useEditorStore();
  // Deferred: selecting a node (as a drag starts) must not hold up the canvas's next frame; the
  // panel renders in the background, interruptibly. Until it has caught up, the form on screen is
  // the previous selection's: it is disabled, so a value typed right after a click can never land
  // on the component that was selected before (it would be committed there when the form leaves).
  const live = useEditor((s) => s.selection);
  const selection = useDeferredValue(live);
  const catchingUp = selection !== live;
  const count = selection.components.length + selection.connections.length;
  const componentId = count === 1 ? selection.components[0] : undefined;
  const connectionId = count === 1 ? selection.connections[0] : undefined;
  const component = useEditor((s) => (componentId ? s.design.components.find((c) => c.id === componentId) : undefined));
  const connection = useEditor((s) =>
    connectionId ? s.design.connections.find((c) => c.id === connectionId) : undefined,
  );
  const fromName = useEditor((s) => nameOf(s.design, connection?.from));
  const toName = useEditor((s) => nameOf(s.design, connection?.to));

  let eyebrow = 'Nothing selected';
  let title = 'Inspector';
  let body;
  if (component) {
    eyebrow = 'Component';
    title = component.name;
    body = <ComponentForm key={component.id} component={component} />;
  } else if (connection) {
    eyebrow = `${connection.mode === 'async' ? 'Async' : 'Sync'} connection`;
    title = `${fromName} → ${toName}`;
    body = <ConnectionForm key={connection.id} connection={connection} />;
  } else if (count > 1) {
    eyebrow = 'Several selected';
    body = <p className={styles.hint}>{count} items selected. Select just one component or connection to edit it.</p>;
  } else {
    body = <p className={styles.hint}>Select a component or a connection on the canvas to edit it.</p>;
  }
  return (
    <section className={styles.inspector} aria-labelledby={titleId}>
      <header className={styles.header}>
        <p className={styles.eyebrow}>{eyebrow}</p>
        <h2 id={titleId} className={styles.title}>
          {title}
        </h2>
        {component && (
          <button
            type="button"
            className={`button small ${styles.connect}`}
            aria-keyshortcuts="C"
            onClick={() => store.getState().setConnectFrom(component.id)}
          >
            Connect to…
          </button>
        )}
      </header>
      {/* data-edits-replan: focus here tells the plan worker an edit may come (use-plan-runner.ts). */}
      <fieldset className={styles.body} disabled={catchingUp} aria-busy={catchingUp || undefined} data-edits-replan="">
        {component && decision?.(component.id)}
        {component && <h3 className={styles.formTitle}>Edit the component</h3>}
        {body}
      </fieldset>
    </section>
  );
}
