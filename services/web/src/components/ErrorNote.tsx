import { ApiError } from '../api/client.ts';
import { problemsOf } from '../lib/error-messages.ts';

/**
 * An error in plain words (lib/error-messages.ts), never its code. With `fields` (the form's field
 * names), what the form shows on those fields is left out; `text` is what to say, when the page has
 * worked it out already (useProblems).
 */
export function ErrorNote(props: { error: unknown; fields?: readonly string[]; text?: string | null }) {
  const { error, fields = [] } = props;
  if (!error) return null;
  const text = props.text !== undefined ? props.text : problemsOf(error, fields).form;
  if (!text) return null;
  return (
    <div
      className="error"
      role="alert"
      data-testid="error"
      data-code={error instanceof ApiError ? error.code : undefined}
    >
      {text}
    </div>
  );
}

/** The message the server gave for one form field (`body.link` → "link"), if any. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f) => f.field === field || f.field.endsWith(`.${field}`))?.message;
}
