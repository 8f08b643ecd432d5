import { useState, type ChangeEvent, type SubmitEvent } from 'react';
import type { z } from 'zod';
import { formErrorsFrom, hasErrors, validateForm, type FieldErrors, type FormErrors } from './form-errors';

interface UseFormOptions<F extends string> {
  initialValues: Record<F, string>;
  /** The request body schema shared with the API, so both sides agree on what is valid. */
  schema: z.ZodType;
  emptyMessages?: Partial<Record<F, string>>;
  /** Rejects with the request's error; its messages are placed next to the matching fields. */
  onSubmit: (values: Record<F, string>) => Promise<unknown>;
}

export interface FieldProps<F extends string> {
  name: F;
  value: string;
  error: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

/** Controlled form state with validation before submit and server errors mapped back onto fields. */
export function useForm<F extends string>({ initialValues, schema, emptyMessages = {}, onSubmit }: UseFormOptions<F>) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FormErrors<F>>({ fields: {} });
  const [pending, setPending] = useState(false);

  // Moving focus to the first problem lets keyboard and screen-reader users fix it without hunting.
  function focusFirstInvalid(form: HTMLFormElement, fieldErrors: FieldErrors<F>): void {
    const first = (Object.keys(values) as F[]).find((name) => fieldErrors[name]);
    const element = first ? form.elements.namedItem(first) : null;
    if (element instanceof HTMLInputElement) element.focus();
  }

  async function handleSubmit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    // React clears currentTarget once the handler returns, and the server may answer after that.
    const form = event.currentTarget;
    if (pending) return;
    const fieldErrors = validateForm(schema, values, emptyMessages);
    if (hasErrors(fieldErrors)) {
      setErrors({ fields: fieldErrors });
      focusFirstInvalid(form, fieldErrors);
      return;
    }
    setErrors({ fields: {} });
    setPending(true);
    try {
      await onSubmit(values);
    } catch (error) {
      const next = formErrorsFrom(error, Object.keys(values) as F[]);
      setErrors(next);
      focusFirstInvalid(form, next.fields);
    } finally {
      setPending(false);
    }
  }

  function field(name: F): FieldProps<F> {
    return {
      name,
      value: values[name],
      error: errors.fields[name],
      onChange: (event) => {
        const value = event.target.value;
        setValues((current) => ({ ...current, [name]: value }));
        // An error about a field the user is now changing is stale; errors about other fields still hold.
        setErrors((current) => (current.fields[name] ? { ...current, fields: { ...current.fields, [name]: undefined } } : current));
      },
    };
  }

  return {
    pending,
    formError: errors.form,
    field,
    onSubmit: (event: SubmitEvent<HTMLFormElement>) => {
      void handleSubmit(event);
    },
  };
}
