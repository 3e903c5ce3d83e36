import type { ProjectQueueQuery } from './query';

/** What the queue page shows: worded on the server, so that the page and its hydration agree. */

export interface Option {
  value: string;
  label: string;
}

export interface FounderView {
  name: string;
  school: string;
  /** Town · country. */
  place: string;
}

export interface OtherStepView {
  text: string;
  done: boolean;
}

/** One awaited step (a row of the table) and what the reader may do about it here. */
export interface QueueRow {
  /** Unique per row: a project may wait on several steps. */
  key: string;
  projectId: string;
  title: string;
  href: string;
  kind: string;
  countries: string;
  founders: FounderView[];
  /** "National support service of Spain", "Andalucía (Spain)". */
  awaited: string;
  step: { kind: 'region' | 'nss'; countryCode: string; regionId: number | null };
  others: OtherStepView[];
  since: { iso: string; text: string };
  days: string;
  /** Whether the reader can decide this step from the queue (else: from the project page). */
  actionable: boolean;
}

export interface WaitingFigures {
  total: string;
  p50: string | null;
  p90: string | null;
  max: string | null;
}

export interface QueueView {
  query: ProjectQueueQuery;
  /** Offered when the reader may choose (the CSS, or an officer of several countries). */
  countries: Option[] | null;
  rows: QueueRow[] | null;
  figures: WaitingFigures | null;
  /** Total of steps matching the filters. */
  total: number;
  nextHref: string | null;
  firstHref: string | null;
  resetHref: string | null;
  /** "Show everything awaited in my countries", offered when "mine" is empty. */
  allHref: string | null;
  filterError: { message: string; fields: Record<string, string> } | null;
  /** The notice after a decision, worded. */
  notice: string | null;
}
