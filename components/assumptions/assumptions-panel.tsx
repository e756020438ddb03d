'use client';
/**
 * The Assumptions tab: every figure the plan rests on that is not a component's own — the price book
 * (provider, region, commitment), the horizon, step and seed, the prices, the autoscaling figures, the
 * SLO tolerances and the simplicity margin — each with the source of its default and a reset to it.
 * A price the design leaves to its book shows the chosen book's; choosing another book is one undo
 * step and re-prices every such price (core/edit/pricing-picker.ts). Edited like the inspector's fields (checked
 * by the design's schemas on every keystroke, committed on blur, Enter or a pause: one undo step per
 * change), and every committed change re-plans, as any edit does.
 */
import { useCallback, useId, useMemo } from 'react';
import { CompareProvidersButton } from '@/components/compare/compare-providers';
import { useEditor, useEditorStore } from '@/components/editor/editor-context';
import { SelectField, TextField } from '@/components/inspector/fields';
import { useDraftForm, type DraftForm } from '@/components/inspector/use-draft-form';
import {
  assumptionDrafts,
  billedFields,
  checkAssumptionDrafts,
  commitmentOptions,
  currentPick,
  defaultOf,
  describeBook,
  isDefault,
  pickCommitment,
  pickProvider,
  pickRegion,
  providerOptions,
  regionOptions,
  resetDraft,
  sameValue,
  sourceOf,
  type PickOption,
  type AssumptionCheck,
  type AssumptionDrafts,
  type AssumptionField,
  type AssumptionGroup,
  type AssumptionValue,
} from '@/core/edit';
import { COMMITMENT_HELP, type Commitment, type Design, type PricingProvider } from '@/core/model';
import styles from '@/components/inspector/inspector.module.css';
import './assumptions.css';

const GROUPS: { group: AssumptionGroup; intro: (book: string) => string }[] = [
  { group: 'Simulation', intro: () => 'What is simulated: how long, in what steps, with which random draws.' },
  {
    group: 'Prices',
    intro: (book) => `List prices from ${book} unless the design sets its own, and the data centre’s own cost.`,
  },
  { group: 'Autoscaling', intro: () => 'How fast the cloud follows the load.' },
  { group: 'Decision', intro: () => 'What “meets the SLO” tolerates, and what a split must save.' },
];

/** A refused figure stays while another tab is open (use-draft-form.ts), and shows again here. */
const KEEP = {
  key: 'assumptions',
  where: 'Assumptions',
  reopen: 'open the Assumptions tab',
  current: (design: Design): AssumptionValue => ({
    simulation: design.simulation,
    environments: design.environments,
    pricing: design.pricing,
  }),
};

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
      // The price book is chosen by its own selects (one step each): the drafts carry it only so that
      // unchanged drafts compare equal to the stored value; a late draft never puts an old book back.
      const { design, setDesign } = store.getState();
      const { simulation, environments } = value;
      if (sameValue({ simulation: design.simulation, environments: design.environments }, { simulation, environments }))
        return;
      setDesign({ ...design, simulation, environments });
    },
    [store],
  );
  const { form } = useDraftForm<string, AssumptionValue, AssumptionCheck>(
    stored,
    assumptionDrafts,
    check,
    commit,
    KEEP,
  );
  const book = describeBook({ pricing });
  const fields = useMemo(() => billedFields(stored), [stored]);
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
      <PriceBook flush={form.flush} />
      {GROUPS.map(({ group, intro }) => (
        <fieldset key={group} className={styles.section}>
          <legend>{group}</legend>
          <p className="asm-intro" data-testid={`assumptions-intro-${group.toLowerCase()}`}>
            {intro(book)}
          </p>
          {fields
            .filter((a) => a.group === group)
            .map((a) => (
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
  const shown = defaultText(field, stored);
  const help = `${atDefault ? 'Default. ' : `Default ${shown}. `}Source: ${sourceOf(field, stored)}`;
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
        aria-label={`Reset ${field.label} to its default, ${shown}`}
        onClick={() => form.setNow(resetDraft(form.drafts, field, stored))}
      >
        Reset
      </button>
    </div>
  );
}

const defaultText = (field: AssumptionField, stored: AssumptionValue) =>
  String(Number((defaultOf(field, stored) * field.scale).toPrecision(12)));

/**
 * The price book: provider, region (as the provider names it) and commitment. Each choice is one undo
 * step and re-plans; a field being typed is committed first, so that it is not lost to the re-pricing.
 */
function PriceBook({ flush }: { flush: () => void }) {
  const store = useEditorStore();
  const pricing = useEditor((s) => s.design.pricing);
  const pick = currentPick({ pricing });
  const choose = (change: (design: Design) => Design) => {
    flush();
    const { design, setDesign } = store.getState();
    const next = change(design);
    if (next !== design) setDesign(next);
  };
  return (
    <fieldset className={styles.section} data-testid="price-book">
      <legend>Price book</legend>
      <p className="asm-intro">
        Whose list prices the plan uses: {describeBook({ pricing })}. Prices the design sets itself stay as they are.
      </p>
      <PickSelect
        label="Provider"
        value={pick.provider}
        options={providerOptions(pick.provider)}
        help="Another provider moves to its region in the same part of the world."
        onChoose={(v) => choose((d) => pickProvider(d, v as PricingProvider))}
      />
      {pick.region !== undefined && (
        <PickSelect
          label="Region"
          value={pick.region}
          options={regionOptions(pick.provider)}
          help="The regions this provider’s price book covers, as the provider names them."
          onChoose={(v) => choose((d) => pickRegion(d, v))}
        />
      )}
      <PickSelect
        label="Commitment"
        value={pick.commitment}
        options={commitmentOptions()}
        help={COMMITMENT_HELP}
        onChoose={(v) => choose((d) => pickCommitment(d, v as Commitment))}
      />
      <CompareProvidersButton />
    </fieldset>
  );
}

/** A select that takes effect at once (not a draft): labelled, with its help tied to it. */
function PickSelect({
  label,
  value,
  options,
  help,
  onChoose,
}: {
  label: string;
  value: string;
  options: readonly PickOption[];
  help: string;
  onChoose: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className={styles.field} data-testid={`price-book-${label.toLowerCase()}`}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select
        id={id}
        className={styles.input}
        value={value}
        aria-describedby={`${id}-help`}
        onChange={(e) => onChoose(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <p id={`${id}-help`} className={styles.help}>
        {help}
      </p>
    </div>
  );
}
