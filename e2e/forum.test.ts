import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkA11y } from './support/a11y.ts';
import { screenshot, skipBrowserTests } from './support/browser.ts';
import { useE2e, type Tab } from './support/session.ts';
import { shows, signIn, visitor } from './support/pages.ts';

/** Two validated demo teachers (apps/server/src/platform/seed/demo-data.json). */
const carmen = { email: 'carmen.ruiz@demo.opentwinning.org', name: 'Carmen Ruiz' };
const marco = { email: 'marco.esposito@demo.opentwinning.org', name: 'Marco Esposito' };
const title = 'Historia local: entrevistas a nuestros mayores';
const reply = 'Ciao Carmen! Our history class in Naples would love to interview grandparents too.';

const visit = visitor('forum');

/**
 * A page seen without JavaScript: photographed, then checked with axe in a twin tab of the same
 * session that runs scripts (axe does not finish in a page where JavaScript is disabled).
 */
async function visitWithoutScripts(tab: Tab, twin: Tab, name: string): Promise<void> {
  await tab.page.waitForLoadState('load');
  await screenshot(tab.page, `forum-${name}`);
  const url = new URL(tab.page.url());
  await twin.open(`${url.pathname}${url.search}`);
  await checkA11y(twin.page);
}

const account = (page: Page) => page.getByRole('navigation', { name: 'Tu cuenta' });
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Principal' });
const postPath = /^\/es\/foro-de-socios\/[0-9a-f-]{36}$/;

