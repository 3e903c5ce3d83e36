import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every message the platform sends, written in the same transaction as the change that causes it
 * and delivered after commit: by SMTP when SMTP_URL is set, else kept here to be read by CSS officers.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    toAddress: text('to_address').notNull(),
    /** The person the message is for or about (erased with them). */
    aboutPersonId: uuid('about_person_id'),
    locale: text('locale').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** queued (to send by SMTP), stored (no SMTP configured), sent, failed */
    status: text('status', { enum: ['queued', 'stored', 'sent', 'failed'] }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
  },
  (t) => [
    index('mail_outbox_status_idx').on(t.status, t.createdAt),
    index('mail_outbox_created_idx').on(t.createdAt),
    index('mail_outbox_about_idx').on(t.aboutPersonId),
  ],
);
