import { useMemo } from 'react';
import { ApiError } from '../../api/client.ts';
import { useProblems } from '../../lib/useProblems.ts';

interface Options<F extends string> {
  /** What to write in a field, for the fields the shared catalog (FIELD_TEXT) has no words for. */
  texts?: Partial<Record<F, string>>;
  /**
   * A rule's refusal that names its field in `details.field` (`body.minAmount`: the minimum is above
   * the maximum) or `details[0].field` is said on that field, in these words, not for the whole form.
   */
  rules?: Partial<Record<F, string>>;
  /** Per error code, what the admin is told (useProblems' `overrides`). */
  overrides?: Record<string, string>;
  /** Error codes that are about one field (PROVIDER_URL_NOT_ALLOWED: apiUrl): said there, in `rules`' words. */
  codeFields?: Record<string, F>;
}

/** The field a rule's refusal names (`details.field`, or its code), when the form has it. */
function ruleField(
  error: unknown,
  fields: readonly string[],
  codeFields: Record<string, string>,
): string | null {
  if (!(error instanceof ApiError) || error.code === 'VALIDATION_ERROR') return null;
  const byCode = codeFields[error.code];
  if (byCode) return fields.includes(byCode) ? byCode : null;
  const d = error.details;
  // `{field}`, or a list of `{field, message}` (a service type the panel cannot send: `body.status`).
  const first: unknown = Array.isArray(d) ? d[0] : d;
  const named = typeof first === 'object' && first !== null && 'field' in first ? first.field : null;
  if (typeof named !== 'string') return null;
  const field = named.replace(/^body\./, '');
  return fields.includes(field) ? field : null;
}

/**
 * An admin form's problems (useProblems): each once, on its field when the form has it, cleared when
 * that field is edited (`changed`), the rest for the whole form. Adds the admin's own words for the
 * fields only admins fill in, and puts a rule's refusal on the field it names.
 */
export function useAdminProblems<F extends string>(
  error: unknown,
  fields: readonly F[],
  { texts = {}, rules = {}, overrides, codeFields = {} }: Options<F> = {},
) {
  const fieldKey = fields.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the field list is compared by its names
  const shaped = useMemo(() => {
    const field = ruleField(error, fields, codeFields);
    if (!field || !(error instanceof ApiError)) return error;
    // The shape problemsOf reads as "a rule naming its field" (details.lines[].field).
    return new ApiError(error.status, error.code, error.message, {
      lines: [{ field, message: error.message }],
    });
  }, [error, fieldKey]);
  const p = useProblems(shaped, fields, overrides);
  const ruled = shaped !== error;
  const shown: Partial<Record<F, string>> = {};
  for (const [name, text] of Object.entries(p.fields) as [F, string][]) {
    shown[name] = (ruled ? rules[name] : undefined) ?? texts[name] ?? text;
  }
  return { fields: shown, form: p.form, changed: p.changed as (field: F) => void };
}
