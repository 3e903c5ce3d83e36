/** What the forum pages show: worded on the server (dates, names, labels), so that the page and its hydration agree. */

export interface Option {
  value: string;
  label: string;
}

/** The lists the forms offer, each already labelled in the page's language. */
export interface ForumOptions {
  subjects: Option[];
  languages: Option[];
  countries: Option[];
}

export interface AuthorView {
  /** "A former member" when the author deleted their account. */
  name: string;
  /** Their profile; null for a former member. */
  href: string | null;
}

export interface PostView {
  id: string;
  href: string;
  kind: 'offer' | 'seek';
  kindLabel: string;
  status: 'open' | 'closed';
  title: string;
  /** The language the author wrote in (the lang attribute of the title and the idea). */
  lang: string;
  idea: string;
  author: AuthorView;
  country: string;
  ages: string;
  subjects: string;
  languages: string;
  wanted: string;
  /** "15 January 2027", or null when not said. */
  start: string | null;
  /** "6 months", or null when not said. */
  duration: string | null;
  replies: number;
  createdAt: string;
  created: string;
  mine: boolean;
}

export interface ReplyView {
  id: string;
  body: string;
  author: AuthorView;
  createdAt: string;
  created: string;
}
