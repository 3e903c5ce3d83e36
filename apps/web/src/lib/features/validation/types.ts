/** The shapes the validation API answers with (see /api/openapi.json). */

export interface QueueItem {
  id: string;
  status: string;
  regionalStatus: string;
  createdAt: string;
  waitingDays: number;
  decisionReason: string | null;
  person: {
    id: string;
    username: string;
    firstName: string;
    lastName: string;
    email: string;
    schoolRole: string | null;
  };
  school: {
    id: string;
    name: string;
    city: string;
    countryCode: string;
    regionId: number | null;
    regionName: string | null;
  };
}

export interface QueuePage {
  total: number;
  page: number;
  pageSize: number;
  items: QueueItem[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  countryCode?: string | null;
  reason: string | null;
  details?: Record<string, unknown>;
}

export interface RoleHolder {
  id: string;
  countryCode: string | null;
  regionId: number | null;
  regionName?: string | null;
  grantedAt: string;
  username: string;
  firstName: string;
  lastName: string;
  email: string;
}

export interface CountryDetail {
  code: string;
  name: string;
  hasRegions: boolean;
  usesRegionalStep: boolean;
  regions: { id: number; code: string; name: string }[];
}

export interface Option {
  value: string;
  label: string;
}

/** The filters of the queue, as read from the page's address. */
export interface QueueFilters {
  country: string;
  region: string;
  school: string;
  status: string;
  regionalStatus: string;
  minWaitingDays: string;
  page: number;
}

export interface AffiliationDetail {
  id: string;
  status: string;
  regionalStatus: string;
  createdAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
  headConfirmedAt: string | null;
  person: {
    id: string;
    username: string;
    firstName: string;
    lastName: string;
    email: string;
    schoolRole: string | null;
    subjects: string[];
    languages: string[];
    presentation: string;
    createdAt: string;
    emailConfirmed: boolean;
  };
  school: {
    id: string;
    name: string;
    city: string;
    countryCode: string;
    regionName: string | null;
    headName: string;
    headEmail: string;
  };
  audit: AuditEntry[];
}

export interface OutboxResponse {
  smtp: boolean;
  messages: {
    id: string;
    createdAt: string;
    to: string;
    locale: string;
    kind: string;
    subject: string;
    body: string;
    status: string;
  }[];
}
