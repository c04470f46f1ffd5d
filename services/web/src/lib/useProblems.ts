import { useCallback, useMemo, useState } from 'react';
import { NO_PROBLEMS, type Problems, problemsOf } from './error-messages.ts';

const NONE: ReadonlySet<string> = new Set();

/**
 * The problems of `error` (usually useAction's) as the form shows them, each field's cleared as soon
 * as that field is edited (`changed(name)`), and the form's own once anything is.
 */
export function useProblems(
  error: unknown,
  fields: readonly string[],
  overrides?: Record<string, string>,
): Problems & { changed(field: string): void } {
  const [edited, setEdited] = useState<{ of: unknown; names: ReadonlySet<string> }>({
    of: null,
    names: NONE,
  });
  const fieldKey = fields.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the field list is compared by its names
  const all = useMemo(
    () => (error ? problemsOf(error, fields, overrides) : NO_PROBLEMS),
    [error, fieldKey, overrides],
  );
  const names = edited.of === error ? edited.names : NONE;
  const changed = useCallback(
    (field: string) =>
      setEdited((prev) => {
        const before = prev.of === error ? prev.names : NONE;
        return before.has(field) ? prev : { of: error, names: new Set([...before, field]) };
      }),
    [error],
  );
  const shown = Object.fromEntries(Object.entries(all.fields).filter(([name]) => !names.has(name)));
  return { fields: shown, form: names.size > 0 ? null : all.form, changed };
}
