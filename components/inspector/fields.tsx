'use client';
/**
 * Labelled inputs bound to a draft form. Every input has a visible label (with its unit), optional
 * help, and its error in text tied to it with aria-describedby and aria-invalid.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import type { DraftForm } from './use-draft-form';
import styles from './inspector.module.css';

interface FieldProps<F extends string> {
  form: DraftForm<F>;
  field: F;
  label: string;
  help?: string;
  /** Spans both columns of the grid. */
  wide?: boolean;
}

function describedBy(ids: (string | false | undefined)[]) {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

function FieldShell<F extends string>({
  form,
  field,
  label,
  help,
  wide,
  children,
}: FieldProps<F> & { children: ReactNode }) {
  const id = `${form.idPrefix}-${field}`;
  const error = form.errors[field];
  return (
    <div className={wide ? `${styles.field} ${styles.wide}` : styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children}
      {help && (
        <p id={`${id}-help`} className={styles.help}>
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}

function a11y<F extends string>(form: DraftForm<F>, field: F, help?: string) {
  const id = `${form.idPrefix}-${field}`;
  const error = form.errors[field];
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy([help && `${id}-help`, error && `${id}-error`]),
  };
}

export function TextField<F extends string>(props: FieldProps<F> & { placeholder?: string; numeric?: boolean }) {
  const { form, field, placeholder, numeric = true } = props;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') form.flush();
    if (e.key === 'Escape') form.revert(field);
  };
  return (
    <FieldShell {...props}>
      <input
        {...a11y(form, field, props.help)}
        className={styles.input}
        type="text"
        inputMode={numeric ? 'decimal' : 'text'}
        autoComplete="off"
        spellCheck={numeric ? false : undefined}
        value={form.drafts[field]}
        placeholder={placeholder}
        onChange={(e) => form.set(field, e.target.value)}
        onBlur={form.flush}
        onKeyDown={onKeyDown}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField<F extends string>(
  props: FieldProps<F> & { options: readonly Option[]; onChoose?: (value: string) => void },
) {
  const { form, field, options, onChoose } = props;
  return (
    <FieldShell {...props}>
      <select
        {...a11y(form, field, props.help)}
        className={styles.input}
        value={form.drafts[field]}
        onChange={(e) =>
          onChoose ? onChoose(e.target.value) : form.setNow({ ...form.drafts, [field]: e.target.value })
        }
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField<F extends string>({ form, field, label, help, wide }: FieldProps<F>) {
  const ids = a11y(form, field, help);
  return (
    <div className={wide ? `${styles.field} ${styles.wide}` : styles.field}>
      <label className={styles.checkbox}>
        <input
          {...ids}
          type="checkbox"
          checked={form.drafts[field] === 'true'}
          onChange={(e) => form.setNow({ ...form.drafts, [field]: String(e.target.checked) })}
        />
        {label}
      </label>
      {help && (
        <p id={`${ids.id}-help`} className={styles.help}>
          {help}
        </p>
      )}
    </div>
  );
}
