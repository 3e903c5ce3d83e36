import { describe, expect, it } from 'vitest';
import { skipBrowserTests } from './support/browser.ts';
import { useE2e } from './support/session.ts';
import { shows, signIn, visitor } from './support/pages.ts';

/**
 * R-PRJ-1..5 in the browser: Carmen (Córdoba, Spain — Andalucía uses the regional step) and Camille
 * (Paris, France) are contacts in the demo data; Marco (Italy) is Carmen's contact too.
 */
const carmen = 'carmen.ruiz@demo.opentwinning.org';
const camille = 'camille.dubois@demo.opentwinning.org';
const marco = 'marco.esposito@demo.opentwinning.org';
const title = 'Mares que nos unen';

const visit = visitor('projects');

describe.skipIf(skipBrowserTests)('a project from founding to the gallery', () => {
  const e2e = useE2e();

  it('Spain and France found it, the co-founder accepts, the region and both NSS approve, Italy joins; the gallery shows three countries', async () => {
    // Carmen founds the project with Camille (Spanish pages).
    const es = await e2e.newTab({ locale: 'es-ES' });
    await signIn(es.page, es.open, carmen, { lang: 'es' });
    await es.open('/es/proyectos');
    await visit(es.page, 'mine-es');
    await es.page.getByRole('link', { name: 'Fundar un proyecto' }).first().click();
    await es.page.waitForURL((url) => url.pathname === '/es/proyectos/new');
    const option = es.page.getByLabel('Persona cofundadora').locator('option', { hasText: 'Camille Dubois' });
    await es.page.getByLabel('Persona cofundadora').selectOption((await option.getAttribute('value'))!);
    await shows(es.page.getByText('Será un proyecto europeo'));
    await es.page.getByLabel('Título').fill(title);
    await visit(es.page, 'found');
    await es.page.getByRole('button', { name: 'Crear el borrador' }).click();
    await es.page.waitForURL((url) => /^\/es\/proyectos\/[0-9a-f-]{36}$/.test(url.pathname));
    const path = new URL(es.page.url()).pathname;
    const id = path.split('/').pop()!;

    // The draft: the form, then submission to the co-founder.
    await es.page
      .getByLabel('Resumen')
      .fill('Dos clases junto al mar comparan sus costas, su pesca y sus leyendas, y escriben juntas una guía.');
    await es.page.getByLabel('Desde (años)').fill('12');
    await es.page.getByLabel('Hasta (años)').fill('14');
    await es.page.getByLabel('Número de alumnos').fill('50');
    await es.page.locator('#field-languages input[value="fr"]').check();
    await es.page.locator('#field-subjects input').first().check();
    await es.page.getByLabel('Herramientas').fill('TwinSpace, videollamadas, un mapa común');
    await es.page.getByLabel('Objetivos').fill('Conocer el mar del otro y escribir en su lengua.');
    await es.page
      .getByLabel('Proceso de trabajo')
      .fill('Cada mes una actividad común; cada clase responde en dos semanas.');
    await es.page.getByLabel('Resultados esperados').fill('Una guía bilingüe de nuestras dos costas.');
    await visit(es.page, 'draft');
    await es.page.getByRole('button', { name: 'Enviar el proyecto' }).click();
    await shows(es.page.getByText('Proyecto enviado'));
    await visit(es.page, 'submitted');

    // Camille accepts (English pages), from the notification.
    const fr = await e2e.newTab({ locale: 'en-GB' });
    await signIn(fr.page, fr.open, camille, { lang: 'en' });
    await fr.open('/en/notifications');
    await fr.page
      .getByRole('link', { name: new RegExp(title) })
      .first()
      .click();
    await fr.page.waitForURL((url) => url.pathname === `/en/projects/${id}`);
    await visit(fr.page, 'cofounder');
    await fr.page.getByRole('button', { name: 'Accept as co-founder' }).click();
    await shows(fr.page.getByText('You accepted'));
    await visit(fr.page, 'accepted');

    // Andalucía consents, then the Spanish and French NSS approve from their queues.
    const region = await e2e.newTab({ locale: 'es-ES' });
    await signIn(region.page, region.open, 'coord-andalucia@demo.opentwinning.org', { lang: 'es' });
    await region.open('/es/aprobacion-de-proyectos');
    await region.page
      .getByRole('row', { name: new RegExp(title) })
      .getByRole('button', { name: /Dar la conformidad/ })
      .click();
    await shows(region.page.getByText(/Has dado la conformidad de Andalucía/));
    await visit(region.page, 'queue-region');

    const nssFr = await e2e.newTab({ locale: 'en-GB' });
    await signIn(nssFr.page, nssFr.open, 'nss-fr@demo.opentwinning.org', { lang: 'en' });
    await nssFr.open('/en/project-approvals');
    await visit(nssFr.page, 'queue-nss-fr');
    await nssFr.page
      .getByRole('row', { name: new RegExp(title) })
      .getByRole('button', { name: /Approve/ })
      .click();
    await shows(nssFr.page.getByText(`You approved “${title}” for France.`));
    // One approval alone does not activate a European project.
    await fr.open(`/en/projects/${id}`);
    await shows(fr.page.getByText("The project's TwinSpace is created when the project is approved."));
    expect(await fr.page.getByText(/TwinSpace created on/).count()).toBe(0);

    const nssEs = await e2e.newTab({ locale: 'es-ES' });
    await signIn(nssEs.page, nssEs.open, 'nss-es@demo.opentwinning.org', { lang: 'es' });
    await nssEs.open('/es/aprobacion-de-proyectos');
    await nssEs.page
      .getByRole('row', { name: new RegExp(title) })
      .getByRole('button', { name: /Aprobar/ })
      .click();
    await shows(nssEs.page.getByText('El proyecto ya está activo'));
    await visit(nssEs.page, 'queue-nss-es');

    // Active: the TwinSpace exists. Carmen invites Marco (Italy).
    await es.open(path);
    await shows(es.page.getByText(/TwinSpace creado el/));
    const invite = es.page.getByLabel('Contacto al que invitar');
    const marcoOption = invite.locator('option', { hasText: 'Marco Esposito' });
    await invite.selectOption((await marcoOption.getAttribute('value'))!);
    await es.page.getByRole('button', { name: 'Invitar', exact: true }).click();
    await shows(es.page.getByText('Invitación enviada.'));
    await visit(es.page, 'active');

    const it_ = await e2e.newTab({ locale: 'en-GB' });
    await signIn(it_.page, it_.open, marco, { lang: 'en' });
    await it_.open('/en/projects');
    await visit(it_.page, 'invitation');
    await it_.page
      .getByRole('region', { name: 'Invitations waiting for your answer' })
      .getByRole('button', { name: 'Join the project' })
      .click();
    await shows(it_.page.getByText('You joined the project.'));

    // The public gallery (signed out): the project with its three countries and its map.
    const guest = await e2e.newTab({ locale: 'es-ES' });
    await guest.open(`/es/galeria?q=${encodeURIComponent('mares costas')}`);
    const card = guest.page.getByRole('article').filter({ hasText: title });
    await shows(card);
    await shows(card.getByText(/España/));
    await shows(card.getByText(/Francia/));
    await shows(card.getByText(/Italia/));
    await visit(guest.page, 'gallery');
    await card.getByRole('link', { name: title }).click();
    await guest.page.waitForURL((url) => url.pathname === `/es/galeria/${id}`);
    await shows(guest.page.getByRole('heading', { name: title, level: 1 }));
    await shows(guest.page.locator('svg [data-code="IT"]'));
    // Signed out: schools, no teachers' names.
    expect(await guest.page.getByText('Carmen Ruiz').count()).toBe(0);
    await visit(guest.page, 'public-page');
  });
});
