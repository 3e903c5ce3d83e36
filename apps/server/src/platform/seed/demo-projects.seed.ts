import type { ProjectStateName } from '@opentwinning/contracts';
import { sql } from 'drizzle-orm';
import { schoolYearOf } from '../../modules/projects/projects.service.ts';
import type { Db } from '../db/database.ts';
import { rowsOf } from '../db/types.ts';

const DAY = 86_400_000;

interface DemoProject {
  title: string;
  state: ProjectStateName;
  /** Creator first, co-founder second; partners after. */
  founders: [string, string];
  partners?: string[];
  /** Days since founding; the later steps follow at fixed intervals. */
  age: number;
  languages: string[];
  ages: [number, number];
  subjects: string[];
  summary: string;
  aims: string;
  /** Countries whose NSS already approved (awaiting_approval). */
  approved?: string[];
  /** Regions that already consented (awaiting_approval). */
  regionConsented?: boolean;
  rejection?: { country: string; reason: string };
  listed?: boolean;
}

const projects: DemoProject[] = [
  {
    title: 'Cuentos de ida y vuelta',
    state: 'active',
    founders: ['carmen.ruiz', 'camille.dubois'],
    partners: ['marco.esposito'],
    age: 70,
    languages: ['es', 'fr', 'it'],
    ages: [12, 14],
    subjects: ['foreign_languages', 'language_literature'],
    summary:
      'Three classes write tales in the partners’ languages and send them back and forth every month: each class illustrates the tale it receives.',
    aims: 'Write for a real reader in a foreign language; discover the partners’ towns through their tales.',
  },
  {
    title: 'Climate detectives',
    state: 'active',
    founders: ['julia.schneider', 'chiara.rossi'],
    partners: ['anna.nowak', 'ines.ferreira'],
    age: 120,
    languages: ['en'],
    ages: [13, 16],
    subjects: ['natural_sciences', 'geography'],
    summary:
      'Pupils measure temperature, rainfall and air quality at their schools, share the data in common tables and compare the climate of four countries.',
    aims: 'Collect and read real data; understand climate change from local evidence; present findings in English.',
  },
  {
    title: 'I giochi dei nonni',
    state: 'active',
    founders: ['chiara.rossi', 'marco.esposito'],
    age: 200,
    languages: ['it'],
    ages: [8, 11],
    subjects: ['physical_education', 'history'],
    summary:
      'Two Italian schools collect the playground games of their grandparents, film them and teach them to each other.',
    aims: 'Intergenerational memory, movement and storytelling.',
  },
  {
    title: 'Nos rivières, nos cartes',
    state: 'awaiting_approval',
    founders: ['nicolas.girard', 'alessandra.ricci'],
    age: 9,
    languages: ['fr', 'it', 'en'],
    ages: [10, 12],
    subjects: ['geography', 'natural_sciences'],
    summary:
      'Each class maps the river of its town and exchanges the maps with the partner class, with photos and legends.',
    aims: 'Reading and drawing maps; water and the town.',
    approved: ['IT'],
  },
  {
    title: 'Leyendas del Mediterráneo',
    state: 'awaiting_approval',
    founders: ['lucia.martin', 'alessandra.ricci'],
    age: 5,
    languages: ['es', 'it', 'en'],
    ages: [9, 12],
    subjects: ['language_literature', 'history'],
    summary: 'Legends of Granada and of Italy told by the pupils, recorded as podcasts and illustrated together.',
    aims: 'Oral expression, local heritage, a shared podcast.',
    approved: ['IT'],
    regionConsented: false,
  },
  {
    title: "Our grandparents' recipes",
    state: 'awaiting_partner',
    founders: ['mehmet.demir', 'andrei.popescu'],
    age: 3,
    languages: ['en'],
    ages: [10, 13],
    subjects: ['foreign_languages', 'history'],
    summary:
      'Pupils interview their grandparents about family recipes and build a bilingual cookbook with the partner class.',
    aims: 'Interviewing, writing recipes in English, food and culture.',
  },
  {
    title: 'Rías e rios',
    state: 'draft',
    founders: ['uxia.castro', 'ines.ferreira'],
    age: 2,
    languages: ['gl', 'pt'],
    ages: [12, 14],
    subjects: ['natural_sciences'],
    summary: 'Galician and Portuguese pupils compare the estuaries of their coasts.',
    aims: '',
  },
  {
    title: 'Poetry without borders',
    state: 'rejected',
    founders: ['anna.nowak', 'maria.kowalczyk'],
    age: 30,
    languages: ['pl', 'en'],
    ages: [14, 16],
    subjects: ['language_literature'],
    summary: 'Pupils translate poems of their country into English and record them.',
    aims: 'Reading and translating poetry.',
    rejection: {
      country: 'PL',
      reason:
        'The work process is too vague: say how many pupils of each school take part and when the recordings happen.',
    },
  },
  {
    title: 'Recycled art',
    state: 'closed',
    founders: ['julia.schneider', 'chiara.rossi'],
    partners: ['anna.nowak'],
    age: 400,
    languages: ['en', 'de', 'it'],
    ages: [9, 12],
    subjects: ['arts', 'natural_sciences'],
    summary: 'Sculptures made of the schools’ own waste, exhibited online and in each town.',
    aims: 'Reduce waste; art as a common language.',
  },
  {
    title: 'Folk tales of the Black Sea',
    state: 'archived',
    founders: ['mehmet.demir', 'andrei.popescu'],
    age: 1200,
    languages: ['en', 'tr', 'ro'],
    ages: [10, 12],
    subjects: ['language_literature'],
    summary: 'Folk tales from Türkiye and Romania retold and illustrated by the pupils.',
    aims: 'Reading, retelling and illustrating tales.',
  },
];

