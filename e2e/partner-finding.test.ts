import { describe, expect, it } from 'vitest';
import { skipBrowserTests } from './support/browser.ts';
import { useE2e } from './support/session.ts';
import { shows, signIn, visitor } from './support/pages.ts';

/** Lucía teaches in Granada (Spain), Sophie in Lille (France); the demo data keeps them strangers. */
const lucia = { email: 'lucia.martin@demo.opentwinning.org', name: 'Lucía Martín' };
const sophie = { email: 'sophie.laurent@demo.opentwinning.org', username: 'sophie.laurent', name: 'Sophie Laurent' };

const visit = visitor('partner-finding');

/** Names completed by visually hidden text ("Aceptar: Lucía Martín") may read with a space before the colon. */
const named = (label: string, context: string) => new RegExp(`^${label}\\s*:\\s*${context}$`);

describe.skipIf(skipBrowserTests)('finding a partner, from search to suggestions', () => {
  const e2e = useE2e();

  it('a teacher in Spain finds one in France without typing accents, they connect and write, then suggestions explain themselves', async () => {
    // A (Lucía, Spanish pages) searches "contes eleves": Sophie's French presentation says "contes" and "élèves".
    const a = await e2e.newTab({ locale: 'es-ES' });
    await signIn(a.page, a.open, lucia.email, { lang: 'es' });
    await a.open('/es/buscar');
    await a.page.getByLabel('Buscar', { exact: true }).fill('contes eleves');
    await a.page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await a.page.waitForURL((url) => url.searchParams.get('q') === 'contes eleves');
    const results = a.page.getByRole('region', { name: 'Resultados' });
    const card = results.getByRole('article').filter({ hasText: sophie.name });
    await shows(card);
    await shows(card.getByText('Lille · Francia'));
    await visit(a.page, 'search');

    // A opens B's profile from the card and asks to be a contact.
    await card.getByRole('link', { name: sophie.name }).click();
    await a.page.waitForURL((url) => url.pathname === `/es/personas/${sophie.username}`);
    await shows(a.page.getByRole('heading', { name: sophie.name, level: 1 }));
    await visit(a.page, 'profile');
    await a.page.getByLabel('Un mensaje breve (opcional)').fill('Bonjour Sophie ! ¿Un proyecto de cuentos ilustrados?');
    await a.page.getByRole('button', { name: 'Añadir como contacto' }).click();
    await shows(a.page.getByRole('button', { name: 'Retirar la petición' }));

    // B (Sophie, English pages) sees the notification, then accepts on her contacts page.
    const b = await e2e.newTab({ locale: 'en-GB' });
    await signIn(b.page, b.open, sophie.email, { lang: 'en' });
    await b.open('/en/notifications');
    await shows(b.page.getByText(`${lucia.name} would like to be your contact`));
    await visit(b.page, 'notifications');
    await b.open('/en/contacts');
    const received = b.page.getByRole('region', { name: 'Requests received' });
    await shows(received.getByText('Bonjour Sophie ! ¿Un proyecto de cuentos ilustrados?'));
    await received.getByRole('button', { name: named('Accept', lucia.name) }).click();
    await shows(b.page.getByRole('region', { name: 'My contacts' }).getByRole('link', { name: lucia.name }));
    await visit(b.page, 'contacts');

    // They exchange a message: A writes from B's profile, B answers from the conversation.
    await a.open(`/es/personas/${sophie.username}`);
    await a.page.getByRole('link', { name: 'Enviar un mensaje' }).click();
    await a.page.getByLabel('Tu mensaje').fill('¡Gracias! Mis alumnos tienen 8 y 9 años.');
    await a.page.getByRole('button', { name: 'Enviar' }).click();
    await a.page.waitForURL((url) => /^\/es\/mensajes\/[0-9a-f-]{36}$/.test(url.pathname));
    await b.open('/en/messages');
    const conversation = b.page.getByRole('link', { name: new RegExp(`^${lucia.name}\\s*,\\s*1 unread message$`) });
    await shows(conversation);
    await conversation.click();
    await shows(b.page.getByText('¡Gracias! Mis alumnos tienen 8 y 9 años.'));
    await b.page.getByLabel('Your reply').fill('Parfait, mes élèves ont 8 ans. On commence en janvier ?');
    await b.page.getByRole('button', { name: 'Send' }).click();
    await shows(b.page.getByText('Parfait, mes élèves ont 8 ans. On commence en janvier ?'));
    await visit(b.page, 'conversation');
    await a.page.reload();
    await shows(a.page.getByText('Parfait, mes élèves ont 8 ans. On commence en janvier ?'));

    // A opens the suggestions: each card says why, in words; Sophie, now a contact, is not suggested.
    await a.open('/es/sugerencias');
    await shows(a.page.getByRole('heading', { name: 'Socios sugeridos', level: 1 }));
    const suggestions = a.page.getByRole('article');
    await shows(suggestions);
    expect(await suggestions.count()).toBeGreaterThan(2);
    const why = (await suggestions.first().locator('.suggestion__reasons').textContent()) ?? '';
    expect(why).toMatch(/alumnado de \d+ (a \d+ )?años|ambas partes trabajan en|h de horario escolar en común/);
    expect(why).toContain(' · ');
    await expect(suggestions.filter({ hasText: sophie.name }).count()).resolves.toBe(0);
    await visit(a.page, 'suggestions');
  });
});
