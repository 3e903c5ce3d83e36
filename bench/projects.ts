// The public project gallery at scale: generates N realistic projects (schools and teachers from
// bench/profiles.ts; projects in every state, 2–6 member schools in 1–5 countries, ages, subjects,
// languages, school years 2015–2026, titles, summaries and aims written in nine languages) and
// prints p50/p95 of typical gallery requests, of public project pages and of their maps.
//   node --import tsx bench/projects.ts [--projects 50000] [--requests 50] [--embedded] [--keep] [--member-trigger]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); the script
// creates and drops its own database "ot_bench_projects" there (--keep: keep it, and reuse it next
// time when it already holds the projects). --embedded: the embedded database too, side by side.
// --member-trigger: let the project_member trigger derive countries and school counts row by row
// during the load (by default it is disabled for the bulk insert and the values are written
// directly). Prints figures; asserts nothing.
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Subject } from '@opentwinning/contracts';
import { migrateDatabase, openDatabase, type Database } from '../apps/server/src/platform/db/database.ts';
import { seedReferenceData } from '../apps/server/src/platform/seed/seed.ts';
import { generateProfiles } from './profiles.ts';
import { listenForBench } from './support.ts';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '50000' },
    requests: { type: 'string', default: '50' },
    embedded: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'member-trigger': { type: 'boolean', default: false },
  },
});
const projects = Number(values.projects);
const requests = Number(values.requests);
const TARGET_MS = 50;
const DB_NAME = 'ot_bench_projects';

// ---------------------------------------------------------------------------------------------
// Text: topics and templates in the languages the projects are written in.

type Lang = 'en' | 'es' | 'fr' | 'it' | 'de' | 'pl' | 'pt' | 'tr' | 'ro';
const LANGS: Lang[] = ['en', 'es', 'fr', 'it', 'de', 'pl', 'pt', 'tr', 'ro'];

