import { Field } from '../../components/Field.tsx';

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
      <Field label="Runs" error={errors.runs} hint="2 to 1000; empty: deliver at once">
        <input
          name="runs"
          inputMode="numeric"
          value={value.runs}
          onChange={(e) => onChange({ ...value, runs: e.target.value }, 'runs')}
        />
      </Field>
      <Field label="Interval (minutes)" error={errors.interval} hint="1 to 1440 between runs">
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
