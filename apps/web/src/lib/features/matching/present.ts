import type { SuggestionsResponse } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { m } from '$lib/messages';
import { href } from '$lib/paths';
import { reasonsLine } from './reasons';

/** How many reasons a suggestion shows: the strongest ones say enough. */
const TOP_REASONS = 3;

/** A suggested partner as the cards show it: worded on the server, so that the page and its hydration agree. */
export interface SuggestionView {
  username: string;
  name: string;
  /** Their profile: /es/personas/{username}. */
  href: string;
  school: string;
  /** Town · country. */
  place: string;
  score: number;
  /** "Match score: 82 out of 100", for screen readers. */
  scoreText: string;
  /** The three strongest reasons (the API gives them strongest first) on one line, joined with " · ". */
  reasons: string;
}

export function presentSuggestions(
  response: SuggestionsResponse,
  lang: Locale,
  countryName: (code: string) => string,
): SuggestionView[] {
  return response.items.map(({ teacher: t, score, reasons }) => ({
    username: t.username,
    name: `${t.firstName} ${t.lastName}`,
    href: `${href(lang, 'people')}/${encodeURIComponent(t.username)}`,
    school: t.school.name,
    place: [t.school.city, countryName(t.school.countryCode)].filter(Boolean).join(' · '),
    score,
    scoreText: m.suggestions_score_sr({ score }, { locale: lang }),
    reasons: reasonsLine(reasons.slice(0, TOP_REASONS), lang),
  }));
}
