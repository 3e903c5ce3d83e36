import type { ProjectDetail } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { callApi, formFailure } from '$lib/api';
import { projectHref, projectsHref } from './links';

/**
 * Answering an invitation to join a project as a partner (R-PRJ-4), from my projects or from the
 * project's page. Accepting with one of my validated schools (asked when I have several); joining
 * opens the project's page.
 */

type Event = RequestEvent<{ lang: string }>;

const field = (data: FormData, name: string): string => {
  const v = data.get(name);
  return typeof v === 'string' ? v : '';
};
const api = (id: string, answer: string) => `/api/project-invitations/${encodeURIComponent(id)}/${answer}`;

export const invitationActions = {
  acceptInvitation: async (e: Event) => {
    const data = await e.request.formData();
    const invitationId = field(data, 'invitationId');
    const schoolId = field(data, 'schoolId') || undefined;
    const result = await callApi<ProjectDetail>(e.fetch, api(invitationId, 'accept'), {
      method: 'POST',
      body: { schoolId },
    });
    if (!result.ok) return formFailure(result, { action: 'acceptInvitation', invitationId, schoolId });
    redirect(303, projectHref(e.params.lang as Locale, result.data.id, { done: 'joined' }));
  },

  declineInvitation: async (e: Event) => {
    const invitationId = field(await e.request.formData(), 'invitationId');
    const result = await callApi(e.fetch, api(invitationId, 'decline'), { method: 'POST' });
    if (!result.ok) return formFailure(result, { action: 'declineInvitation', invitationId });
    redirect(303, projectsHref(e.params.lang as Locale, { done: 'invitation_declined' }));
  },
};
