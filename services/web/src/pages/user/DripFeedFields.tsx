import { fieldError } from '../../components/ErrorNote.tsx';
import { Field } from '../../components/Field.tsx';

export interface DripFeed {
  runs: string;
  interval: string;
}

/** Runs and interval of a drip-feed service: both empty means everything at once. */
export function DripFeedFields(props: { value: DripFeed; onChange: (v: DripFeed) => void; error: unknown }) {
  const { value, onChange, error } = props;
  return (
    <div className="field-row" data-testid="drip-feed">
      <Field label="Runs" error={fieldError(error, 'runs')} hint="2 to 1000; empty: deliver at once">
        <input
          name="runs"
          inputMode="numeric"
          value={value.runs}
          onChange={(e) => onChange({ ...value, runs: e.target.value })}
        />
      </Field>
      <Field label="Interval (minutes)" error={fieldError(error, 'interval')} hint="1 to 1440 between runs">
        <input
          name="interval"
          inputMode="numeric"
          value={value.interval}
          onChange={(e) => onChange({ ...value, interval: e.target.value })}
        />
      </Field>
    </div>
  );
}
