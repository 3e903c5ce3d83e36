import { describe, expect, it } from 'vitest';
import { fieldsOfForm, readPostForm } from './post-form';

describe('the posting form', () => {
  it('sends numbers, lists and nulls the way the API expects them', () => {
    const data = new FormData();
    for (const [k, v] of [
      ['kind', 'seek'],
      ['title', 'Agua'],
      ['idea', 'Una idea'],
      ['language', 'es'],
      ['ageMin', '12'],
      ['ageMax', ' 14 '],
      ['subjects', 'history'],
      ['subjects', 'geography'],
      ['languages', 'es'],
      ['expectedStart', ''],
      ['durationMonths', ''],
    ])
      data.append(k!, v!);
    const { body, values } = readPostForm(data);
    expect(body).toEqual({
      kind: 'seek',
      title: 'Agua',
      idea: 'Una idea',
      language: 'es',
      ageMin: 12,
      ageMax: 14,
      subjects: ['history', 'geography'],
      languages: ['es'],
      countriesWanted: [],
      expectedStart: null,
      durationMonths: null,
    });
    expect(values.subjects).toEqual(['history', 'geography']);
  });

  it('leaves out what was not chosen and keeps what is not a number for the API to refuse', () => {
    const data = new FormData();
    data.append('ageMin', 'doce');
    data.append('durationMonths', '6');
    const { body } = readPostForm(data);
    expect(body.kind).toBeUndefined();
    expect(body.ageMin).toBe('doce');
    expect(body.ageMax).toBeUndefined();
    expect(body.durationMonths).toBe(6);
  });

  it('shows an error on a list item on the list', () => {
    expect(fieldsOfForm({ 'subjects.1': 'Not valid', title: 'Too short', 'subjects.3': 'Other' })).toEqual({
      subjects: 'Not valid',
      title: 'Too short',
    });
  });
});
