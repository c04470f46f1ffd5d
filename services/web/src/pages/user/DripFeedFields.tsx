import { Field } from '../../components/Field.tsx';
import { t } from '../../lib/i18n.ts';

export interface DripFeed {
  runs: string;
  interval: string;
}

/** Runs and interval of a drip-feed service: both empty means everything at once. */
export function DripFeedFields(props: {
  value: DripFeed;
  onChange: (v: DripFeed, field: 'runs' | 'interval') => void;
  /** What is wrong with each, in plain words (useProblems). */
  errors: { runs?: string | undefined; interval?: string | undefined };
}) {
  const { value, onChange, errors } = props;
  return (
    <div className="field-row" data-testid="drip-feed">
      <Field label={t('drip.runs')} error={errors.runs} hint={t('drip.runsHint')}>
        <input
          name="runs"
          inputMode="numeric"
          value={value.runs}
          onChange={(e) => onChange({ ...value, runs: e.target.value }, 'runs')}
        />
      </Field>
      <Field label={t('drip.interval')} error={errors.interval} hint={t('drip.intervalHint')}>
        <input
          name="interval"
          inputMode="numeric"
          value={value.interval}
          onChange={(e) => onChange({ ...value, interval: e.target.value }, 'interval')}
        />
      </Field>
    </div>
  );
}
