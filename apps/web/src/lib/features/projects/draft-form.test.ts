import { describe, expect, it } from 'vitest';
import { fieldsOfForm, readDraftForm, withoutFields } from './draft-form';
import { founderFields, readFoundingForm } from './founding-form';

const formData = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

describe('the draft form', () => {
  it('sends numbers, lists and nulls the way PATCH /api/projects/{id} expects them', () => {
    const { body, values } = readDraftForm(
      formData([
        ['title', 'Water around us'],
        ['summary', '   '],
        ['languages', 'es'],
        ['languages', 'fr'],
        ['ageMin', '12'],
        ['ageMax', ' 14 '],
        ['pupils', 'many'],
        ['tools', 'TwinSpace'],
        ['aims', ''],
        ['workProcess', ''],
        ['expectedResults', ''],
        ['erasmusReference', ''],
      ]),
    );
    expect(body).toEqual({
      title: 'Water around us',
      summary: null,
      languages: ['es', 'fr'],
      ageMin: 12,
      ageMax: 14,
      pupils: 'many',
      tools: 'TwinSpace',
      aims: null,
      workProcess: null,
      expectedResults: null,
      erasmusReference: null,
    });
    // Nothing ticked: the lists are left as they are (a draft cannot send an empty list).
    expect(body).not.toHaveProperty('subjects');
    expect(values.subjects).toEqual([]);
    expect(values.ageMax).toBe(' 14 ');
  });

  it('keeps the fields the API did not refuse, to save them all the same', () => {
    const refused = fieldsOfForm({ summary: 'Too short', 'subjects.1': 'Not valid' });
    expect(refused).toEqual({ summary: 'Too short', subjects: 'Not valid' });
    expect(withoutFields({ title: 'T', summary: 'x', subjects: ['a', '?'], aims: null }, refused)).toEqual({
      title: 'T',
      aims: null,
    });
  });
});

describe('the founding form', () => {
  it('splits the co-founder choice into the person and their school', () => {
    const { body } = readFoundingForm(
      formData([
        ['schoolId', 'school-1'],
        ['cofounder', 'carmen.ruiz|school-2'],
        ['title', ' '],
        ['fromPostId', ''],
      ]),
    );
    expect(body).toEqual({
      schoolId: 'school-1',
      cofounder: 'carmen.ruiz',
      cofounderSchoolId: 'school-2',
      fromPostId: undefined,
      title: undefined,
    });
  });

  it('words the reasons the API gives as codes, and shows the co-founder’s school on the co-founder', () => {
    expect(founderFields({ cofounder: 'same_school' }, 'en')).toEqual({
      cofounder: 'The co-founder must be from another school.',
    });
    expect(founderFields({ cofounderSchoolId: 'Choose one.' }, 'es')).toEqual({ cofounder: 'Choose one.' });
  });
});
