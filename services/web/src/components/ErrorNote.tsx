import { ApiError } from '../api/client.ts';

/** An API error as people read it: the message, the code, and each field the server named. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="error" role="alert" data-testid="error">
      <strong>{message}</strong>
      {api && <span className="code">{api.code}</span>}
      {api && api.fields.length > 0 && (
        <ul>
          {api.fields.map((f) => (
            <li key={`${f.field}:${f.message}`}>
              <code>{f.field}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The message the server gave for one form field (`body.link` → "link"), if any. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f) => f.field === field || f.field.endsWith(`.${field}`))?.message;
}
