import { countryDetail, countryOptions, countryScope } from '$features/validation/countries.server';
import { officerGet, submit } from '$features/validation/officer-api.server';
import type { RoleHolder } from '$features/validation/types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const scope = countryScope(me, event.url.searchParams.get('country'));
  // An officer of several countries starts with the first; the CSS chooses.
  const code = scope.country || (Array.isArray(scope.choices) ? (scope.choices[0] ?? '') : '');
  const countries = await countryOptions(event.fetch, scope.choices);
  if (!code) {
    // No country yet: the API still says whether this person may be here (only the CSS reads every country).
    await officerGet(event, '/api/audit');
    return { countries, countryCode: '', country: null, coordinators: [] };
  }
  const [{ coordinators }, country] = await Promise.all([
    officerGet<{ coordinators: RoleHolder[] }>(event, `/api/nss/${encodeURIComponent(code)}/regional-coordinators`),
    countryDetail(event.fetch, code),
  ]);
  return { countries, countryCode: code, country: country ?? null, coordinators };
};

async function fields(request: Request) {
  const form = await request.formData();
  const get = (key: string) => String(form.get(key) ?? '').trim();
  return { get, country: encodeURIComponent(get('country')) };
}

export const actions: Actions = {
  step: async (event) => {
    const { get, country } = await fields(event.request);
    const enabled = get('enabled') === 'true';
    return submit(
      event,
      { path: `/api/nss/${country}/regional-step`, method: 'PUT', body: { enabled } },
      { form: 'step' },
      () => ({
        notice: enabled ? 'step_on' : 'step_off',
      }),
    );
  },
  revoke: async (event) => {
    const { get } = await fields(event.request);
    return submit(
      event,
      { path: `/api/roles/${encodeURIComponent(get('id'))}`, method: 'DELETE' },
      { form: 'revoke' },
      () => ({
        notice: 'revoked',
      }),
    );
  },
  name: async (event) => {
    const { get, country } = await fields(event.request);
    const values = { form: 'name', username: get('username'), regionId: get('regionId') };
    const body = { username: values.username, regionId: Number(values.regionId) || 0 };
    return submit(event, { path: `/api/nss/${country}/regional-coordinators`, method: 'POST', body }, values, () => ({
      notice: 'named',
    }));
  },
};