describe.skipIf(skipBrowserTests)('partner forum, notifications and suggested partners', () => {
  const e2e = useE2e();

  it(
    'posts, filters, replies (without JavaScript), notifies, closes and suggests, with 0 axe violations',
    { timeout: 180_000 },
    async () => {
      // A: Carmen, in Spanish, with JavaScript.
      const a = await e2e.newTab({ locale: 'es-ES' });
      await signIn(a.page, a.open, carmen.email, { lang: 'es' });

      // 0. The header says how many notifications are unread; Carmen reads the demo ones.
      await a.open('/es');
      await account(a.page)
        .getByRole('link', { name: /^Avisos, \d+ sin leer$/ })
        .click();
      await a.page.waitForURL((url) => url.pathname === '/es/avisos');
      await shows(a.page.getByText(/^Tienes \d+ avisos? sin leer\.$/));
      await expect(
        a.page.getByRole('list', { name: 'Tus avisos' }).getByText('Sin leer', { exact: true }).count(),
      ).resolves.toBeGreaterThan(0);
      await visit(a.page, 'notifications-demo');
      await a.page.getByRole('button', { name: 'Marcar todos como leídos' }).click();
      await shows(a.page.getByText('Todos los avisos están marcados como leídos.'));
      await shows(a.page.getByText('No tienes avisos sin leer.'));
      await shows(account(a.page).getByRole('link', { name: 'Avisos', exact: true }));

      // 1. From the header to the forum, and to the posting form.
      await mainNav(a.page).getByRole('link', { name: 'Foro' }).click();
      await a.page.waitForURL((url) => url.pathname === '/es/foro-de-socios');
      await shows(a.page.getByRole('heading', { name: 'Foro de socios', level: 1 }));
      await visit(a.page, 'list');
      await a.page.getByRole('link', { name: 'Publicar un anuncio' }).click();
      await a.page.waitForURL((url) => url.pathname === '/es/foro-de-socios/new');
      await shows(a.page.getByRole('heading', { name: 'Publicar un anuncio', level: 1 }));
      await visit(a.page, 'new');

      // An empty form: the API's field errors show in the summary and next to the fields.
      await a.page.getByRole('button', { name: 'Publicar el anuncio' }).click();
      const summary = a.page.getByRole('alert');
      await shows(summary.getByRole('link', { name: /^Materias: / }));
      await shows(a.page.locator('#field-title-error'));
      await shows(a.page.locator('#field-subjects-error'));
      await visit(a.page, 'new-errors');

      // The post, every field filled by its label.
      await a.page.getByLabel('Busco un proyecto al que unirme').check();
      await a.page.getByLabel('Título', { exact: true }).fill(title);
      await a.page
        .getByLabel('La idea', { exact: true })
        .fill(
          'Nuestro alumnado de 12 a 14 años entrevista a sus abuelos sobre cómo era su barrio y lo compara con el de otro país.',
        );
      await a.page.getByLabel('Idioma en que escribes el anuncio').selectOption('es');
      await a.page.getByLabel('Desde (años)').fill('12');
      await a.page.getByLabel('Hasta (años)').fill('14');
      await a.page.getByRole('group', { name: 'Materias', exact: true }).getByLabel('Historia').check();
      const languages = a.page.getByRole('group', { name: 'Idiomas de trabajo del proyecto' });
      await languages.getByLabel('Español', { exact: true }).check();
      await languages.getByLabel('Italiano', { exact: true }).check();
      await a.page
        .getByRole('group', { name: /^Países de los socios/ })
        .getByLabel('Italia', { exact: true })
        .check();
      await a.page.getByLabel('Inicio previsto (opcional)').fill('2027-02-01');
      await a.page.getByLabel('Duración en meses (opcional)').fill('6');
      await a.page.getByRole('button', { name: 'Publicar el anuncio' }).click();
      await a.page.waitForURL((url) => postPath.test(url.pathname) && url.searchParams.get('done') === 'posted');
      await shows(a.page.getByRole('heading', { name: title, level: 1 }));
      await shows(a.page.getByText('Tu anuncio está publicado.'));
      await shows(a.page.getByText('Busca un proyecto', { exact: true }));
      await shows(a.page.getByText('De 12 a 14 años'));
      await shows(a.page.getByText('1 de febrero de 2027'));
      await shows(a.page.getByText('6 meses'));
      const path = new URL(a.page.url()).pathname;
      await visit(a.page, 'post-new');

      // 2. The list filtered by a subject (a GET form) shows it, and not the posts of other subjects.
      await a.page.getByRole('link', { name: 'Volver al foro' }).click();
      await a.page.waitForURL((url) => url.pathname === '/es/foro-de-socios');
      await a.page.getByLabel('Materia', { exact: true }).selectOption({ label: 'Historia' });
      await a.page.getByRole('button', { name: 'Filtrar' }).click();
      await a.page.waitForURL((url) => url.searchParams.get('subject') === 'history');
      const results = a.page.getByRole('region', { name: 'Anuncios' });
      await shows(results.getByRole('link', { name: title }));
      await expect(
        results.getByRole('link', { name: 'Cuentos tradicionales de Europa ilustrados por niños' }).count(),
      ).resolves.toBe(0);
      await visit(a.page, 'list-history');

      // 3. B: Marco, in English and without JavaScript, finds the post and replies.
      const b = await e2e.newTab({ locale: 'en-GB', javaScriptEnabled: false });
      await signIn(b.page, b.open, marco.email, { lang: 'en' });
      const bTwin = await e2e.newTab({ locale: 'en-GB', storageState: await b.context.storageState() });
      await b.open('/en/partner-forum');
      await shows(b.page.getByRole('heading', { name: 'Partner forum', level: 1 }));
      await visitWithoutScripts(b, bTwin, 'list-en');
      await b.page.getByRole('link', { name: title }).click();
      await b.page.waitForURL((url) => url.pathname === path.replace('/es/foro-de-socios/', '/en/partner-forum/'));
      await shows(b.page.getByRole('heading', { name: title, level: 1 }));
      await shows(b.page.getByText('Looking for a project', { exact: true }));
      await expect(b.page.getByRole('heading', { name: 'Suggested partners for this post' }).count()).resolves.toBe(0);
      await visitWithoutScripts(b, bTwin, 'post-en');
      await b.page.getByLabel('Your reply').fill(reply);
      await b.page.getByRole('button', { name: 'Publish the reply' }).click();
      await b.page.waitForURL((url) => url.searchParams.get('done') === 'replied');
      await shows(b.page.getByText('Reply published.'));
      await shows(b.page.getByRole('list', { name: 'Replies to the post' }).getByText(reply));
      await visitWithoutScripts(b, bTwin, 'post-en-replied');

      // 4. A is told: the header counts it, the notifications page links to the post.
      await a.open('/es/foro-de-socios');
      await account(a.page).getByRole('link', { name: 'Avisos, 1 sin leer' }).click();
      await a.page.waitForURL((url) => url.pathname === '/es/avisos');
      await shows(a.page.getByText('Tienes 1 aviso sin leer.'));
      const notice = a.page.getByRole('link', { name: `${marco.name} ha respondido a tu anuncio «${title}» (1)` });
      await shows(notice);
      await visit(a.page, 'notifications-reply');
      await notice.click();
      await a.page.waitForURL((url) => url.pathname === path);
      await shows(a.page.getByRole('list', { name: 'Respuestas al anuncio' }).getByText(reply));
      await shows(a.page.getByRole('heading', { name: 'Respuestas (1)' }));
      // Reading the post read its notice: the header no longer counts it.
      await shows(account(a.page).getByRole('link', { name: 'Avisos', exact: true }));
      // The author sees the partners suggested for the post.
      await shows(a.page.getByRole('heading', { name: 'Socios sugeridos para este anuncio' }));
      await visit(a.page, 'post-author');

      // 5. A closes the post: no more replies, said in words.
      await a.page.getByRole('button', { name: 'Cerrar este anuncio' }).click();
      await shows(a.page.getByText('Anuncio cerrado: ya no admite respuestas, pero se puede seguir leyendo.'));
      await shows(a.page.getByText('Este anuncio está cerrado: ya no admite respuestas.'));
      await expect(a.page.getByRole('button', { name: 'Cerrar este anuncio' }).count()).resolves.toBe(0);
      await expect(a.page.getByLabel('Tu respuesta').count()).resolves.toBe(0);
      await visit(a.page, 'post-closed');

      // B's English page in the tab with JavaScript still shows the form: a second reply is refused (409), in words.
      await bTwin.page.getByLabel('Your reply').fill('One more idea: a shared map of the interviews.');
      await bTwin.page.getByRole('button', { name: 'Publish the reply' }).click();
      await shows(bTwin.page.getByRole('alert').getByText('This post is closed: it takes no more replies.'));
      await bTwin.page.getByLabel('Your reply').waitFor({ state: 'detached', timeout: 15_000 });
      await expect(bTwin.page.getByText('Reply published.').count()).resolves.toBe(0);
      await visit(bTwin.page, 'post-en-refused');
      // Without JavaScript, the post now says so instead of offering the form.
      await b.page.reload();
      await shows(b.page.getByText('This post is closed: it takes no more replies.'));
      await expect(b.page.getByLabel('Your reply').count()).resolves.toBe(0);
      await visitWithoutScripts(b, bTwin, 'post-en-closed');

      // 6. Suggested partners: a score in words for screen readers, and the reasons line.
      await mainNav(a.page).getByRole('link', { name: 'Sugerencias' }).click();
      await a.page.waitForURL((url) => url.pathname === '/es/sugerencias');
      await shows(a.page.getByRole('heading', { name: 'Socios sugeridos', level: 1 }));
      const cards = a.page.getByRole('article');
      await shows(cards);
      expect(await cards.count()).toBeGreaterThan(0);
      await shows(cards.first().getByText(/^Afinidad: \d+ de 100$/));
      const reasons = (await cards.first().locator('.suggestion__reasons').textContent()) ?? '';
      expect(reasons.replace(/\s+/g, ' ').trim()).toMatch(/^Por qué: .+/);
      expect(reasons).toMatch(/por ambas partes|ambas partes trabajan en|ambas partes enseñan|horario escolar/);
      await shows(a.page.getByRole('heading', { name: 'Cómo se calcula la afinidad', level: 2 }));
      await visit(a.page, 'suggestions');

      await a.open('/en/suggestions');
      await shows(a.page.getByRole('heading', { name: 'Suggested partners', level: 1 }));
      await shows(a.page.getByText(/^Match score: \d+ out of 100$/));
      await shows(a.page.getByText(/on both sides|both work in|both teach|common school time/));
      await visit(a.page, 'suggestions-en');
    },
  );
});