/** A topic in each language (en, es, fr, it, de, pl, pt, tr, ro), its subjects and how often it is chosen. */
const TOPICS: { words: string[]; subjects: Subject[]; weight: number }[] = [
  {
    words: ['water', 'el agua', "l'eau", "l'acqua", 'Wasser', 'woda', 'a água', 'su', 'apa'],
    subjects: ['natural_sciences', 'geography', 'environmental_education'],
    weight: 3,
  },
  {
    words: [
      'climate change',
      'el cambio climático',
      'le changement climatique',
      'il cambiamento climatico',
      'Klimawandel',
      'zmiany klimatu',
      'as alterações climáticas',
      'iklim değişikliği',
      'schimbările climatice',
    ],
    subjects: ['geography', 'environmental_education', 'natural_sciences'],
    weight: 3,
  },
  {
    words: ['reading', 'la lectura', 'la lecture', 'la lettura', 'Lesen', 'czytanie', 'a leitura', 'okuma', 'lectura'],
    subjects: ['language_literature', 'school_library'],
    weight: 2,
  },
  {
    words: ['robotics', 'la robótica', 'la robotique', 'la robotica', 'Robotik', 'robotyka', 'a robótica', 'robotik'],
    subjects: ['technology', 'computer_science'],
    weight: 2,
  },
  {
    words: ['music', 'la música', 'la musique', 'la musica', 'Musik', 'muzyka', 'a música', 'müzik', 'muzica'],
    subjects: ['music', 'art'],
    weight: 2,
  },
  {
    words: [
      'cultural heritage',
      'el patrimonio cultural',
      'le patrimoine culturel',
      'il patrimonio culturale',
      'Kulturerbe',
      'dziedzictwo kulturowe',
      'o património cultural',
      'kültürel miras',
      'patrimoniul cultural',
    ],
    subjects: ['history', 'art', 'european_studies'],
    weight: 3,
  },
  {
    words: [
      'healthy food',
      'la alimentación saludable',
      "l'alimentation saine",
      "l'alimentazione sana",
      'gesunde Ernährung',
      'zdrowe odżywianie',
      'a alimentação saudável',
      'sağlıklı beslenme',
      'alimentația sănătoasă',
    ],
    subjects: ['health_education', 'biology'],
    weight: 2,
  },
  {
    words: [
      'fairy tales',
      'los cuentos populares',
      'les contes',
      'le fiabe',
      'Märchen',
      'baśnie',
      'os contos tradicionais',
      'masallar',
      'basmele',
    ],
    subjects: ['language_literature', 'foreign_languages'],
    weight: 2,
  },
  {
    words: [
      'coding',
      'la programación',
      'le codage',
      'il coding',
      'Programmieren',
      'programowanie',
      'a programação',
      'kodlama',
      'programarea',
    ],
    subjects: ['computer_science', 'mathematics'],
    weight: 2,
  },
  {
    words: [
      'recycling',
      'el reciclaje',
      'le recyclage',
      'il riciclo',
      'Recycling',
      'recykling',
      'a reciclagem',
      'geri dönüşüm',
      'reciclarea',
    ],
    subjects: ['environmental_education', 'technology'],
    weight: 2,
  },
  {
    words: [
      'democracy',
      'la democracia',
      'la démocratie',
      'la democrazia',
      'Demokratie',
      'demokracja',
      'a democracia',
      'demokrasi',
      'democrația',
    ],
    subjects: ['ethics_citizenship', 'social_sciences', 'european_studies'],
    weight: 1,
  },
  {
    words: [
      'bees and biodiversity',
      'las abejas y la biodiversidad',
      'les abeilles et la biodiversité',
      'le api e la biodiversità',
      'Bienen und Artenvielfalt',
      'pszczoły i bioróżnorodność',
      'as abelhas e a biodiversidade',
      'arılar ve biyoçeşitlilik',
      'albinele și biodiversitatea',
    ],
    subjects: ['biology', 'environmental_education'],
    weight: 1,
  },
  {
    words: [
      'astronomy',
      'la astronomía',
      "l'astronomie",
      "l'astronomia",
      'Astronomie',
      'astronomia',
      'a astronomia',
      'astronomi',
      'astronomia',
    ],
    subjects: ['physics', 'natural_sciences'],
    weight: 1,
  },
  {
    words: [
      'mathematical games',
      'los juegos matemáticos',
      'les jeux mathématiques',
      'i giochi matematici',
      'Mathespiele',
      'gry matematyczne',
      'os jogos matemáticos',
      'matematik oyunları',
      'jocurile matematice',
    ],
    subjects: ['mathematics'],
    weight: 2,
  },
  {
    words: [
      'sport and wellbeing',
      'el deporte y el bienestar',
      'le sport et le bien-être',
      'lo sport e il benessere',
      'Sport und Wohlbefinden',
      'sport i dobre samopoczucie',
      'o desporto e o bem-estar',
      'spor ve iyi oluş',
      'sportul și starea de bine',
    ],
    subjects: ['physical_education', 'health_education'],
    weight: 2,
  },
  {
    words: [
      'street art',
      'el arte urbano',
      "l'art urbain",
      "l'arte urbana",
      'Straßenkunst',
      'sztuka uliczna',
      'a arte urbana',
      'sokak sanatı',
      'arta stradală',
    ],
    subjects: ['art', 'media_education'],
    weight: 1,
  },
  {
    words: [
      'migration stories',
      'las historias de migración',
      'les récits de migration',
      'le storie di migrazione',
      'Migrationsgeschichten',
      'historie migracji',
      'as histórias de migração',
      'göç hikâyeleri',
      'poveștile migrației',
    ],
    subjects: ['history', 'social_sciences', 'geography'],
    weight: 1,
  },
  {
    words: [
      'media literacy',
      'la alfabetización mediática',
      "l'éducation aux médias",
      "l'educazione ai media",
      'Medienkompetenz',
      'edukacja medialna',
      'a literacia mediática',
      'medya okuryazarlığı',
      'educația media',
    ],
    subjects: ['media_education', 'ethics_citizenship'],
    weight: 2,
  },
  {
    words: [
      'traditional recipes',
      'las recetas tradicionales',
      'les recettes traditionnelles',
      'le ricette tradizionali',
      'traditionelle Rezepte',
      'tradycyjne przepisy',
      'as receitas tradicionais',
      'geleneksel tarifler',
      'rețetele tradiționale',
    ],
    subjects: ['health_education', 'foreign_languages', 'cross_curricular'],
    weight: 2,
  },
  {
    words: ['theatre', 'el teatro', 'le théâtre', 'il teatro', 'Theater', 'teatr', 'o teatro', 'tiyatro', 'teatrul'],
    subjects: ['drama', 'language_literature'],
    weight: 1,
  },
  {
    words: [
      'entrepreneurship',
      'el emprendimiento',
      "l'entrepreneuriat",
      "l'imprenditorialità",
      'Unternehmertum',
      'przedsiębiorczość',
      'o empreendedorismo',
      'girişimcilik',
      'antreprenoriatul',
    ],
    subjects: ['economics', 'vocational_subjects'],
    weight: 1,
  },
  {
    words: [
      'inclusion',
      'la inclusión',
      "l'inclusion",
      "l'inclusione",
      'Inklusion',
      'integracja',
      'a inclusão',
      'kapsayıcılık',
      'incluziunea',
    ],
    subjects: ['special_needs_education', 'pastoral_guidance', 'ethics_citizenship'],
    weight: 1,
  },
  {
    words: [
      'forests',
      'los bosques',
      'les forêts',
      'i boschi',
      'Wälder',
      'lasy',
      'as florestas',
      'ormanlar',
      'pădurile',
    ],
    subjects: ['biology', 'geography', 'environmental_education'],
    weight: 1,
  },
  {
    words: [
      'renewable energy',
      'las energías renovables',
      'les énergies renouvelables',
      'le energie rinnovabili',
      'erneuerbare Energien',
      'odnawialne źródła energii',
      'as energias renováveis',
      'yenilenebilir enerji',
      'energia regenerabilă',
    ],
    subjects: ['physics', 'technology', 'environmental_education'],
    weight: 1,
  },
  {
    words: [
      'emotions and friendship',
      'las emociones y la amistad',
      "les émotions et l'amitié",
      "le emozioni e l'amicizia",
      'Gefühle und Freundschaft',
      'emocje i przyjaźń',
      'as emoções e a amizade',
      'duygular ve arkadaşlık',
      'emoțiile și prietenia',
    ],
    subjects: ['pastoral_guidance', 'primary_education_all'],
    weight: 2,
  },
];

