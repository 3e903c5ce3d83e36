import type { ProjectAbilities, ProjectKind, ProjectRole, ProjectStateName } from '@opentwinning/contracts';

/** What the project pages show: worded on the server (dates, names, waiting times), so that the page and its hydration agree. */

export interface Option {
  value: string;
  label: string;
}

/** One of my validated schools, or one of a contact's. */
export interface SchoolChoice {
  id: string;
  /** "IES Alhambra, Granada (Spain)". */
  label: string;
  countryCode: string;
  country: string;
}

/** A contact I may choose as co-founder or invite, with their schools. */
export interface ContactChoice {
  username: string;
  name: string;
  /** Their validated schools; several means the founder chooses one. */
  schools: SchoolChoice[];
}

/** One step of the approval tracker (R-PRJ-3). */
export interface StepView {
  key: string;
  /** "Carmen Ruiz, co-founder", "Regional coordination of Andalucía (Spain)", "National Support Service of France". */
  who: string;
  status: 'done' | 'awaited' | 'refused' | 'later';
  /** "Done on 3 March 2026", "Awaited for 3 days (since 2 March 2026)", "After the previous steps". */
  text: string;
  /** The moment of `text`, for <time datetime>. */
  at: string | null;
  /** This reader is the one awaited. */
  mine: boolean;
}

export interface ProjectCardView {
  id: string;
  href: string;
  title: string;
  kind: ProjectKind;
  kindLabel: string;
  state: ProjectStateName;
  stateLabel: string;
  tone: string;
  countries: string;
  ages: string | null;
  subjects: string;
  changedAt: string;
  changed: string;
  /** "Awaiting: the National Support Service of France, for 3 days". */
  awaited: { text: string; mine: boolean }[];
}

export interface InvitationCardView {
  id: string;
  projectHref: string;
  title: string;
  kindLabel: string;
  countries: string;
  invitedBy: string | null;
  createdAt: string;
  created: string;
}

export interface MemberView {
  username: string;
  name: string;
  href: string;
  role: 'founder' | 'partner';
  roleLabel: string;
  school: string;
  country: string;
  joinedAt: string;
  joined: string;
  /** I am this member. */
  me: boolean;
}

/** The draft form's values as typed (strings), for the inputs. */
export interface DraftValues {
  title: string;
  summary: string;
  languages: string[];
  ageMin: string;
  ageMax: string;
  pupils: string;
  subjects: string[];
  tools: string;
  aims: string;
  workProcess: string;
  expectedResults: string;
  erasmusReference: string;
}

/** One read-only line of the form outside drafts. */
export interface FactView {
  name: string;
  label: string;
  value: string;
  /** Long texts keep their line breaks. */
  long: boolean;
}

export interface ProjectPageView {
  id: string;
  title: string;
  state: ProjectStateName;
  stateLabel: string;
  tone: string;
  kind: ProjectKind;
  kindLabel: string;
  countries: string;
  /** "2 countries". */
  countryCount: string;
  listed: boolean;
  myRole: ProjectRole | null;
  abilities: ProjectAbilities;
  draft: DraftValues;
  facts: FactView[];
  missing: { name: string; label: string }[];
  tracker: StepView[];
  members: MemberView[];
  invitations: { id: string; name: string; by: string | null; created: string; createdAt: string }[];
  rejection: { reason: string; by: string; at: string; when: string } | null;
  twinspace: { createdAt: string; created: string } | null;
  /** "Active since 3 March 2026", "Closed on …". */
  since: string | null;
  /** Decisions this reader may take now (officers). */
  approve: { countryCode: string; label: string }[];
  consent: { regionId: number; label: string }[];
  /** The co-founder's name (for the answer buttons and the draft's explanation). */
  cofounder: string | null;
}
