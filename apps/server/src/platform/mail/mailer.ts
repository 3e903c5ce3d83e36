import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/database.ts';
import { translate, type Locale } from '../i18n.ts';
import { mailOutbox } from './mail.tables.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface MailMessage {
  to: string;
  locale: Locale;
  /** Catalogue keys mail_<kind>_subject and mail_<kind>_body, rendered in the recipient's language. */
  kind: string;
  inputs: Record<string, unknown>;
  /** The person the message is for or about: erased with them, exported to them. */
  aboutPersonId?: string;
}

export interface Mailer {
  /** Writes the message in the caller's transaction; it leaves only if the transaction commits. */
  enqueue(tx: Tx | Db, message: MailMessage): Promise<void>;
  /** Sends what is queued (after a commit); safe to call from several instances at once. */
  flush(): Promise<number>;
  close(): Promise<void>;
  readonly smtp: boolean;
}

export function createMailer(db: Db, options: { smtpUrl?: string; from: string; log?: (msg: string) => void }): Mailer {
  const transport: Transporter | undefined = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  let flushing: Promise<number> | undefined;

  async function sendQueued(): Promise<number> {
    if (!transport) return 0;
    let sent = 0;
    for (;;) {
      // Claim a batch: rows locked by another instance are skipped.
      const batch = await db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(mailOutbox)
          .where(eq(mailOutbox.status, 'queued'))
          .orderBy(asc(mailOutbox.createdAt))
          .limit(20)
          .for('update', { skipLocked: true });
        if (rows.length) {
          await tx
            .update(mailOutbox)
            .set({ status: 'sent', sentAt: new Date() })
            .where(
              inArray(
                mailOutbox.id,
                rows.map((r) => r.id),
              ),
            );
        }
        return rows;
      });
      if (!batch.length) return sent;
      for (const mail of batch) {
        try {
          await transport.sendMail({ from: options.from, to: mail.toAddress, subject: mail.subject, text: mail.body });
          // Once delivered, the body (which may hold a single-use link) is not kept.
          await db.update(mailOutbox).set({ body: '' }).where(eq(mailOutbox.id, mail.id));
          sent++;
        } catch (error) {
          options.log?.(`mail ${mail.id} failed: ${(error as Error).message}`);
          await db
            .update(mailOutbox)
            .set({ status: 'failed', sentAt: null, lastError: String((error as Error).message).slice(0, 500) })
            .where(and(eq(mailOutbox.id, mail.id)));
        }
      }
    }
  }

  return {
    smtp: !!transport,
    async enqueue(tx, message) {
      await tx.insert(mailOutbox).values({
        toAddress: message.to,
        aboutPersonId: message.aboutPersonId ?? null,
        locale: message.locale,
        kind: message.kind,
        subject: translate(message.locale, `mail_${message.kind}_subject`, message.inputs),
        body: translate(message.locale, `mail_${message.kind}_body`, message.inputs),
        status: transport ? 'queued' : 'stored',
      });
    },
    flush() {
      flushing ??= sendQueued().finally(() => (flushing = undefined));
      return flushing;
    },
    async close() {
      await flushing?.catch(() => 0);
      transport?.close();
    },
  };
}

/** Failed messages go back to the queue (retried by the periodic job). */
export async function requeueFailedMail(db: Db): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ status: 'queued' })
    .where(sql`${mailOutbox.status} = 'failed'`);
}

const toOrAbout = (address: string, personId: string) =>
  sql`(lower(${mailOutbox.toAddress}) = lower(${address}) OR ${mailOutbox.aboutPersonId} = ${personId})`;

/** Messages held for or about a person (for "download my data"). */
export async function mailOf(db: Db, address: string, personId: string) {
  const rows = await db.select().from(mailOutbox).where(toOrAbout(address, personId));
  return rows.map(({ id: _id, aboutPersonId: _about, ...m }) => m);
}

/** Forgets every message to or about a person (account deletion and anonymisation). */
export async function forgetMailOf(tx: Tx | Db, address: string, personId: string): Promise<void> {
  await tx.delete(mailOutbox).where(toOrAbout(address, personId));
}

/** How many messages of a kind went to an address since a time (to limit repeated sends). */
export async function countRecentMail(db: Tx | Db, address: string, kind: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .where(
      and(
        sql`lower(${mailOutbox.toAddress}) = lower(${address})`,
        eq(mailOutbox.kind, kind),
        sql`${mailOutbox.createdAt} > ${since.toISOString()}`,
      ),
    );
  return row?.n ?? 0;
}