/** Titles, summaries and aims by language: {A}/{a} the main topic, {b} a second one, {n} the schools. */
const TEXTS: Record<Lang, { titles: string[]; summaries: string[]; aims: string; rare: string }> = {
  en: {
    titles: ['{A} without borders', 'Our {a}, your {a}', 'Exploring {a} together', '{A} across Europe'],
    summaries: [
      'Pupils from {n} schools explore {a} through shared activities, videoconferences and a common online diary. Each class presents its town and compares its findings with its partners.',
      'In this project our pupils investigate {a} and {b}, collect examples from their own region and build a shared digital book.',
    ],
    aims: 'Improve communication in English; learn about {b}; use digital tools safely; work in international teams.',
    rare: 'We will also visit a lighthouse.',
  },
  es: {
    titles: ['{A} sin fronteras', 'Descubrimos {a} juntos', '{A} en Europa'],
    summaries: [
      'Alumnos de {n} centros exploran {a} con actividades compartidas, videoconferencias y un diario común en línea. Cada clase presenta su ciudad y compara sus descubrimientos con los socios.',
      'En este proyecto nuestro alumnado investiga {a} y {b}, recoge ejemplos de su región y crea un libro digital compartido.',
    ],
    aims: 'Mejorar la comunicación en lenguas extranjeras; aprender sobre {b}; usar herramientas digitales con seguridad; trabajar en equipos internacionales.',
    rare: 'También visitaremos un faro.',
  },
  fr: {
    titles: ['{A} sans frontières', 'Découvrir {a} ensemble', '{A} en Europe'],
    summaries: [
      'Des élèves de {n} écoles explorent {a} à travers des activités communes, des visioconférences et un journal en ligne partagé.',
      'Dans ce projet, nos élèves étudient {a} et {b}, rassemblent des exemples de leur région et réalisent un livre numérique commun.',
    ],
    aims: 'Améliorer la communication en langues étrangères ; découvrir {b} ; utiliser les outils numériques en sécurité ; travailler en équipes internationales.',
    rare: 'Nous visiterons aussi un phare.',
  },
  it: {
    titles: ['{A} senza confini', 'Scopriamo {a} insieme', '{A} in Europa'],
    summaries: [
      'Studenti di {n} scuole esplorano {a} con attività condivise, videoconferenze e un diario comune online.',
      'In questo progetto i nostri alunni indagano {a} e {b}, raccolgono esempi dalla loro regione e creano un libro digitale condiviso.',
    ],
    aims: 'Migliorare la comunicazione nelle lingue straniere; conoscere {b}; usare gli strumenti digitali in sicurezza; lavorare in squadre internazionali.',
    rare: 'Visiteremo anche un faro.',
  },
  de: {
    titles: ['{A} ohne Grenzen', 'Gemeinsam entdecken: {a}', '{A} in Europa'],
    summaries: [
      'Schülerinnen und Schüler aus {n} Schulen erkunden {a} mit gemeinsamen Aktivitäten, Videokonferenzen und einem Online-Tagebuch.',
      'In diesem Projekt untersuchen unsere Klassen {a} und {b}, sammeln Beispiele aus ihrer Region und gestalten ein gemeinsames digitales Buch.',
    ],
    aims: 'Kommunikation in Fremdsprachen verbessern; mehr über {b} lernen; digitale Werkzeuge sicher nutzen; in internationalen Teams arbeiten.',
    rare: 'Wir besuchen auch einen Leuchtturm.',
  },
  pl: {
    titles: ['{A} bez granic', 'Odkrywamy razem: {a}', '{A} w Europie'],
    summaries: [
      'Uczniowie z {n} szkół poznają {a} poprzez wspólne działania, wideokonferencje i internetowy dziennik.',
      'W tym projekcie nasi uczniowie badają {a} i {b}, zbierają przykłady ze swojego regionu i tworzą wspólną cyfrową książkę.',
    ],
    aims: 'Doskonalenie komunikacji w językach obcych; poznanie tematu: {b}; bezpieczne korzystanie z narzędzi cyfrowych; praca w międzynarodowych zespołach.',
    rare: 'Odwiedzimy też latarnię morską.',
  },
  pt: {
    titles: ['{A} sem fronteiras', 'Descobrimos {a} juntos', '{A} na Europa'],
    summaries: [
      'Alunos de {n} escolas exploram {a} com atividades partilhadas, videoconferências e um diário comum online.',
      'Neste projeto os nossos alunos investigam {a} e {b}, recolhem exemplos da sua região e criam um livro digital partilhado.',
    ],
    aims: 'Melhorar a comunicação em línguas estrangeiras; aprender sobre {b}; usar ferramentas digitais em segurança; trabalhar em equipas internacionais.',
    rare: 'Também visitaremos um farol.',
  },
  tr: {
    titles: ['Sınır tanımayan {a}', 'Birlikte keşfediyoruz: {a}', "Avrupa'da {a}"],
    summaries: [
      '{n} okuldan öğrenciler ortak etkinlikler, video konferanslar ve çevrimiçi bir günlükle {a} konusunu keşfediyor.',
      'Bu projede öğrencilerimiz {a} ve {b} konularını araştırıyor, bölgelerinden örnekler topluyor ve ortak bir dijital kitap hazırlıyor.',
    ],
    aims: 'Yabancı dilde iletişimi geliştirmek; {b} hakkında öğrenmek; dijital araçları güvenle kullanmak; uluslararası ekiplerde çalışmak.',
    rare: 'Bir deniz fenerini de ziyaret edeceğiz.',
  },
  ro: {
    titles: ['{A} fără frontiere', 'Descoperim împreună {a}', '{A} în Europa'],
    summaries: [
      'Elevi din {n} școli explorează {a} prin activități comune, videoconferințe și un jurnal online.',
      'În acest proiect elevii noștri cercetează {a} și {b}, adună exemple din regiunea lor și creează o carte digitală comună.',
    ],
    aims: 'Îmbunătățirea comunicării în limbi străine; învățarea despre {b}; folosirea sigură a instrumentelor digitale; lucrul în echipe internaționale.',
    rare: 'Vom vizita și un far.',
  },
};

