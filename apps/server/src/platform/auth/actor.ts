import type { RoleGrant } from '@opentwinning/contracts';
import { AppError } from '../errors.ts';

/** The signed-in person making a request, as the policies see them. */
export interface Actor {
  personId: string;
  sessionId: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  uiLanguage: 'es' | 'en';
  emailConfirmed: boolean;
  profileCompleted: boolean;
  /** Has at least one validated school affiliation: an eTwinner (R-ACC-3). */
  validated: boolean;
  roles: RoleGrant[];
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** eTwinner actions: only for validated members of school staff. */
export function requireValidated(actor: Actor | null): Actor {
  const a = requireSignedIn(actor);
  if (!a.validated) throw new AppError('ACCOUNT_NOT_VALIDATED', 'error_account_not_validated');
  return a;
}

export const isCssOfficer = (actor: Actor | null) => !!actor?.roles.some((r) => r.role === 'css_officer');

/** Countries whose affiliations this actor may decide on: its NSS countries, or all for the CSS. */
export function nssCountries(actor: Actor | null): string[] | 'all' {
  if (isCssOfficer(actor)) return 'all';
  return (actor?.roles ?? []).filter((r) => r.role === 'nss_officer').map((r) => r.countryCode!);
}

export function coordinatedRegions(actor: Actor | null): number[] {
  return (actor?.roles ?? []).filter((r) => r.role === 'regional_coordinator').map((r) => r.regionId!);
}

export function canDecideFor(actor: Actor | null, countryCode: string): boolean {
  const countries = nssCountries(actor);
  return countries === 'all' || countries.includes(countryCode);
}
