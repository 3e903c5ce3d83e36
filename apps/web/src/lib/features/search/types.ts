import type { FacetName, SearchQuery } from './query';

/** What the search page shows: labels, names and dates are worded on the server, so that the page and its hydration agree. */

export interface FacetOption {
  value: string;
  label: string;
  /** Results with this value (null when the API refused the filters). */
  count: number | null;
  checked: boolean;
}

export interface FacetView {
  name: FacetName;
  options: FacetOption[];
}

export interface TeacherResult {
  username: string;
  name: string;
  href: string;
  school: string;
  /** Town · country. */
  place: string;
  ages: { min: number; max: number };
  subjects: string[];
  languages: string[];
  looking: boolean;
  presentation: string;
  /** ISO 639-1 code of the presentation's language. */
  presentationLanguage: string;
  active: { iso: string; text: string; day: string };
}

export interface SchoolResult {
  id: string;
  name: string;
  place: string;
  levels: string[];
  ages: { min: number; max: number };
  teachers: { username: string; name: string; href: string }[];
}

export type SearchResults =
  | { in: 'teachers'; total: number; summary: string; items: TeacherResult[]; nextHref: string | null }
  | { in: 'schools'; total: number; summary: string; items: SchoolResult[]; nextHref: string | null };

export interface SearchView {
  query: SearchQuery;
  facets: FacetView[];
  results: SearchResults | null;
  /** The address of the first page, when a later one is shown. */
  firstHref: string | null;
  /** Filters the API refused: its message and the fields concerned. */
  filterError: { message: string; fields: Record<string, string> } | null;
}
