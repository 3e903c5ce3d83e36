import { confirmAction, decideAction } from '$features/validation/queue.server';
import { officerGet } from '$features/validation/officer-api.server';
import type { AffiliationDetail } from '$features/validation/types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const detail = await officerGet<AffiliationDetail>(
    event,
    `/api/validation/affiliations/${encodeURIComponent(event.params.id)}`,
    true,
  );
  const abilities = me?.abilities;
  return {
    detail,
    timeZone: me?.timeZone,
    // Which form to offer; the API still decides when it is submitted.
    canDecide: !!abilities?.validateCountries.some((c) => c === '*' || c === detail.school.countryCode),
    canConfirm: !!abilities?.confirmRegions.length,
  };
};

export const actions: Actions = {
  decide: decideAction,
  confirm: confirmAction,
};
