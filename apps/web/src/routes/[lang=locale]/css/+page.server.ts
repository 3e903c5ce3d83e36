import type { Locale } from '@opentwinning/i18n';
import { countryOptions } from '$features/validation/countries.server';
import { officerGet, submit } from '$features/validation/officer-api.server';
import type { RoleHolder } from '$features/validation/types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const lang = event.params.lang as Locale;
  const [{ officers }, countries] = await Promise.all([
    officerGet<{ officers: RoleHolder[] }>(event, '/api/admin/nss-officers'),
    countryOptions(event.fetch, 'all'),
  ]);
  // Every participating country, with or without officers; and any other country that has some.
  const options = countries ?? [];
  const extra = [...new Set(officers.map((o) => o.countryCode ?? ''))]
    .filter((code) => code && !options.some((c) => c.value === code))
    .map((code) => ({ value: code, label: code }));
  const collator = new Intl.Collator(lang);
  const groups = [...options, ...extra]
    .sort((a, b) => collator.compare(a.label, b.label))
    .map((c) => ({ code: c.value, name: c.label, officers: officers.filter((o) => o.countryCode === c.value) }));
  return { groups, countries: options };
};

async function read(request: Request) {
  const form = await request.formData();
  return (key: string) => String(form.get(key) ?? '').trim();
}

export const actions: Actions = {
  name: async (event) => {
    const get = await read(event.request);
    const values = { form: 'name', username: get('username'), countryCode: get('countryCode') };
    const body = { username: values.username, countryCode: values.countryCode };
    return submit(event, { path: '/api/admin/nss-officers', method: 'POST', body }, values, () => ({
      notice: 'named',
    }));
  },
  revoke: async (event) => {
    const get = await read(event.request);
    return submit(
      event,
      { path: `/api/roles/${encodeURIComponent(get('id'))}`, method: 'DELETE' },
      { form: 'revoke' },
      () => ({
        notice: 'revoked',
      }),
    );
  },
};
