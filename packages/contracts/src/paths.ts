/**
 * The web pages and their address in each language (/es/paises ↔ /en/countries). Shared by the
 * web UI (routing, links) and the server (links in emails). Internal route = the key's route folder.
 */
export const pages = {
  home: { route: '', es: '', en: '' },
  about: { route: 'about', es: 'que-es', en: 'about' },
  countries: { route: 'countries', es: 'paises', en: 'countries' },
  signUp: { route: 'sign-up', es: 'registro', en: 'sign-up' },
  confirmEmail: { route: 'confirm-email', es: 'confirmar-correo', en: 'confirm-email' },
  signIn: { route: 'sign-in', es: 'entrar', en: 'sign-in' },
  passwordReset: { route: 'reset-password', es: 'recuperar-contrasena', en: 'reset-password' },
  account: { route: 'account', es: 'mi-cuenta', en: 'my-account' },
  profile: { route: 'profile', es: 'mi-perfil', en: 'my-profile' },
  school: { route: 'school', es: 'mi-centro', en: 'my-school' },
  sessions: { route: 'sessions', es: 'sesiones', en: 'sessions' },
  myData: { route: 'my-data', es: 'mis-datos', en: 'my-data' },
  people: { route: 'people', es: 'personas', en: 'people' },
  nss: { route: 'nss', es: 'servicio-nacional', en: 'national-service' },
  regional: { route: 'regional', es: 'coordinacion-regional', en: 'regional-coordination' },
  css: { route: 'css', es: 'servicio-central', en: 'central-service' },
  outbox: { route: 'outbox', es: 'correo-saliente', en: 'outbox' },
  headTeacher: { route: 'head-teacher', es: 'confirmacion-direccion', en: 'head-teacher-confirmation' },
  search: { route: 'search', es: 'buscar', en: 'search' },
  forum: { route: 'forum', es: 'foro-de-socios', en: 'partner-forum' },
  suggestions: { route: 'suggestions', es: 'sugerencias', en: 'suggestions' },
  contacts: { route: 'contacts', es: 'contactos', en: 'contacts' },
  inbox: { route: 'inbox', es: 'mensajes', en: 'messages' },
  notifications: { route: 'notifications', es: 'avisos', en: 'notifications' },
  projects: { route: 'projects', es: 'proyectos', en: 'projects' },
  projectQueue: { route: 'project-queue', es: 'aprobacion-de-proyectos', en: 'project-approvals' },
  gallery: { route: 'gallery', es: 'galeria', en: 'gallery' },
  statistics: { route: 'statistics', es: 'estadisticas', en: 'statistics' },
  monitoring: { route: 'monitoring', es: 'seguimiento', en: 'monitoring' },
  statisticsImport: { route: 'statistics-import', es: 'cifras-historicas', en: 'historical-figures' },
} as const;

export type PageName = keyof typeof pages;
export type PageLocale = 'es' | 'en';

/** The address of a page in a language, with an optional query. */
export function pagePath(lang: PageLocale, page: PageName, query?: Record<string, string | undefined>): string {
  const slug = pages[page][lang];
  const path = slug ? `/${lang}/${slug}` : `/${lang}`;
  const params = new URLSearchParams(
    Object.entries(query ?? {}).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  ).toString();
  return params ? `${path}?${params}` : path;
}
