'use client';
/**
 * The Assumptions tab: every figure the plan rests on that is not a component's own — the horizon,
 * step and seed, the prices, the autoscaling figures, the SLO tolerances and the simplicity margin —
 * each with the source of its default and a reset to it. Edited like the inspector's fields (checked
 * by the design's schemas on every keystroke, committed on blur, Enter or a pause: one undo step per
 * change), and every committed change re-plans, as any edit does.
 */
import { useCallback, useMemo } from 'react';
import { useEditor, useEditorStore } from '@/components/editor/editor-context';
import { SelectField, TextField } from '@/components/inspector/fields';
import { useDraftForm, type DraftForm } from '@/components/inspector/use-draft-form';
import {
  ASSUMPTION_FIELDS,
  assumptionDrafts,
  checkAssumptionDrafts,
  isDefault,
  resetDraft,
  sameValue,
  type AssumptionCheck,
  type AssumptionDrafts,
  type AssumptionField,
  type AssumptionGroup,
  type AssumptionValue,
} from '@/core/edit';
import styles from '@/components/inspector/inspector.module.css';
import './assumptions.css';

const GROUPS: { group: AssumptionGroup; intro: string }[] = [
  { group: 'Simulation', intro: 'What is simulated: how long, in what steps, with which random draws.' },
  { group: 'Prices', intro: 'List prices (AWS us-east-1 unless said) and the data centre’s own cost.' },
  { group: 'Autoscaling', intro: 'How fast the cloud follows the load.' },
  { group: 'Decision', intro: 'What “meets the SLO” tolerates, and what a split must save.' },
];

export function AssumptionsPanel() {
  const store = useEditorStore();
  const simulation = useEditor((s) => s.design.simulation);
  const environments = useEditor((s) => s.design.environments);
  const pricing = useEditor((s) => s.design.pricing);
  const stored = useMemo<AssumptionValue>(
    () => ({ simulation, environments, pricing }),
    [simulation, environments, pricing],
  );
  const check = useCallback(
    (d: AssumptionDrafts) => checkAssumptionDrafts(store.getState().design, d),
    // The check reads the design at call time (the components' peaks); it changes with the assumptions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, stored],
  );
  const commit = useCallback(
    (value: AssumptionValue) => {
      const { design, setDesign } = store.getState();
      if (sameValue({ simulation: design.simulation, environments: design.environments }, value)) return;
      setDesign({ ...design, ...value });
    },
    [store],
  );
  const { form } = useDraftForm<string, AssumptionValue, AssumptionCheck>(stored, assumptionDrafts, check, commit);
  return (
    <form
      className={`${styles.form} asm`}
      aria-label="Assumptions"
      data-testid="assumptions-panel"
      onSubmit={(e) => e.preventDefault()}
    >
      <p className="asm-intro">
        The plan rests on these figures. Change one and the design is simulated again; each change is one undo step.
      </p>
      {form.errors.form && <p className={styles.error}>{form.errors.form}</p>}
      {GROUPS.map(({ group, intro }) => (
        <fieldset key={group} className={styles.section}>
          <legend>{group}</legend>
          <p className="asm-intro">{intro}</p>
          {ASSUMPTION_FIELDS.filter((a) => a.group === group).map((a) => (
            <AssumptionRow key={a.key} field={a} form={form} stored={stored} />
          ))}
        </fieldset>
      ))}
    </form>
  );
}

function AssumptionRow({
  field,
  form,
  stored,
}: {
  field: AssumptionField;
  form: DraftForm<string>;
  stored: AssumptionValue;
}) {
  const atDefault = isDefault(field, stored);
  const help = `${atDefault ? 'Default. ' : `Default ${defaultText(field)}. `}Source: ${field.source}`;
  return (
    <div className="asm-row" data-testid={`assumption-${field.key}`}>
      {field.choices ? (
        <SelectField
          form={form}
          field={field.key}
          label={field.label}
          options={field.choices.map((c) => ({ value: String(c), label: String(c) }))}
          help={help}
        />
      ) : (
        <TextField form={form} field={field.key} label={field.label} help={help} />
      )}
      <button
        type="button"
        className="asm-reset"
        disabled={atDefault}
        aria-label={`Reset ${field.label} to its default, ${defaultText(field)}`}
        onClick={() => form.setNow(resetDraft(form.drafts, field))}
      >
        Reset
      </button>
    </div>
  );
}

const defaultText = (field: AssumptionField) => String(Number((field.defaultValue * field.scale).toPrecision(12)));