/** The language teachers of each country write in (bench/profiles.ts's countries); others write in English. */
const COUNTRY_LANG: Record<string, string> = {
  TR: 'tr',
  IT: 'it',
  ES: 'es',
  PL: 'pl',
  FR: 'fr',
  RO: 'ro',
  GR: 'el',
  PT: 'pt',
  DE: 'de',
  UA: 'uk',
  HR: 'hr',
  SK: 'sk',
  LT: 'lt',
  BG: 'bg',
  AZ: 'az',
  SE: 'sv',
  FI: 'fi',
};

const AGES: { ages: [number, number]; weight: number; extra: Subject[] }[] = [
  { ages: [3, 6], weight: 1, extra: ['early_childhood_education'] },
  { ages: [6, 9], weight: 2, extra: ['primary_education_all'] },
  { ages: [8, 11], weight: 3, extra: ['primary_education_all', 'foreign_languages'] },
  { ages: [10, 12], weight: 3, extra: ['foreign_languages'] },
  { ages: [12, 14], weight: 4, extra: ['foreign_languages', 'cross_curricular'] },
  { ages: [12, 15], weight: 3, extra: ['foreign_languages'] },
  { ages: [14, 17], weight: 3, extra: ['foreign_languages', 'european_studies'] },
  { ages: [15, 18], weight: 2, extra: ['foreign_languages'] },
  { ages: [16, 19], weight: 1, extra: ['vocational_subjects'] },
];

const STATES: [string, number][] = [
  ['active', 25],
  ['closed', 50],
  ['archived', 7],
  ['draft', 8],
  ['awaiting_partner', 3],
  ['awaiting_approval', 4],
  ['rejected', 3],
];

// ---------------------------------------------------------------------------------------------
// Generation.

/** A small deterministic PRNG (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
/** schoolYearOf in apps/server/src/modules/projects/use-cases/decide.ts: September–August. */
const schoolYearOf = (d: Date) => (d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1);

interface Timings {
  teachers: number;
  projects: number;
  members: number;
  analyze: number;
}

/**
 * Inserts `count` projects with their members among `teachers` generated teachers (bench/profiles.ts,
 * four per school). Returns the time of each step in seconds.
 */
