/** What the contacts and messages API answers (apps/server/src/modules/contacts, messages). */

export interface PersonName {
  username: string;
  firstName: string;
  lastName: string;
}

/** A contact, or a pending request received or sent (GET /api/contacts). */
export interface ContactLink {
  requestId: string;
  person: PersonName & { id: string };
  message: string;
  since: string;
}

export interface ContactsOverview {
  contacts: ContactLink[];
  incoming: ContactLink[];
  outgoing: ContactLink[];
  blocked: (PersonName & { since: string })[];
}

/** Where I stand with another member (GET /api/contacts/with/{username}). */
export type Relation =
  | { status: 'none' | 'contacts' | 'blocked_by_me' | 'blocked_me' | 'self' }
  | { status: 'request_sent' | 'request_received'; requestId: string; message: string };

/** GET /api/conversations: `with` is null when the other person deleted their account. */
export interface ConversationSummary {
  id: string;
  lastMessageAt: string;
  with: PersonName | null;
  unread: number;
  lastMessage: { excerpt: string; mine: boolean } | null;
}

/** GET /api/conversations/{id} */
export interface Conversation {
  id: string;
  messages: { id: number; mine: boolean; fromDeletedAccount: boolean; body: string; createdAt: string }[];
}

/** A person as the pages show them: the name to read and the username for links and forms. */
export interface PersonView {
  username: string;
  name: string;
}

/** A dated entry of the contacts page, the date already written for reading (server and hydration agree). */
export interface LinkView extends PersonView {
  requestId: string;
  message: string;
  since: string;
  sinceText: string;
}

export interface MessageView {
  id: number;
  mine: boolean;
  fromDeletedAccount: boolean;
  body: string;
  createdAt: string;
  when: string;
}

export interface ConversationView {
  id: string;
  with: PersonView | null;
  unread: number;
  lastMessageAt: string;
  lastMessageText: string;
  /** The last message, shortened; "You: …" when I wrote it. */
  excerpt: string | null;
}

export const fullName = (p: { firstName: string; lastName: string }): string => `${p.firstName} ${p.lastName}`;
