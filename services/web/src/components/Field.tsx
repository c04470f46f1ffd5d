import type { ReactNode } from 'react';

/** A labelled form control with an optional hint and the server's message for it. */
export function Field(props: { label: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is passed as a child
    <label className={props.error ? 'field invalid' : 'field'}>
      <span className="label">{props.label}</span>
      {props.children}
      {props.hint && <span className="hint">{props.hint}</span>}
      {props.error && <span className="field-error">{props.error}</span>}
    </label>
  );
}
