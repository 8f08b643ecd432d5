import { describe, expect, it } from '@jest/globals';
import { PROBLEMS, STEP_IDS } from '@mockboard/interview';
import { ApiRequestError } from '../../lib/api-client';
import {
  bodyFromValues,
  emptyProblemValues,
  linesOf,
  placeProblems,
  problemErrorsFrom,
  stepOfField,
  validateProblemBody,
  valuesFromProblem,
  type ProblemFormValues,
} from './problem-form';

function filledValues(): ProblemFormValues {
  const values = emptyProblemValues();
  values.title = 'Spam filter';
  values.summary = 'Keep spam out of inboxes.';
  values.prompt = 'Design the spam filter of a mail service.';
  for (const step of STEP_IDS) values.guide[step].strongAnswer = `Strong ${step}`;
  return values;
}

describe('bodyFromValues', () => {
  it('splits tags on commas and guide lists on lines, dropping blanks and pasted list markers', () => {
    const values = filledValues();
    values.tags = ' email, ,classification ,';
    values.guide.data.probes = '- Where do labels come from?\n\n  • How fresh are they?  \n* What about imbalance?';
    values.expectedComponents = ['ranker', 'api-gateway'];
    const body = bodyFromValues(values);
    expect(body.tags).toEqual(['email', 'classification']);
    expect(body.guide.data.probes).toEqual(['Where do labels come from?', 'How fresh are they?', 'What about imbalance?']);
    expect(body.guide.data.followUps).toEqual([]);
    // In palette order, not the order they were ticked.
    expect(body.expectedComponents).toEqual(['api-gateway', 'ranker']);
    expect(validateProblemBody(body)).toEqual({ fields: {} });
  });

  it('round-trips every built-in problem through the form unchanged', () => {
    for (const problem of PROBLEMS) {
      const body = bodyFromValues(valuesFromProblem(problem));
      expect(body.guide).toEqual(problem.guide);
      expect(body.tags).toEqual(problem.tags);
      expect(body.clarifications).toEqual(problem.clarifications.map(({ question, answer }) => ({ question, answer })));
      expect(validateProblemBody(body)).toEqual({ fields: {} });
    }
  });
});

describe('validateProblemBody', () => {
  it('places each problem next to its field, in words meant for the author', () => {
    const values = emptyProblemValues();
    values.tags = `ok, ${'x'.repeat(31)}`;
    values.clarifications = [{ key: 'a', question: 'How many users?', answer: '' }];
    values.guide.model.redFlags = `fine\n${'y'.repeat(301)}`;
    const { fields, form } = validateProblemBody(bodyFromValues(values));
    expect(form).toBeUndefined();
    expect(fields.title).toBe('Give the problem a title');
    expect(fields.prompt).toBe('Write the prompt the candidate reads');
    expect(fields.tags).toBe('Tag 2: must be at most 30 characters');
    expect(fields['clarifications.0.answer']).toBe('Must not be empty');
    expect(fields['clarifications.0.question']).toBeUndefined();
    expect(fields['guide.requirements.strongAnswer']).toBe('Write what a strong answer covers in this step');
    expect(fields['guide.model.redFlags']).toBe('Line 2: must be at most 300 characters');
  });
});

describe('problemErrorsFrom', () => {
  it('reads the server’s `path: message` list onto the same fields', () => {
    const body = bodyFromValues(filledValues());
    body.guide.serving.probes = ['a', 'b'];
    const error = new ApiRequestError(
      400,
      'invalid_body',
      'summary: must be at most 200 characters; guide.serving.probes.1: must not contain control characters other than tabs and line breaks; extra: unrecognized key',
    );
    expect(problemErrorsFrom(error, body)).toEqual({
      fields: {
        summary: 'Must be at most 200 characters',
        'guide.serving.probes': 'Line 2: must not contain control characters other than tabs and line breaks',
      },
      form: 'Extra: unrecognized key',
    });
  });

  it('keeps a message about no field for the whole form', () => {
    const error = new ApiRequestError(403, 'forbidden', 'Guests cannot write problems.');
    expect(problemErrorsFrom(error, bodyFromValues(filledValues()))).toEqual({ fields: {}, form: 'Guests cannot write problems.' });
  });
});

describe('helpers', () => {
  it('stepOfField names the guide step a field belongs to', () => {
    expect(stepOfField('guide.evaluation.strongAnswer')).toBe('evaluation');
    expect(stepOfField('guide.nope.probes')).toBeUndefined();
    expect(stepOfField('title')).toBeUndefined();
  });

  it('placeProblems leaves unknown paths to the form', () => {
    expect(placeProblems([{ path: 'guide', message: 'must be an object' }])).toEqual({ fields: {}, form: 'Guide: must be an object' });
  });

  it('linesOf keeps a hyphen that is part of the text', () => {
    expect(linesOf('-1 offsets\nA-B test')).toEqual(['-1 offsets', 'A-B test']);
  });
});
