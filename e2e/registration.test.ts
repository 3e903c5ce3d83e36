import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSmtpCatcher, type SmtpCatcher } from '../apps/server/test/support/smtp.ts';
import { skipBrowserTests } from './support/browser.ts';
import { useE2e } from './support/session.ts';
import { shows, signIn, visitor } from './support/pages.ts';

const email = 'ines.alhambra@escuela.example';
const password = 'una contraseña larga';

const visit = visitor('registration');

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Salir' }).click();
  await page.waitForURL((url) => url.pathname === '/es');
}

describe.skipIf(skipBrowserTests)('journey in Spanish: sign-up, regional confirmation, national validation', () => {
  let smtp: SmtpCatcher | undefined;
  const e2e = useE2e({
    env: async () => {
      smtp = await startSmtpCatcher();
      return { SMTP_URL: smtp.url };
    },
  });
  afterAll(() => smtp?.close());

  it('takes a new teacher from sign-up to validated, through the region and the NSS, with 0 axe violations', async () => {
    const { page, open } = await e2e.newTab({ locale: 'es-ES' });

    // 1. Sign up.
    await open('/es/registro');
    await visit(page, 'sign-up');
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña', { exact: true }).fill(password);
    await page.getByLabel('Nombre de usuario').fill('ines.alhambra');
    await page.getByLabel('Nombre', { exact: true }).fill('Inés');
    await page.getByLabel('Apellidos').fill('Alhambra Ruiz');
    await page.getByLabel('Acepto el código de conducta').check();
    await page.getByRole('button', { name: 'Crear la cuenta' }).click();
    await shows(page.getByRole('heading', { name: 'Revisa tu correo' }));
    await visit(page, 'check-email');

    // 2. Confirm by the link of the mail received over SMTP.
    const mail = await smtp!.waitFor(email);
    expect(mail.subject).toBe('Confirma tu dirección de correo en OpenTwinning');
    const link = new URL(/https?:\/\/\S+confirmar-correo\?token=[\w-]+/.exec(mail.text)![0]);
    await open(link.pathname + link.search);
    await visit(page, 'confirm');
    await page.getByRole('button', { name: 'Confirmar mi correo' }).click();
    await page.waitForURL((url) => url.pathname === '/es/mi-perfil');

    // 3. Profile.
    await visit(page, 'profile');
    await page.getByLabel('Función en el centro').selectOption('teacher');
    await page.getByLabel('Matemáticas').check();
    await page.getByLabel('Español', { exact: true }).check();
    await page.getByRole('button', { name: 'Guardar y elegir mi centro' }).click();
    await page.waitForURL((url) => url.pathname === '/es/mi-centro');

    // 4. School: not found in Andalucía, so register it.
    await visit(page, 'school');
    await page.getByLabel('País').selectOption('ES');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.waitForURL((url) => url.searchParams.get('country') === 'ES');
    await page.getByLabel('Región').selectOption({ label: 'Andalucía' });
    await page.getByLabel('Nombre del centro').fill('Colegio Alhambra de Pruebas');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await shows(page.getByText('No hemos encontrado ningún centro con ese nombre.'));
    await visit(page, 'school-not-found');
    await page.getByRole('link', { name: 'Mi centro no aparece: registrarlo' }).click();
    await page.waitForLoadState('networkidle');
    await visit(page, 'school-create');
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Registrar el centro' }) });
    await form.getByLabel('Nombre del centro').fill('Colegio Alhambra de Pruebas');
    await form.getByLabel('Educación primaria').check();
    await form.getByLabel('Dirección').fill('Calle Real de la Alhambra, 1');
    await form.getByLabel('Localidad').fill('Granada');
    await form.getByLabel('Código postal').fill('18009');
    await form.getByLabel('Edad del alumnado más joven').fill('6');
    await form.getByLabel('Edad del alumnado mayor').fill('12');
    await form.getByLabel('Nombre del director o directora').fill('Rafael Director');
    await form.getByLabel('Correo del director o directora').fill('direccion.alhambra@escuela.example');
    await form.getByRole('button', { name: 'Registrar el centro' }).click();
    await page.waitForLoadState('networkidle');
    const none = page.getByRole('button', { name: 'Ninguno de estos: registrar el centro' });
    if (await none.count()) await none.click();
    await page.waitForURL((url) => url.pathname === '/es/mi-cuenta');

    // 5. Pending: a clear status page; eTwinner pages answer "not validated".
    await shows(page.getByText(/Tu cuenta espera la validación/));
    await visit(page, 'account-pending');
    await open('/es/personas/lucia.martin');
    await shows(page.getByRole('heading', { name: 'Todavía no puedes ver perfiles' }));
    await signOut(page);

    // 6. The Andalusian coordinator confirms.
    await signIn(page, open, 'coord-andalucia@demo.opentwinning.org');
    await page.getByRole('link', { name: 'Coordinación regional' }).first().click();
    await page.waitForLoadState('networkidle');
    await visit(page, 'regional');
    await page.getByLabel('Seleccionar a Inés Alhambra Ruiz').check();
    await page.getByRole('button', { name: 'Confirmar las seleccionadas' }).click();
    await shows(page.getByText('Inscripciones confirmadas: 1.'));
    await signOut(page);

    // 7. The Spanish NSS validates.
    await signIn(page, open, 'nss-es@demo.opentwinning.org');
    await page.getByRole('link', { name: 'Validación nacional' }).first().click();
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Nombre del centro').fill('Alhambra de Pruebas');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await page.waitForURL((url) => url.searchParams.get('school') === 'Alhambra de Pruebas');
    await shows(page.getByRole('checkbox', { name: 'Seleccionar a Inés Alhambra Ruiz' }));
    await expect(page.getByRole('checkbox', { name: /^Seleccionar a / }).count()).resolves.toBe(1);
    await visit(page, 'nss-queue');
    await page.getByLabel('Seleccionar a Inés Alhambra Ruiz').check();
    await page.getByRole('button', { name: 'Validar las seleccionadas' }).click();
    await shows(page.getByText('Inscripciones validadas: 1.'));
    await visit(page, 'nss-done');
    await signOut(page);
    const validated = await smtp!.waitFor(email, (m) => m.subject === 'Tu cuenta de OpenTwinning está validada');
    expect(validated.text).toContain('Colegio Alhambra de Pruebas');

    // 8. The teacher is an eTwinner now.
    await signIn(page, open, email, { password });
    await open('/es/mi-cuenta');
    await shows(page.getByText('Tu cuenta está validada.'));
    await visit(page, 'account-validated');
    await open('/es/personas/lucia.martin');
    await shows(page.getByRole('heading', { name: 'Lucía Martín' }));
    await visit(page, 'people');
  });
});
