import type { ApiErrorCode } from '@mockboard/protocol';
import type { z } from 'zod';
import { ApiRequestError } from './api-client';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface FormErrors<F extends string> {
  fields: FieldErrors<F>;
  /** A problem that belongs to no single field, shown above the submit button. */
  form?: string;
}

export const NO_ERRORS: FormErrors<never> = { fields: {} };

/**
 * Checks the values with the same schema the API uses, so most mistakes are caught without a round trip
 * and read exactly as the server would word them. `emptyMessages` replaces zod's generic wording for the
 * commonest mistake, a field left blank.
 */
export function validateForm<F extends string>(
  schema: z.ZodType,
  values: Record<F, string>,
  emptyMessages: Partial<Record<F, string>>,
): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const field of Object.keys(emptyMessages) as F[]) {
    if (values[field].trim() === '') errors[field] = emptyMessages[field];
  }
  const result = schema.safeParse(values);
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && field in values && errors[field as F] === undefined) {
      errors[field as F] = sentenceCase(issue.message);
    }
  }
  return errors;
}

export function hasErrors<F extends string>(errors: FieldErrors<F>): boolean {
  return Object.values(errors).some(Boolean);
}

/** Turns a failed request into messages placed next to the fields they are about. */
export function formErrorsFrom<F extends string>(error: unknown, fields: readonly F[]): FormErrors<F> {
  if (!(error instanceof ApiRequestError)) return { fields: {}, form: 'Something went wrong. Please try again.' };
  const code: ApiErrorCode | 'network' = error.code;
  switch (code) {
    case 'invalid_body':
      return fromProblemList(error.message, fields);
    case 'email_taken':
      return onField('email', error.message, fields);
    case 'invalid_credentials':
    case 'rate_limited':
    case 'not_a_guest':
    case 'unauthorized':
    case 'forbidden':
    case 'not_found':
    case 'conflict':
    case 'payload_too_large':
    case 'internal':
    case 'network':
      return { fields: {}, form: error.message };
    default:
      return assertUnreachable(code);
  }
}

/** The API words invalid bodies as `field: problem; field: problem` (see ZodBodyPipe). */
function fromProblemList<F extends string>(message: string, fields: readonly F[]): FormErrors<F> {
  const result: FormErrors<F> = { fields: {} };
  const leftovers: string[] = [];
  for (const problem of message.split('; ')) {
    const separator = problem.indexOf(': ');
    const field = separator > 0 ? problem.slice(0, separator) : '';
    if (isField(field, fields) && result.fields[field] === undefined) {
      result.fields[field] = sentenceCase(problem.slice(separator + 2));
    } else {
      leftovers.push(problem);
    }
  }
  if (leftovers.length > 0) result.form = sentenceCase(leftovers.join('; '));
  return result;
}

function onField<F extends string>(name: string, message: string, fields: readonly F[]): FormErrors<F> {
  if (!isField(name, fields)) return { fields: {}, form: message };
  const result: FormErrors<F> = { fields: {} };
  result.fields[name] = message;
  return result;
}

function isField<F extends string>(name: string, fields: readonly F[]): name is F {
  return (fields as readonly string[]).includes(name);
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
