import { eq } from 'drizzle-orm';
import { person } from '../../modules/accounts/accounts.tables.ts';
import { contactRequest } from '../../modules/contacts/contacts.tables.ts';
import { partnerPost, partnerPostReply } from '../../modules/forum/forum.tables.ts';
import { conversation, conversationRead, message } from '../../modules/messages/messages.tables.ts';
import { notification } from '../../modules/notifications/notifications.tables.ts';
import type { Db } from '../db/database.ts';

const DAY = 86_400_000;

/**
 * Demo partner finding: contacts between demo teachers, a pending request or two, conversations
 * and forum posts with replies, so every screen has something to show. Lucía Martín (Granada) and
 * Sophie Laurent (Lille) are deliberately not contacts yet: the guided tour connects them.
 */
export async function seedDemoPartners(db: Db): Promise<void> {
  const now = Date.now();
  const at = (daysAgo: number, hours = 0) => new Date(now - daysAgo * DAY + hours * 3_600_000);
  await db.transaction(async (tx) => {
    const people = await tx.select({ id: person.id, username: person.username }).from(person);
    const id = (username: string) => {
      const found = people.find((p) => p.username === username);
      if (!found) throw new Error(`demo person ${username} is missing`);
      return found.id;
    };

    // Contacts (accepted), and requests still waiting for an answer.
    const accepted: [string, string, number][] = [
      ['camille.dubois', 'carmen.ruiz', 60],
      ['marco.esposito', 'carmen.ruiz', 45],
      ['anna.nowak', 'marta.serrano', 90],
      ['julia.schneider', 'chiara.rossi', 30],
      ['mehmet.demir', 'andrei.popescu', 20],
      ['ines.ferreira', 'uxia.castro', 15],
      ['lucia.martin', 'alessandra.ricci', 12],
    ];
    for (const [a, b, days] of accepted) {
      await tx.insert(contactRequest).values({
        requesterId: id(a),
        addresseeId: id(b),
        message: '',
        status: 'accepted',
        createdAt: at(days + 2),
        respondedAt: at(days),
      });
    }
    const pending: [string, string, string][] = [
      ['nikos.georgiou', 'carmen.ruiz', 'Hello Carmen! History and myths across the Mediterranean — shall we talk?'],
      ['zeynep.kaya', 'lucia.martin', 'Hi Lucía, I saw your idea about traditional tales. My pupils would love it!'],
    ];
    for (const [from, to, text] of pending) {
      const [r] = await tx
        .insert(contactRequest)
        .values({ requesterId: id(from), addresseeId: id(to), message: text, createdAt: at(2) })
        .returning({ id: contactRequest.id });
      await tx.insert(notification).values({
        personId: id(to),
        kind: 'contact_request',
        actorId: id(from),
        subjectId: r!.id,
        createdAt: at(2),
      });
    }

    // Conversations.
    const talks: { between: [string, string]; lines: [number, string][]; unreadFor?: 0 | 1 }[] = [
      {
        between: ['camille.dubois', 'carmen.ruiz'],
        lines: [
          [0, 'Bonjour Carmen ! Est-ce que ton groupe de 3º ESO aimerait faire des vidéos sur nos villes ?'],
          [1, '¡Hola Camille! Sí, les encantaría. ¿Empezamos en enero?'],
          [0, 'Parfait. Je prépare une proposition de projet et je te l’envoie.'],
        ],
        unreadFor: 1,
      },
      {
        between: ['lucia.martin', 'alessandra.ricci'],
        lines: [
          [0, 'Ciao Alessandra, ¿te apetece un proyecto de cuentos con los más pequeños?'],
          [1, 'Sì, volentieri! Possiamo scrivere in inglese e spagnolo.'],
        ],
        unreadFor: 0,
      },
    ];
    for (const talk of talks) {
      const ids = talk.between.map(id) as [string, string];
      const [a, b] = ids[0] < ids[1] ? ids : [ids[1], ids[0]];
      const start = 10;
      const [c] = await tx
        .insert(conversation)
        .values({ personA: a, personB: b, createdAt: at(start), lastMessageAt: at(start - talk.lines.length) })
        .returning({ id: conversation.id });
      let lastId = 0;
      const ownLast = [0, 0];
      for (const [i, [who, body]] of talk.lines.entries()) {
        const [m] = await tx
          .insert(message)
          .values({ conversationId: c!.id, senderId: ids[who], body, toContact: true, createdAt: at(start - i) })
          .returning({ id: message.id });
        lastId = m!.id;
        ownLast[who] = lastId;
      }
      // Each side has read everything, except the one with unread mail: up to their own last message.
      for (const side of [0, 1] as const) {
        const upTo = talk.unreadFor === side ? ownLast[side]! : lastId;
        await tx.insert(conversationRead).values({ conversationId: c!.id, personId: ids[side], lastReadId: upTo });
      }
      if (talk.unreadFor !== undefined)
        await tx.insert(notification).values({
          personId: ids[talk.unreadFor],
          kind: 'message',
          actorId: ids[1 - talk.unreadFor],
          subjectId: c!.id,
          createdAt: at(start - talk.lines.length + 1),
        });
    }

    // Forum posts.
    const posts: {
      author: string;
      country: string;
      post: Omit<typeof partnerPost.$inferInsert, 'authorId' | 'countryCode'>;
      replies?: [string, string][];
    }[] = [
      {
        author: 'lucia.martin',
        country: 'ES',
        post: {
          kind: 'seek',
          title: 'Cuentos tradicionales de Europa ilustrados por niños',
          idea: 'Buscamos una o dos escuelas de primaria (8–10 años) para intercambiar cuentos tradicionales de cada país, ilustrarlos y grabarlos en varios idiomas. Una sesión por videoconferencia al mes.',
          language: 'es',
          ageMin: 8,
          ageMax: 10,
          subjects: ['art', 'language_literature'],
          languages: ['es', 'en', 'fr'],
          countriesWanted: ['FR', 'IT', 'PT'],
          expectedStart: '2027-01-11',
          durationMonths: 5,
          createdAt: at(6),
        },
      },
      {
        author: 'chiara.rossi',
        country: 'IT',
        post: {
          kind: 'offer',
          title: 'Astronomy nights: observing the sky together',
          idea: 'Our upper secondary pupils (15–18) observe the Moon and planets once a month. We offer to share data and run joint online observation nights with a partner school.',
          language: 'en',
          ageMin: 15,
          ageMax: 18,
          subjects: ['physics', 'mathematics'],
          languages: ['en', 'it'],
          countriesWanted: [],
          expectedStart: '2027-02-01',
          durationMonths: 4,
          createdAt: at(9),
        },
        replies: [
          [
            'julia.schneider',
            'We would love to join with our Physik course — Bremen skies are cloudy, your data would help!',
          ],
        ],
      },
      {
        author: 'tomasz.wisniewski',
        country: 'PL',
        post: {
          kind: 'seek',
          title: 'Rivers of Europe: measuring water quality',
          idea: 'Pupils aged 12–15 measure the water of a local river every month (temperature, pH, nitrates) and compare results with partner schools on a shared map.',
          language: 'en',
          ageMin: 12,
          ageMax: 15,
          subjects: ['geography', 'environmental_education', 'natural_sciences'],
          languages: ['en'],
          countriesWanted: ['DE', 'FR', 'ES', 'RO'],
          expectedStart: '2027-03-01',
          durationMonths: 6,
          createdAt: at(4),
        },
        replies: [
          ['ines.ferreira', 'Our school in Lisbon is near the Tagus: count us in if Portugal is welcome.'],
          ['nuria.puig', 'Tenemos sensores de calidad del aire y del agua en Barcelona. ¡Nos interesa!'],
        ],
      },
      {
        author: 'camille.dubois',
        country: 'FR',
        post: {
          kind: 'offer',
          title: 'Correspondance et vidéos : nos villes racontées par les élèves',
          idea: 'Des élèves de 12 à 15 ans présentent leur ville en vidéo, en espagnol et en français, et échangent des lettres tout au long de l’année.',
          language: 'fr',
          ageMin: 12,
          ageMax: 15,
          subjects: ['foreign_languages'],
          languages: ['fr', 'es'],
          countriesWanted: ['ES'],
          expectedStart: null,
          durationMonths: 9,
          status: 'closed',
          createdAt: at(40),
          closedAt: at(20),
        },
        replies: [['carmen.ruiz', '¡Nos apuntamos! Ya hemos hablado por mensaje.']],
      },
    ];
    for (const p of posts) {
      const [row] = await tx
        .insert(partnerPost)
        .values({ ...p.post, authorId: id(p.author), countryCode: p.country })
        .returning({ id: partnerPost.id });
      // Replies come before a post is closed.
      const firstReply = p.post.status === 'closed' ? 30 : 3;
      for (const [i, [who, body]] of (p.replies ?? []).entries()) {
        await tx
          .insert(partnerPostReply)
          .values({ postId: row!.id, authorId: id(who), body, createdAt: at(firstReply - i * 0.5) });
      }
      if (p.replies?.length && p.post.status !== 'closed') {
        await tx
          .update(partnerPost)
          .set({ lastReplyAt: at(2) })
          .where(eq(partnerPost.id, row!.id));
        await tx.insert(notification).values({
          personId: id(p.author),
          kind: 'forum_reply',
          actorId: id(p.replies.at(-1)![0]),
          subjectId: row!.id,
          count: p.replies.length,
          createdAt: at(2),
        });
      }
    }
  });
}