async function generateProjects(pool: pg.Pool, count: number, memberTrigger: boolean, seed = 7): Promise<Timings> {
  const timings: Timings = { teachers: 0, projects: 0, members: 0, analyze: 0 };
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const weighted = <T>(list: readonly T[], weight: (t: T) => number) => {
    const total = list.reduce((s, t) => s + weight(t), 0);
    let r = rnd() * total;
    for (const t of list) if ((r -= weight(t)) < 0) return t;
    return list[0]!;
  };
  const between = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const uuid = () => {
    const h = Array.from({ length: 4 }, () =>
      Math.floor(rnd() * 2 ** 32)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const fill = (template: string, v: Record<string, string>) => template.replace(/\{(\w)\}/g, (_, k) => v[k] ?? '');

  let t0 = performance.now();
  const teacherCount = Math.max(400, Math.round(count * 0.8));
  await generateProfiles(pool, teacherCount);
  const { rows: people } = await pool.query<{ person_id: string; school_id: string; country_code: string }>(
    `SELECT a.person_id, a.school_id, s.country_code
     FROM affiliation a JOIN school s ON s.id = a.school_id JOIN person pe ON pe.id = a.person_id
     WHERE s.head_email = 'head@bench.example' ORDER BY pe.username`,
  );
  // Each member row is one of the school's teachers acting for it.
  const teachersAt = new Map<string, string[]>();
  const schoolsIn = new Map<string, string[]>();
  for (const p of people) {
    const at = teachersAt.get(p.school_id);
    if (at) {
      at.push(p.person_id);
      continue;
    }
    teachersAt.set(p.school_id, [p.person_id]);
    schoolsIn.set(p.country_code, [...(schoolsIn.get(p.country_code) ?? []), p.school_id]);
  }
  const allSchools = [...teachersAt.keys()];
  const countryOf = new Map(people.map((p) => [p.school_id, p.country_code]));
  timings.teachers = (performance.now() - t0) / 1000;

  const now = Date.now();
  const start = Date.UTC(2015, 8, 1);
  const iso = (ms: number) => new Date(ms).toISOString();
  if (!memberTrigger) await pool.query('ALTER TABLE project_member DISABLE TRIGGER project_member_refresh');
  const BATCH = 5000;
  for (let b = 0; b < count; b += BATCH) {
    const p = {
      id: [] as string[],
      kind: [] as string[],
      state: [] as string[],
      title: [] as string[],
      summary: [] as (string | null)[],
      languages: [] as string[],
      ageMin: [] as (number | null)[],
      ageMax: [] as (number | null)[],
      pupils: [] as (number | null)[],
      subjects: [] as string[],
      aims: [] as (string | null)[],
      createdBy: [] as string[],
      cofounder: [] as string[],
      cofounderSchool: [] as string[],
      listed: [] as boolean[],
      rejectedCountry: [] as (string | null)[],
      createdAt: [] as string[],
      changedAt: [] as string[],
      activatedAt: [] as (string | null)[],
      closedAt: [] as (string | null)[],
      archivedAt: [] as (string | null)[],
      schoolYear: [] as (number | null)[],
      countries: [] as string[],
      schools: [] as number[],
    };
    const m = {
      project: [] as string[],
      person: [] as string[],
      school: [] as string[],
      role: [] as string[],
      joined: [] as string[],
      left: [] as (string | null)[],
    };
    for (let i = b; i < Math.min(count, b + BATCH); i++) {
      const id = uuid();
      const state = weighted(STATES, (s) => s[1])[0];
      const open = state === 'active' || state === 'closed' || state === 'archived';
      // Founders: one national project in four; a European one has 2–5 countries.
      const founderSchool = pick(allSchools);
      const home = countryOf.get(founderSchool)!;
      const national = rnd() < 0.25;
      const schoolCount = open ? weighted([2, 3, 4, 5, 6], (n) => [30, 30, 20, 12, 8][n - 2]!) : 2;
      const countryCount = national ? 1 : Math.max(2, Math.min(schoolCount, between(2, 5)));
      const countries = [home];
      while (countries.length < countryCount) {
        const c = countryOf.get(pick(allSchools))!;
        if (!countries.includes(c)) countries.push(c);
      }
      const schools = [founderSchool];
      for (let k = 1, guard = 0; k < schoolCount && guard < 50; guard++) {
        const c = k < countryCount ? countries[k]! : pick(countries);
        const s = pick(schoolsIn.get(c)!);
        if (!schools.includes(s)) {
          schools.push(s);
          k++;
        }
      }
      if (schools.length < 2) schools.push(pick(allSchools.filter((s) => s !== founderSchool).slice(0, 50)));
      const kind = countryOf.get(schools[0]!) === countryOf.get(schools[1]!) ? 'national' : 'european';

      // Dates: active ones started in the last 20 months, closed and archived ones earlier (more of them lately).
      let activated: number | null = null;
      let closed: number | null = null;
      let archived: number | null = null;
      let created: number;
      if (open) {
        activated =
          state === 'active'
            ? Math.max(start, now - rnd() * 600 * DAY)
            : start + (now - (state === 'archived' ? 800 : 120) * DAY - start) * Math.sqrt(rnd());
        if (state !== 'active') closed = Math.min(now - DAY, activated + between(90, 365) * DAY);
        if (state === 'archived') archived = Math.min(now - DAY, closed! + between(365, 700) * DAY);
        created = activated - between(7, 60) * DAY;
      } else created = now - rnd() * 365 * DAY;
      const changed = archived ?? closed ?? activated ?? created + rnd() * (now - created);

      // Languages and text: European projects are mostly written in English.
      const native = COUNTRY_LANG[home] ?? 'en';
      const first = kind === 'european' && rnd() < 0.55 ? 'en' : native;
      const languages = [first];
      if (kind === 'european') {
        for (const c of countries) if (rnd() < 0.4) languages.push(COUNTRY_LANG[c] ?? 'en');
        if (rnd() < 0.5) languages.push('en');
      }
      const writesIn: Lang = (LANGS as string[]).includes(first) ? (first as Lang) : 'en';
      const li = LANGS.indexOf(writesIn);
      const topic = weighted(TOPICS, (t) => t.weight);
      const other = weighted(TOPICS, (t) => t.weight);
      const a = topic.words[li] ?? topic.words[0]!;
      const text = TEXTS[writesIn];
      const words = {
        a,
        A: a[0]!.toUpperCase() + a.slice(1),
        b: other.words[li] ?? other.words[0]!,
        n: `${schoolCount}`,
      };
      const age = weighted(AGES, (x) => x.weight);
      const subjects = new Set<string>([pick(topic.subjects), ...(rnd() < 0.5 ? [pick(other.subjects)] : [])]);
      if (rnd() < 0.4) subjects.add(pick(age.extra));
      const filled = state !== 'draft' || rnd() < 0.6;

      const present = state === 'draft' || state === 'awaiting_partner' ? schools.slice(0, 1) : schools;
      const joined = present.map((_, k) =>
        Math.min(now, k < 2 ? created : (activated ?? created) + between(1, 60) * DAY),
      );
      const left = present.map((_, k) =>
        k >= 2 && open && rnd() < 0.03 ? Math.min(now, joined[k]! + 30 * DAY) : null,
      );
      const stay = present.filter((_, k) => left[k] === null);
      const actors = schools.map((s) => pick(teachersAt.get(s)!));
      present.forEach((s, k) => {
        m.project.push(id);
        m.person.push(actors[k]!);
        m.school.push(s);
        m.role.push(k < 2 ? 'founder' : 'partner');
        m.joined.push(iso(joined[k]!));
        m.left.push(left[k] === null ? null : iso(left[k]!));
      });

      p.id.push(id);
      p.kind.push(kind);
      p.state.push(state);
      p.title.push(fill(pick(text.titles), words));
      p.summary.push(filled ? fill(pick(text.summaries), words) : null);
      p.languages.push([...new Set(languages)].join(','));
      p.ageMin.push(filled ? age.ages[0] : null);
      p.ageMax.push(filled ? age.ages[1] : null);
      p.pupils.push(filled ? between(10, 200) : null);
      p.subjects.push(filled ? [...subjects].join(',') : '');
      p.aims.push(filled ? fill(text.aims, words) + (rnd() < 0.002 ? ` ${text.rare}` : '') : null);
      p.createdBy.push(actors[0]!);
      p.cofounder.push(actors[1]!);
      p.cofounderSchool.push(schools[1]!);
      p.listed.push(rnd() >= 0.05);
      p.rejectedCountry.push(state === 'rejected' ? pick(countries) : null);
      p.createdAt.push(iso(created));
      p.changedAt.push(iso(changed));
      p.activatedAt.push(activated === null ? null : iso(activated));
      p.closedAt.push(closed === null ? null : iso(closed));
      p.archivedAt.push(archived === null ? null : iso(archived));
      p.schoolYear.push(activated === null ? null : schoolYearOf(new Date(activated)));
      p.countries.push([...new Set(stay.map((s) => countryOf.get(s)!))].sort().join(','));
      p.schools.push(stay.length);
    }
    t0 = performance.now();
    await pool.query(
      `INSERT INTO project (id, kind, state, title, summary, languages, age_min, age_max, pupils, subjects, tools, aims,
                            work_process, expected_results, created_by, cofounder_id, cofounder_school_id, listed,
                            rejection_reason, rejected_country, rejected_at, created_at, updated_at, state_changed_at,
                            activated_at, closed_at, archived_at, school_year, country_codes, school_count)
       SELECT id, kind, state, title, summary, string_to_array(la, ','), amin, amax, pu, string_to_array(su, ','),
              CASE WHEN aims IS NOT NULL THEN 'TwinSpace, videoconferences, shared documents' END, aims,
              CASE WHEN aims IS NOT NULL THEN 'One shared activity a month; each class answers the others within two weeks.' END,
              CASE WHEN aims IS NOT NULL THEN 'A shared digital book and an exhibition in each school.' END,
              cb, co, cs, li, CASE WHEN rc IS NOT NULL THEN 'The aims need to be more precise.' END, rc,
              CASE WHEN rc IS NOT NULL THEN ch::timestamptz END, cr::timestamptz, ch::timestamptz, ch::timestamptz,
              ac::timestamptz, cl::timestamptz, ar::timestamptz, sy, string_to_array(cc, ','), sc
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[],
                   $10::text[], $11::text[], $12::uuid[], $13::uuid[], $14::uuid[], $15::boolean[], $16::text[],
                   $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::int[], $23::text[], $24::int[])
            AS t(id, kind, state, title, summary, la, amin, amax, pu, su, aims, cb, co, cs, li, rc, cr, ch, ac, cl, ar, sy, cc, sc)`,
      [
        p.id,
        p.kind,
        p.state,
        p.title,
        p.summary,
        p.languages,
        p.ageMin,
        p.ageMax,
        p.pupils,
        p.subjects,
        p.aims,
        p.createdBy,
        p.cofounder,
        p.cofounderSchool,
        p.listed,
        p.rejectedCountry,
        p.createdAt,
        p.changedAt,
        p.activatedAt,
        p.closedAt,
        p.archivedAt,
        p.schoolYear,
        p.countries,
        p.schools,
      ],
    );
    timings.projects += (performance.now() - t0) / 1000;
    t0 = performance.now();
    await pool.query(
      `INSERT INTO project_member (project_id, person_id, school_id, role, joined_at, left_at)
       SELECT pr, pe, sc, ro, jo::timestamptz, le::timestamptz
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS t(pr, pe, sc, ro, jo, le)`,
      [m.project, m.person, m.school, m.role, m.joined, m.left],
    );
    timings.members += (performance.now() - t0) / 1000;
  }
  if (!memberTrigger) await pool.query('ALTER TABLE project_member ENABLE TRIGGER project_member_refresh');
  t0 = performance.now();
  await pool.query('VACUUM ANALYZE project');
  await pool.query('VACUUM ANALYZE project_member');
  timings.analyze = (performance.now() - t0) / 1000;
  return timings;
}

// ---------------------------------------------------------------------------------------------
// Requests.

interface Case {
  label: string;
  /** The paths to request in turn (one, or one per random project). */
  paths: (ctx: { base: string; ids: string[] }) => Promise<string[]>;
  info: (body: string) => string;
}

const found = (body: string) => `${(JSON.parse(body) as { total: number }).total} found`;
const one = (path: string) => async () => [path];
/** The path of page `n` of a gallery request, following nextCursor from the first page. */
const page = (path: string, n: number) => async (ctx: { base: string }) => {
  const sep = path.includes('?') ? '&' : '?';
  let cursor: string | null = null;
  for (let i = 1; i < n; i++) {
    const res: Response = await fetch(ctx.base + path + (cursor ? `${sep}cursor=${cursor}` : ''));
    cursor = ((await res.json()) as { nextCursor: string | null }).nextCursor;
    if (!cursor) throw new Error(`${path}: no page ${n}`);
  }
  return [`${path}${sep}cursor=${cursor}`];
};

const CASES: Case[] = [
  { label: 'no filter, first page', paths: one('/api/gallery'), info: found },
  { label: 'country FR', paths: one('/api/gallery?country=FR'), info: found },
  { label: 'FR, ages 10–12', paths: one('/api/gallery?country=FR&ageMin=10&ageMax=12'), info: found },
  {
    label: 'subject + language: env. ed., fr',
    paths: one('/api/gallery?subject=environmental_education&language=fr'),
    info: found,
  },
  { label: 'national, school year 2024', paths: one('/api/gallery?kind=national&schoolYear=2024'), info: found },
  { label: 'common word: "water"', paths: one('/api/gallery?q=water'), info: found },
  { label: 'common word: "agua"', paths: one('/api/gallery?q=agua'), info: found },
  { label: 'rare word: "lighthouse"', paths: one('/api/gallery?q=lighthouse'), info: found },
  { label: 'text + country: "water", PL', paths: one('/api/gallery?q=water&country=PL'), info: found },
  { label: 'very common word: "project"', paths: one('/api/gallery?q=project'), info: found },
  { label: 'page 3 (cursor), no filter', paths: page('/api/gallery', 3), info: found },
  { label: 'page 3 (cursor), "water"', paths: page('/api/gallery?q=water', 3), info: found },
  {
    label: 'project page (random ids)',
    paths: async ({ ids }) => ids.map((id) => `/api/gallery/${id}`),
    info: (body) => `${(JSON.parse(body) as { schoolList: unknown[] }).schoolList.length} schools`,
  },
  {
    label: 'project map.svg (random ids)',
    paths: async ({ ids }) => ids.map((id) => `/api/gallery/${id}/map.svg`),
    info: (body) => `${Math.round(body.length / 1024)} KB svg`,
  },
];

const pct = (times: number[], p: number) => {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};

type Results = Map<string, { p50: number; p95: number; info: string }>;

async function run(kind: 'embedded' | 'postgres'): Promise<Results> {
  let database: Database | undefined;
  let admin: pg.Client | undefined;
  let reused = false;
  if (kind === 'postgres') {
    const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const target = new URL(url);
    target.pathname = `/${DB_NAME}`;
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB_NAME])).rowCount;
    if (exists && values.keep) {
      database = await openDatabase({ url: target.toString(), poolSize: 4 });
      const { rows } = await database.pool
        .query<{ n: number }>(`SELECT count(*)::int AS n FROM project`)
        .catch(() => ({ rows: [{ n: 0 }] }));
      reused = rows[0]!.n === projects;
      if (!reused) {
        await database.close();
        await admin.query(`DROP DATABASE ${DB_NAME}`);
      }
    } else if (exists) await admin.query(`DROP DATABASE ${DB_NAME}`);
    if (!reused) {
      await admin.query(`CREATE DATABASE ${DB_NAME}`);
      database = await openDatabase({ url: target.toString(), poolSize: 4 });
    }
  } else {
    database = await openDatabase({});
  }
  await migrateDatabase(database!);
  if (!reused) {
    await seedReferenceData(database!.db);
    const t0 = performance.now();
    const t = await generateProjects(database!.pool, projects, values['member-trigger']);
    const total = (performance.now() - t0) / 1000;
    console.log(
      `${kind}: ${projects} projects generated in ${total.toFixed(1)} s (teachers and schools ${t.teachers.toFixed(1)} s, ` +
        `projects ${t.projects.toFixed(1)} s, members ${t.members.toFixed(1)} s` +
        `${values['member-trigger'] ? ' with the member trigger' : ''}, VACUUM ANALYZE ${t.analyze.toFixed(1)} s)`,
    );
  } else {
    await database!.pool.query('VACUUM ANALYZE project');
    console.log(`${kind}: reusing ${DB_NAME} with ${projects} projects`);
  }
  const { rows: stats } = await database!.pool.query<{ listed: number; members: number }>(
    `SELECT (SELECT count(*)::int FROM project WHERE listed AND state IN ('active', 'closed')) AS listed,
            (SELECT count(*)::int FROM project_member) AS members`,
  );
  console.log(`${kind}: ${stats[0]!.listed} projects in the gallery, ${stats[0]!.members} member rows`);
  // 200 random public projects (deterministic order) for the project pages and maps.
  const { rows: idRows } = await database!.pool.query<{ id: string }>(
    `SELECT id FROM project WHERE listed AND state IN ('active', 'closed') ORDER BY md5(id::text) LIMIT 200`,
  );
  const ids = idRows.map((r) => r.id);

  const { app, base } = await listenForBench(database!);
  const results: Results = new Map();
  for (const c of CASES) {
    const paths = await c.paths({ base, ids });
    const times: number[] = [];
    let info = '';
    for (let i = 0; i < requests + 5; i++) {
      const path = paths[i % paths.length]!;
      const s = performance.now();
      const res = await fetch(base + path);
      const body = await res.text();
      if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
      if (i >= 5) times.push(performance.now() - s);
      info = c.info(body);
    }
    if (paths.length > 1) info = `${Math.min(paths.length, requests + 5)} ids, e.g. ${info}`;
    results.set(c.label, { p50: pct(times, 0.5), p95: pct(times, 0.95), info });
  }
  await app.close();
  await database!.close();
  if (admin) {
    if (!values.keep) await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME}`);
    await admin.end();
  }
  return results;
}

const kinds: ('embedded' | 'postgres')[] = values.embedded ? ['postgres', 'embedded'] : ['postgres'];
const all = new Map<string, Results>();
for (const k of kinds) all.set(k, await run(k));

const ms = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(1)} ms`);
console.log(`\n${projects} projects, ${requests} sequential requests per line (after 5 warm-up), loopback HTTP`);
console.log(
  ['what'.padEnd(36), ...kinds.flatMap((k) => [`${k} p50`.padStart(15), `${k} p95`.padStart(15)]), '  result'].join(''),
);
for (const { label } of CASES) {
  const cells = kinds.flatMap((k) => {
    const r = all.get(k)!.get(label)!;
    return [ms(r.p50).padStart(15), ms(r.p95).padStart(15)];
  });
  console.log([label.padEnd(36), ...cells, `  ${all.get('postgres')!.get(label)!.info}`].join(''));
}
const misses = CASES.filter(({ label }) => all.get('postgres')!.get(label)!.p95 > TARGET_MS).map((c) => c.label);
console.log(
  misses.length
    ? `PostgreSQL: p95 ≤ ${TARGET_MS} ms on ${CASES.length - misses.length} of ${CASES.length} lines; missed: ${misses.join('; ')}`
    : `PostgreSQL: every p95 ≤ ${TARGET_MS} ms`,
);