/**
 * Demo projects in every state (R-PRJ-3): active ones with several countries, a European project
 * waiting for one of its two approvals, one waiting for Andalucía's consent, one waiting for its
 * co-founder, a draft, a rejected, a closed and an archived one.
 */
export async function seedDemoProjects(db: Db): Promise<void> {
  const now = Date.now();
  const at = (days: number) => new Date(now - days * DAY).toISOString();
  await db.transaction(async (tx) => {
    const people = await rowsOf<{
      id: string;
      username: string;
      school_id: string;
      country_code: string;
      region_id: number | null;
      uses: boolean;
    }>(
      tx,
      sql`SELECT p.id, p.username, s.id AS school_id, s.country_code, s.region_id, c.uses_regional_step AS uses
          FROM person p JOIN affiliation a ON a.person_id = p.id AND a.status = 'validated'
          JOIN school s ON s.id = a.school_id JOIN country c ON c.code = s.country_code`,
    );
    const who = (username: string) => {
      const found = people.find((p) => p.username === username);
      if (!found) throw new Error(`demo teacher ${username} is missing or not validated`);
      return found;
    };
    for (const d of projects) {
      const [a, b] = d.founders.map(who) as [ReturnType<typeof who>, ReturnType<typeof who>];
      const kind = a.country_code === b.country_code ? 'national' : 'european';
      const founded = d.age;
      const submitted = founded - 1;
      const accepted = founded - 2;
      const activated = Math.max(founded - 6, 0.5);
      const reached = (s: ProjectStateName) =>
        ['draft', 'awaiting_partner', 'awaiting_approval', 'active', 'closed', 'archived'].indexOf(d.state) >=
        ['draft', 'awaiting_partner', 'awaiting_approval', 'active', 'closed', 'archived'].indexOf(s);
      const isOpen = ['active', 'closed', 'archived'].includes(d.state);
      const closedDays = d.state === 'archived' ? founded - 400 : d.state === 'closed' ? 90 : null;
      const stateChanged =
        d.state === 'draft'
          ? founded
          : d.state === 'awaiting_partner'
            ? submitted
            : d.state === 'awaiting_approval' || d.state === 'rejected'
              ? accepted
              : (closedDays ?? activated);
      const [row] = await rowsOf<{ id: string }>(
        tx,
        sql`INSERT INTO project (kind, state, title, summary, languages, age_min, age_max, pupils, subjects, tools, aims,
                                 work_process, expected_results, created_by, cofounder_id, cofounder_school_id, listed,
                                 rejection_reason, rejected_country, rejected_at, created_at, updated_at, state_changed_at,
                                 activated_at, closed_at, archived_at, school_year)
            VALUES (${kind}, ${d.state}, ${d.title}, ${d.summary}, ${sql.param(d.languages)}::text[], ${d.ages[0]}, ${d.ages[1]},
                    ${d.state === 'draft' ? null : 45}, ${sql.param(d.subjects)}::text[],
                    ${d.state === 'draft' ? null : 'TwinSpace, videoconference, shared documents'},
                    ${d.aims || null},
                    ${d.state === 'draft' ? null : 'One shared activity a month; each class answers the other within two weeks.'},
                    ${d.state === 'draft' ? null : 'A shared digital book and an exhibition in each school.'},
                    ${a.id}::uuid, ${b.id}::uuid, ${b.school_id}::uuid, ${d.listed ?? true},
                    ${d.rejection?.reason ?? null}, ${d.rejection?.country ?? null}, ${d.rejection ? at(accepted - 1) : null},
                    ${at(founded)}, ${at(stateChanged)}, ${at(stateChanged)},
                    ${isOpen ? at(activated) : null}, ${closedDays !== null ? at(closedDays) : null},
                    ${d.state === 'archived' ? at(founded - 800) : null},
                    ${isOpen ? schoolYearOf(new Date(now - activated * DAY)) : null})
            RETURNING id`,
      );
      const id = row!.id;
      const member = async (p: ReturnType<typeof who>, role: 'founder' | 'partner', days: number) =>
        tx.execute(sql`INSERT INTO project_member (project_id, person_id, school_id, role, joined_at)
                       VALUES (${id}::uuid, ${p.id}::uuid, ${p.school_id}::uuid, ${role}, ${at(days)})`);
      await member(a, 'founder', founded);
      if (reached('awaiting_approval') || d.state === 'rejected') await member(b, 'founder', accepted);
      for (const [i, p] of (d.partners ?? []).entries()) await member(who(p), 'partner', activated - 3 - i * 4);
      // One approval step per founder country, the founder's region first where the country uses it.
      if (d.state !== 'draft') {
        for (const f of [a, b].filter((f, i, all) => all.findIndex((x) => x.country_code === f.country_code) === i)) {
          const approved = isOpen || d.approved?.includes(f.country_code);
          const region = f.uses ? f.region_id : null;
          const consented = region !== null && (isOpen || approved || d.regionConsented !== false);
          await tx.execute(sql`
            INSERT INTO project_approval (project_id, country_code, region_id, awaited_since, region_consented_at, approved_at)
            VALUES (${id}::uuid, ${f.country_code}, ${region},
                    ${reached('awaiting_approval') || d.state === 'rejected' ? at(accepted) : null},
                    ${consented ? at(accepted - 1) : null}, ${approved ? at(Math.max(accepted - 2, activated)) : null})`);
        }
      }
      const events: [string, number][] = [['project.founded', founded]];
      if (d.state !== 'draft') events.push(['project.submitted', submitted]);
      if (reached('awaiting_approval') || d.state === 'rejected') events.push(['project.cofounder_accepted', accepted]);
      if (d.state === 'rejected') events.push(['project.rejected', accepted - 1]);
      if (isOpen) events.push(['project.activated', activated]);
      if (closedDays !== null) events.push(['project.closed', closedDays]);
      if (d.state === 'archived') events.push(['project.archived', founded - 800]);
      for (const [name, days] of events)
        await tx.execute(
          sql`INSERT INTO domain_event (name, subject_id, at) VALUES (${name}, ${id}::uuid, ${at(days)})`,
        );
      if (isOpen) {
        const [space] = await rowsOf<{ id: string }>(
          tx,
          sql`INSERT INTO twinspace (project_id, created_at) VALUES (${id}::uuid, ${at(activated)}) RETURNING id`,
        );
        for (const [p, role] of [
          [a, 'teacher_admin'],
          [b, 'teacher_admin'],
          ...(d.partners ?? []).map((u) => [who(u), 'teacher_member'] as const),
        ] as const)
          await tx.execute(sql`INSERT INTO twinspace_member (twinspace_id, person_id, role, joined_at)
                               VALUES (${space!.id}::uuid, ${p.id}::uuid, ${role}, ${at(activated)})`);
      }
      if (d.state === 'awaiting_partner')
        await tx.execute(sql`INSERT INTO notification (person_id, kind, actor_id, subject_id, created_at)
                             VALUES (${b.id}::uuid, 'project_cofounder_request', ${a.id}::uuid, ${id}::uuid, ${at(submitted)})`);
    }
  });
}
