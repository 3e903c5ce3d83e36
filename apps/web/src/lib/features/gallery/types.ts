import type { GalleryQuery } from './query';

/** What the gallery pages show: worded on the server, so that the page and its hydration agree. */

export interface Option {
  value: string;
  label: string;
}

export interface GalleryOptions {
  countries: Option[];
  subjects: Option[];
  languages: Option[];
  schoolYears: Option[];
}

export interface CardView {
  id: string;
  href: string;
  title: string;
  excerpt: string;
  kind: string;
  /** 'active' or 'closed', and its label. */
  state: string;
  stateLabel: string;
  countries: string;
  ages: string;
  subjects: string;
  languages: string;
  schoolYear: string;
  schools: string;
}

export interface GalleryView {
  query: GalleryQuery;
  options: GalleryOptions;
  /** "1 234 projects" (null when the API refused the filters). */
  summary: string | null;
  cards: CardView[] | null;
  nextHref: string | null;
  firstHref: string | null;
  resetHref: string | null;
  filterError: { message: string; fields: Record<string, string> } | null;
}

export interface SchoolView {
  id: string;
  name: string;
  /** Town · country. */
  place: string;
  /** Null when the reader may not see them (not a signed-in validated member). */
  teachers: { name: string; href: string }[] | null;
}

export interface ProjectView {
  id: string;
  title: string;
  summary: string;
  aims: string;
  expectedResults: string;
  kind: string;
  state: string;
  stateLabel: string;
  countries: string[];
  ages: string;
  subjects: string;
  languages: string;
  schoolYear: string;
  activated: { iso: string; text: string };
  closed: { iso: string; text: string } | null;
  schools: SchoolView[];
  /** Whether the teachers' names are shown. */
  teachersShown: boolean;
}
