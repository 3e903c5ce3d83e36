// A generator of realistic teacher profiles for benches: countries weighted roughly like the
// platform's membership, names, time zones, working languages and presentation languages by
// country, subjects by school level, presentations written from templates in the teacher's
// language, activity spread over the last 14 months. Deterministic for a given seed.
import type pg from 'pg';

interface CountryProfile {
  weight: number;
  tz: string;
  lang: string;
  first: string[];
  last: string[];
  cities: string[];
  school: string;
}

const C: Record<string, CountryProfile> = {
  TR: {
    weight: 20,
    tz: 'Europe/Istanbul',
    lang: 'tr',
    first: ['Ayşe', 'Mehmet', 'Zeynep', 'Emre', 'Elif', 'Mustafa', 'Fatma', 'Ahmet'],
    last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Aydın', 'Öztürk'],
    cities: ['İstanbul', 'Ankara', 'İzmir', 'Bursa', 'Konya'],
    school: 'Ortaokulu',
  },
  IT: {
    weight: 12,
    tz: 'Europe/Rome',
    lang: 'it',
    first: ['Giulia', 'Marco', 'Chiara', 'Luca', 'Francesca', 'Alessandro', 'Sara', 'Matteo'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci'],
    cities: ['Roma', 'Milano', 'Napoli', 'Torino', 'Firenze'],
    school: 'Istituto Comprensivo',
  },
  ES: {
    weight: 10,
    tz: 'Europe/Madrid',
    lang: 'es',
    first: ['Lucía', 'Javier', 'Carmen', 'José', 'María', 'Álvaro', 'Núria', 'Iñigo'],
    last: ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez'],
    cities: ['Madrid', 'Sevilla', 'Málaga', 'Córdoba', 'Valencia'],
    school: 'IES',
  },
  PL: {
    weight: 10,
    tz: 'Europe/Warsaw',
    lang: 'pl',
    first: ['Anna', 'Piotr', 'Katarzyna', 'Tomasz', 'Magdalena', 'Paweł', 'Agnieszka', 'Michał'],
    last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński'],
    cities: ['Kraków', 'Warszawa', 'Łódź', 'Wrocław', 'Gdańsk'],
    school: 'Szkoła Podstawowa',
  },
  FR: {
    weight: 7,
    tz: 'Europe/Paris',
    lang: 'fr',
    first: ['Camille', 'Julien', 'Sophie', 'Nicolas', 'Émilie', 'Thomas', 'Chloé', 'Hélène'],
    last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Lefèvre'],
    cities: ['Lyon', 'Lille', 'Marseille', 'Toulouse', 'Nantes'],
    school: 'Collège',
  },
  RO: {
    weight: 7,
    tz: 'Europe/Bucharest',
    lang: 'ro',
    first: ['Andrei', 'Ioana', 'Mihai', 'Elena', 'Alexandru', 'Maria'],
    last: ['Popescu', 'Ionescu', 'Popa', 'Dumitru', 'Stan', 'Stoica'],
    cities: ['București', 'Iași', 'Cluj-Napoca', 'Timișoara'],
    school: 'Școala Gimnazială',
  },
  GR: {
    weight: 6,
    tz: 'Europe/Athens',
    lang: 'el',
    first: ['Eleni', 'Nikos', 'Maria', 'Giorgos', 'Dimitra', 'Kostas'],
    last: ['Papadopoulou', 'Georgiou', 'Nikolaidis', 'Papadakis', 'Vlachos', 'Oikonomou'],
    cities: ['Athens', 'Thessaloniki', 'Patras', 'Heraklion'],
    school: 'Primary School',
  },
  PT: {
    weight: 5,
    tz: 'Europe/Lisbon',
    lang: 'pt',
    first: ['Inês', 'João', 'Ana', 'Rui', 'Beatriz', 'Tiago'],
    last: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa'],
    cities: ['Lisboa', 'Porto', 'Coimbra', 'Braga'],
    school: 'Escola Básica',
  },
  DE: {
    weight: 4,
    tz: 'Europe/Berlin',
    lang: 'de',
    first: ['Julia', 'Lukas', 'Hannah', 'Jonas', 'Lena', 'Felix'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker'],
    cities: ['Berlin', 'Hamburg', 'München', 'Köln', 'Bremen'],
    school: 'Gymnasium',
  },
  UA: {
    weight: 4,
    tz: 'Europe/Kyiv',
    lang: 'uk',
    first: ['Olena', 'Andrii', 'Iryna', 'Oleksandr', 'Nataliia'],
    last: ['Shevchenko', 'Bondarenko', 'Kovalenko', 'Tkachenko', 'Kravchenko'],
    cities: ['Kyiv', 'Lviv', 'Odesa', 'Kharkiv'],
    school: 'Gymnasium',
  },
  HR: {
    weight: 2,
    tz: 'Europe/Zagreb',
    lang: 'hr',
    first: ['Ivana', 'Marko', 'Petra', 'Luka'],
    last: ['Horvat', 'Kovačević', 'Babić', 'Marić'],
    cities: ['Zagreb', 'Split', 'Rijeka'],
    school: 'Osnovna škola',
  },
  SK: {
    weight: 2,
    tz: 'Europe/Bratislava',
    lang: 'sk',
    first: ['Jana', 'Peter', 'Zuzana', 'Martin'],
    last: ['Horváth', 'Kováč', 'Varga', 'Tóth'],
    cities: ['Bratislava', 'Košice', 'Žilina'],
    school: 'Základná škola',
  },
  LT: {
    weight: 2,
    tz: 'Europe/Vilnius',
    lang: 'lt',
    first: ['Rūta', 'Tomas', 'Eglė', 'Mantas'],
    last: ['Kazlauskas', 'Petrauskas', 'Jankauskas', 'Stankevičius'],
    cities: ['Vilnius', 'Kaunas', 'Klaipėda'],
    school: 'Progimnazija',
  },
  BG: {
    weight: 2,
    tz: 'Europe/Sofia',
    lang: 'bg',
    first: ['Maria', 'Georgi', 'Ivanka', 'Dimitar'],
    last: ['Ivanova', 'Petrov', 'Georgieva', 'Dimitrov'],
    cities: ['Sofia', 'Plovdiv', 'Varna'],
    school: 'School',
  },
  AZ: {
    weight: 1,
    tz: 'Asia/Baku',
    lang: 'az',
    first: ['Aynur', 'Rashad', 'Leyla', 'Elvin'],
    last: ['Mammadov', 'Aliyeva', 'Huseynov', 'Hasanova'],
    cities: ['Baku', 'Ganja'],
    school: 'School',
  },
  SE: {
    weight: 1,
    tz: 'Europe/Stockholm',
    lang: 'sv',
    first: ['Erik', 'Sara', 'Anna', 'Johan'],
    last: ['Lindqvist', 'Nilsson', 'Andersson', 'Johansson'],
    cities: ['Stockholm', 'Göteborg', 'Malmö'],
    school: 'skolan',
  },
  FI: {
    weight: 1,
    tz: 'Europe/Helsinki',
    lang: 'fi',
    first: ['Aino', 'Mikko', 'Laura', 'Juha'],
    last: ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen'],
    cities: ['Helsinki', 'Tampere', 'Turku'],
    school: 'koulu',
  },
};

/** Presentation templates by language; {s} is a topic in that language. Others write in English. */
const TEMPLATES: Record<string, { topics: string[]; texts: string[] }> = {
  es: {
    topics: ['lectura', 'matemáticas', 'el medio ambiente', 'el patrimonio', 'la robótica', 'el teatro', 'la música'],
    texts: [
      'Busco socios para un proyecto de {s} con alumnado de otros países.',
      'Me interesan los proyectos colaborativos sobre {s}; tenemos experiencia en intercambios.',
      'Profesora con ganas de trabajar {s} con escuelas europeas.',
    ],
  },
  en: {
    topics: ['reading', 'mathematics', 'the environment', 'heritage', 'robotics', 'drama', 'music'],
    texts: [
      'Looking for partners for a project on {s} with pupils abroad.',
      'I enjoy collaborative projects about {s}; we have done several exchanges.',
      'Teacher keen to work on {s} with European schools.',
    ],
  },
  fr: {
    topics: [
      'la lecture',
      'les mathématiques',
      "l'environnement",
      'le patrimoine',
      'la robotique',
      'le théâtre',
      'la musique',
    ],
    texts: [
      'Je cherche des partenaires pour un projet sur {s} avec des élèves étrangers.',
      "J'aime les projets collaboratifs sur {s} ; nous avons déjà fait des échanges.",
    ],
  },
  it: {
    topics: ['la lettura', 'la matematica', "l'ambiente", 'il patrimonio', 'la robotica', 'il teatro', 'la musica'],
    texts: [
      'Cerco partner per un progetto su {s} con studenti di altri paesi.',
      'Mi piacciono i progetti collaborativi su {s}.',
    ],
  },
  de: {
    topics: ['Lesen', 'Mathematik', 'Umwelt', 'Kulturerbe', 'Robotik', 'Theater', 'Musik'],
    texts: [
      'Ich suche Partner für ein Projekt über {s} mit Schülern aus anderen Ländern.',
      'Gemeinsame Projekte zum Thema {s} machen mir Freude.',
    ],
  },
  pt: {
    topics: ['a leitura', 'a matemática', 'o ambiente', 'o património', 'a robótica', 'o teatro', 'a música'],
    texts: ['Procuro parceiros para um projeto sobre {s} com alunos de outros países.'],
  },
  tr: {
    topics: ['okuma', 'matematik', 'çevre', 'kültürel miras', 'robotik', 'tiyatro', 'müzik'],
    texts: [
      'Diğer ülkelerden öğrencilerle {s} üzerine bir proje için ortak arıyorum.',
      '{s} konusunda işbirliği projelerini seviyorum.',
    ],
  },
  ro: {
    topics: ['lectură', 'matematică', 'mediu', 'patrimoniu', 'robotică', 'teatru', 'muzică'],
    texts: ['Caut parteneri pentru un proiect despre {s} cu elevi din alte țări.'],
  },
};

const LEVELS = [
  { levels: ['early_childhood'], ages: [3, 6], subjects: ['early_childhood_education', 'art', 'music'] },
  {
    levels: ['primary'],
    ages: [6, 12],
    subjects: ['primary_education_all', 'art', 'music', 'natural_sciences', 'foreign_languages', 'physical_education'],
  },
  {
    levels: ['primary', 'lower_secondary'],
    ages: [6, 15],
    subjects: ['primary_education_all', 'foreign_languages', 'mathematics', 'history', 'geography'],
  },
  {
    levels: ['lower_secondary'],
    ages: [11, 15],
    subjects: [
      'mathematics',
      'foreign_languages',
      'language_literature',
      'history',
      'geography',
      'biology',
      'technology',
      'computer_science',
    ],
  },
  {
    levels: ['lower_secondary', 'upper_secondary'],
    ages: [12, 18],
    subjects: [
      'mathematics',
      'physics',
      'chemistry',
      'biology',
      'foreign_languages',
      'history',
      'philosophy',
      'computer_science',
      'art',
    ],
  },
  {
    levels: ['upper_secondary'],
    ages: [15, 19],
    subjects: [
      'physics',
      'chemistry',
      'mathematics',
      'economics',
      'foreign_languages',
      'philosophy',
      'european_studies',
    ],
  },
  {
    levels: ['upper_secondary', 'initial_vocational'],
    ages: [15, 20],
    subjects: ['vocational_subjects', 'economics', 'technology', 'foreign_languages'],
  },
];
const FOREIGN = ['en', 'en', 'en', 'fr', 'de', 'es', 'it'];

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Inserts `count` validated, findable teachers (plus ~5% pending and ~5% hidden ones) in
 * count/4 schools. Returns the number of rows in the search index afterwards.
 */
export async function generateProfiles(pool: pg.Pool, count: number, seed = 42): Promise<number> {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const codes = Object.keys(C);
  const total = codes.reduce((s, c) => s + C[c]!.weight, 0);
  const country = () => {
    let r = rnd() * total;
    for (const c of codes) if ((r -= C[c]!.weight) < 0) return c;
    return codes[0]!;
  };
  const { rows: regions } = await pool.query<{ id: number }>(`SELECT r.id FROM region r WHERE r.country_code = 'ES'`);

  // Schools.
  const schoolCount = Math.max(1, Math.ceil(count / 4));
  for (let b = 0; b < schoolCount; b += 5000) {
    const rows = {
      country: [] as string[],
      region: [] as (number | null)[],
      name: [] as string[],
      levels: [] as string[],
      city: [] as string[],
      min: [] as number[],
      max: [] as number[],
    };
    for (let i = b; i < Math.min(schoolCount, b + 5000); i++) {
      const c = country();
      const level = pick(LEVELS);
      const city = pick(C[c]!.cities);
      rows.country.push(c);
      rows.region.push(c === 'ES' ? pick(regions).id : null);
      rows.name.push(`${C[c]!.school} ${pick(C[c]!.last)} ${i + 1}`);
      rows.levels.push(level.levels.join(','));
      rows.city.push(city);
      rows.min.push(level.ages[0]!);
      rows.max.push(level.ages[1]!);
    }
    await pool.query(
      `INSERT INTO school (country_code, region_id, name, levels, address, city, age_min, age_max, head_name, head_email)
       SELECT c, r, n, string_to_array(l, ','), 'Street 1', ci, mn, mx, 'Head teacher', 'head@bench.example'
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[]) AS t(c, r, n, l, ci, mn, mx)`,
      [rows.country, rows.region, rows.name, rows.levels, rows.city, rows.min, rows.max],
    );
  }
  const { rows: schoolRows } = await pool.query<{ id: string; country_code: string; levels: string[] }>(
    `SELECT id, country_code, levels FROM school WHERE head_email = 'head@bench.example'`,
  );
  const now = Date.now();

  // Teachers, each validated at one school (5% pending, 5% hidden for inactivity).
  for (let b = 0; b < count; b += 5000) {
    const r = {
      email: [] as string[],
      username: [] as string[],
      first: [] as string[],
      last: [] as string[],
      subjects: [] as string[],
      languages: [] as string[],
      presentation: [] as string[],
      plang: [] as string[],
      looking: [] as boolean[],
      tz: [] as string[],
      seen: [] as string[],
      hidden: [] as (string | null)[],
      school: [] as string[],
      status: [] as string[],
    };
    for (let i = b; i < Math.min(count, b + 5000); i++) {
      const s = schoolRows[i % schoolRows.length]!;
      const c = C[s.country_code]!;
      const level = LEVELS.find((l) => l.levels.join(',') === s.levels.join(','))!;
      const subjects = [...new Set([pick(level.subjects), ...(rnd() < 0.4 ? [pick(level.subjects)] : [])])];
      const languages = [...new Set([c.lang, ...(rnd() < 0.8 ? ['en'] : []), ...(rnd() < 0.3 ? [pick(FOREIGN)] : [])])];
      const template = TEMPLATES[c.lang] ?? TEMPLATES.en!;
      const writesIn = TEMPLATES[c.lang] ? c.lang : 'en';
      r.email.push(`t${i}-${seed}@bench.example`);
      r.username.push(`bench_${seed}_${i}`);
      r.first.push(pick(c.first));
      r.last.push(pick(c.last));
      r.subjects.push(subjects.join(','));
      r.languages.push(languages.join(','));
      r.presentation.push(pick(template.texts).replace('{s}', pick(template.topics)));
      r.plang.push(writesIn);
      r.looking.push(rnd() < 0.6);
      r.tz.push(c.tz);
      r.seen.push(new Date(now - Math.floor(rnd() * 420) * 86_400_000).toISOString());
      r.hidden.push(rnd() < 0.05 ? new Date(now).toISOString() : null);
      r.school.push(s.id);
      r.status.push(rnd() < 0.05 ? 'pending' : 'validated');
    }
    await pool.query(
      `WITH p AS (
         INSERT INTO person (email, username, first_name, last_name, school_role, subjects, languages, presentation,
                             presentation_language, looking_for_partners, time_zone, code_of_conduct_accepted_at,
                             email_confirmed_at, profile_completed_at, last_sign_in_at, hidden_from_search_at, ui_language)
         SELECT e, u, f, l, 'teacher', string_to_array(su, ','), string_to_array(la, ','), pr, pl, lo, tz, now(), now(), now(),
                se::timestamptz, hi::timestamptz, 'en'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::boolean[], $10::text[], $11::text[], $12::text[])
              AS t(e, u, f, l, su, la, pr, pl, lo, tz, se, hi)
         RETURNING id, username)
       INSERT INTO affiliation (person_id, school_id, status, regional_status, decided_at)
       SELECT p.id, x.s::uuid, x.st, 'not_required', CASE WHEN x.st = 'validated' THEN now() END
       FROM p JOIN unnest($2::text[], $13::text[], $14::text[]) AS x(u, s, st) ON x.u = p.username`,
      [
        r.email,
        r.username,
        r.first,
        r.last,
        r.subjects,
        r.languages,
        r.presentation,
        r.plang,
        r.looking,
        r.tz,
        r.seen,
        r.hidden,
        r.school,
        r.status,
      ],
    );
  }
  await pool.query('VACUUM ANALYZE');
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM partner_profile`);
  return rows[0]!.n;
}
