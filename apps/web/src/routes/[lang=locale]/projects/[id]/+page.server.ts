import type { ProjectDetail } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { error } from '@sveltejs/kit';
import { callApi } from '$lib/api';
import { requireMe } from '$features/accounts/guard';
import { invitationActions } from '$features/projects/invitation-actions';
import { formOptions } from '$features/projects/options';
import { presentProject } from '$features/projects/present';
import { projectActions } from '$features/projects/project-actions';
import { loadContacts, loadCountryNamer, mySchools } from '$features/projects/sources.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * A project's page (GET /api/projects/{id}): its state and approval tracker, members, the form
 * (editable while a draft) and the actions the API says this reader may take (abilities).
 */
export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  const lang = params.lang as Locale;
  const me = requireMe((await parent()).me, lang, url);
  const result = await callApi<ProjectDetail>(fetch, `/api/projects/${encodeURIComponent(params.id)}`);
  if (!result.ok) {
    if (result.status === 403 && result.error.code === 'ACCOUNT_NOT_VALIDATED') {
      return { refusal: result.error.message } as const;
    }
    // A malformed id is an address that does not exist.
    const status = result.status === 422 ? 404 : result.status;
    error(status, { message: result.error.message, code: result.error.code });
  }
  const p = result.data;
  const country = await loadCountryNamer(fetch, lang);
  const project = presentProject(p, { lang, timeZone: me.timeZone, now: new Date(), country, me: me.username });
  // Contacts who are not in the project yet (nor invited): the people I may invite.
  const taken = new Set([...p.members.map((x) => x.person.username), ...p.invitations.map((i) => i.person.username)]);
  const contacts = p.abilities.invite ? ((await loadContacts(fetch, lang, country)) ?? []) : [];
  return {
    refusal: null,
    project,
    options: p.state === 'draft' && p.abilities.edit ? formOptions(lang) : null,
    invitable: contacts
      .filter((c) => !taken.has(c.username))
      .map((c) => ({ value: c.username, label: `${c.name} — ${c.schools.map((s) => s.label).join('; ')}` })),
    schools: p.abilities.invitationId ? mySchools(me, country) : [],
    timeZone: me.timeZone,
    done: url.searchParams.get('done') ?? '',
  };
};

export const actions: Actions = { ...projectActions, ...invitationActions };
