/**
 * The demo set: who is who in a fresh installation. Every account uses DEMO_PASSWORD.
 * Listed on the README and, in development only, on the sign-in page.
 */
export const DEMO_PASSWORD = 'opentwinning-demo';

export interface DemoOfficer {
  email: string;
  username: string;
  firstName: string;
  lastName: string;
  role: 'css_officer' | 'nss_officer' | 'regional_coordinator';
  country?: string;
  region?: string;
}

export const demoOfficers: DemoOfficer[] = [
  {
    email: 'css@demo.opentwinning.org',
    username: 'css.officer',
    firstName: 'Carla',
    lastName: 'Central',
    role: 'css_officer',
  },
  {
    email: 'nss-es@demo.opentwinning.org',
    username: 'nss.es',
    firstName: 'Elena',
    lastName: 'Navarro',
    role: 'nss_officer',
    country: 'ES',
  },
  {
    email: 'nss-fr@demo.opentwinning.org',
    username: 'nss.fr',
    firstName: 'François',
    lastName: 'Lefèvre',
    role: 'nss_officer',
    country: 'FR',
  },
  {
    email: 'nss-it@demo.opentwinning.org',
    username: 'nss.it',
    firstName: 'Giulia',
    lastName: 'Bianchi',
    role: 'nss_officer',
    country: 'IT',
  },
  {
    email: 'nss-pl@demo.opentwinning.org',
    username: 'nss.pl',
    firstName: 'Piotr',
    lastName: 'Kowalski',
    role: 'nss_officer',
    country: 'PL',
  },
  {
    email: 'nss-tr@demo.opentwinning.org',
    username: 'nss.tr',
    firstName: 'Ayşe',
    lastName: 'Yılmaz',
    role: 'nss_officer',
    country: 'TR',
  },
  {
    email: 'coord-andalucia@demo.opentwinning.org',
    username: 'coord.andalucia',
    firstName: 'Manuel',
    lastName: 'Ortega',
    role: 'regional_coordinator',
    country: 'ES',
    region: 'ES-AN',
  },
];

export interface DemoSchool {
  key: string;
  country: string;
  region?: string;
  name: string;
  city: string;
  levels: string[];
  ages: [number, number];
  pupils: number;
}

export const demoSchools: DemoSchool[] = [
  {
    key: 'es1',
    country: 'ES',
    region: 'ES-AN',
    name: 'CEIP Federico García Lorca',
    city: 'Granada',
    levels: ['early_childhood', 'primary'],
    ages: [3, 12],
    pupils: 420,
  },
  {
    key: 'es2',
    country: 'ES',
    region: 'ES-AN',
    name: 'IES Averroes',
    city: 'Córdoba',
    levels: ['lower_secondary', 'upper_secondary'],
    ages: [12, 18],
    pupils: 860,
  },
  {
    key: 'es3',
    country: 'ES',
    region: 'ES-MD',
    name: 'IES Ramón y Cajal',
    city: 'Madrid',
    levels: ['lower_secondary', 'upper_secondary'],
    ages: [12, 18],
    pupils: 950,
  },
  {
    key: 'es4',
    country: 'ES',
    region: 'ES-CT',
    name: 'Institut Pompeu Fabra',
    city: 'Barcelona',
    levels: ['lower_secondary', 'upper_secondary', 'initial_vocational'],
    ages: [12, 20],
    pupils: 1100,
  },
  {
    key: 'es5',
    country: 'ES',
    region: 'ES-GA',
    name: 'CEIP Rosalía de Castro',
    city: 'Santiago de Compostela',
    levels: ['primary'],
    ages: [6, 12],
    pupils: 310,
  },
  {
    key: 'fr1',
    country: 'FR',
    name: 'Collège Jean Moulin',
    city: 'Lyon',
    levels: ['lower_secondary'],
    ages: [11, 15],
    pupils: 640,
  },
  {
    key: 'fr2',
    country: 'FR',
    name: 'École élémentaire Victor Hugo',
    city: 'Lille',
    levels: ['primary'],
    ages: [6, 11],
    pupils: 280,
  },
  {
    key: 'fr3',
    country: 'FR',
    name: 'Lycée professionnel Marie Curie',
    city: 'Marseille',
    levels: ['upper_secondary', 'initial_vocational'],
    ages: [15, 19],
    pupils: 720,
  },
  {
    key: 'it1',
    country: 'IT',
    name: 'Liceo Scientifico Galileo Galilei',
    city: 'Firenze',
    levels: ['upper_secondary'],
    ages: [14, 19],
    pupils: 1050,
  },
  {
    key: 'it2',
    country: 'IT',
    name: 'Istituto Comprensivo Dante Alighieri',
    city: 'Napoli',
    levels: ['primary', 'lower_secondary'],
    ages: [6, 14],
    pupils: 890,
  },
  {
    key: 'it3',
    country: 'IT',
    name: 'Scuola dell’Infanzia Maria Montessori',
    city: 'Torino',
    levels: ['early_childhood'],
    ages: [3, 6],
    pupils: 120,
  },
  {
    key: 'pl1',
    country: 'PL',
    name: 'Szkoła Podstawowa nr 12',
    city: 'Kraków',
    levels: ['primary', 'lower_secondary'],
    ages: [7, 15],
    pupils: 530,
  },
  {
    key: 'pl2',
    country: 'PL',
    name: 'Liceum Ogólnokształcące im. Marii Skłodowskiej-Curie',
    city: 'Warszawa',
    levels: ['upper_secondary'],
    ages: [15, 19],
    pupils: 760,
  },
  {
    key: 'tr1',
    country: 'TR',
    name: 'Atatürk Ortaokulu',
    city: 'İzmir',
    levels: ['lower_secondary'],
    ages: [10, 14],
    pupils: 700,
  },
  {
    key: 'tr2',
    country: 'TR',
    name: 'Kadıköy Anadolu Lisesi',
    city: 'İstanbul',
    levels: ['upper_secondary'],
    ages: [14, 18],
    pupils: 980,
  },
  {
    key: 'de1',
    country: 'DE',
    name: 'Gymnasium am Markt',
    city: 'Bremen',
    levels: ['lower_secondary', 'upper_secondary'],
    ages: [10, 19],
    pupils: 900,
  },
  {
    key: 'de2',
    country: 'DE',
    name: 'Grundschule an der Elbe',
    city: 'Hamburg',
    levels: ['primary'],
    ages: [6, 10],
    pupils: 260,
  },
  {
    key: 'pt1',
    country: 'PT',
    name: 'Escola Básica de Alvalade',
    city: 'Lisboa',
    levels: ['primary', 'lower_secondary'],
    ages: [6, 15],
    pupils: 610,
  },
  {
    key: 'pt2',
    country: 'PT',
    name: 'Escola Secundária Rainha Santa Isabel',
    city: 'Coimbra',
    levels: ['upper_secondary'],
    ages: [15, 18],
    pupils: 540,
  },
  {
    key: 'gr1',
    country: 'GR',
    name: '3rd Primary School of Thessaloniki',
    city: 'Thessaloniki',
    levels: ['primary'],
    ages: [6, 12],
    pupils: 330,
  },
  {
    key: 'gr2',
    country: 'GR',
    name: '1st Lyceum of Heraklion',
    city: 'Heraklion',
    levels: ['upper_secondary'],
    ages: [15, 18],
    pupils: 480,
  },
  {
    key: 'ro1',
    country: 'RO',
    name: 'Colegiul Național Mihai Eminescu',
    city: 'Iași',
    levels: ['lower_secondary', 'upper_secondary'],
    ages: [11, 19],
    pupils: 1200,
  },
  {
    key: 'se1',
    country: 'SE',
    name: 'Södermalmsskolan',
    city: 'Stockholm',
    levels: ['primary', 'lower_secondary'],
    ages: [6, 16],
    pupils: 580,
  },
  {
    key: 'fi1',
    country: 'FI',
    name: 'Kallion yhteiskoulu',
    city: 'Helsinki',
    levels: ['lower_secondary'],
    ages: [13, 16],
    pupils: 450,
  },
  {
    key: 'ua1',
    country: 'UA',
    name: 'Lviv Gymnasium No. 8',
    city: 'Lviv',
    levels: ['lower_secondary', 'upper_secondary'],
    ages: [10, 17],
    pupils: 820,
  },
];

export interface DemoTeacher {
  first: string;
  last: string;
  school: string;
  /** validated (default), pending, awaiting (regional step), rejected */
  state?: 'validated' | 'pending' | 'awaiting' | 'rejected';
  subjects: string[];
  languages: string[];
  lang?: 'es' | 'en';
  role?: string;
}

export const demoTeachers: DemoTeacher[] = [
  {
    first: 'Lucía',
    last: 'Martín',
    school: 'es1',
    subjects: ['primary_education_all', 'art'],
    languages: ['es', 'en'],
    lang: 'es',
  },
  {
    first: 'Javier',
    last: 'Romero',
    school: 'es1',
    state: 'awaiting',
    subjects: ['music'],
    languages: ['es', 'fr'],
    lang: 'es',
  },
  {
    first: 'Carmen',
    last: 'Ruiz',
    school: 'es2',
    subjects: ['history', 'geography'],
    languages: ['es', 'en', 'it'],
    lang: 'es',
  },
  {
    first: 'Pablo',
    last: 'Jiménez',
    school: 'es2',
    state: 'awaiting',
    subjects: ['mathematics'],
    languages: ['es', 'en'],
    lang: 'es',
  },
  {
    first: 'Marta',
    last: 'Serrano',
    school: 'es3',
    subjects: ['foreign_languages'],
    languages: ['es', 'en', 'de'],
    lang: 'es',
    role: 'head_teacher',
  },
  {
    first: 'Diego',
    last: 'Molina',
    school: 'es3',
    state: 'pending',
    subjects: ['physics', 'chemistry'],
    languages: ['es', 'en'],
    lang: 'es',
  },
  {
    first: 'Núria',
    last: 'Puig',
    school: 'es4',
    subjects: ['computer_science', 'technology'],
    languages: ['ca', 'es', 'en'],
    lang: 'es',
  },
  {
    first: 'Jordi',
    last: 'Vidal',
    school: 'es4',
    state: 'rejected',
    subjects: ['vocational_subjects'],
    languages: ['ca', 'es'],
    lang: 'es',
  },
  {
    first: 'Uxía',
    last: 'Castro',
    school: 'es5',
    subjects: ['language_literature', 'school_library'],
    languages: ['gl', 'es', 'pt'],
    lang: 'es',
    role: 'librarian',
  },
  { first: 'Camille', last: 'Dubois', school: 'fr1', subjects: ['foreign_languages'], languages: ['fr', 'es', 'en'] },
  { first: 'Julien', last: 'Moreau', school: 'fr1', state: 'pending', subjects: ['biology'], languages: ['fr', 'en'] },
  { first: 'Sophie', last: 'Laurent', school: 'fr2', subjects: ['primary_education_all'], languages: ['fr', 'en'] },
  {
    first: 'Nicolas',
    last: 'Girard',
    school: 'fr3',
    subjects: ['vocational_subjects', 'economics'],
    languages: ['fr', 'it'],
  },
  { first: 'Chiara', last: 'Rossi', school: 'it1', subjects: ['physics', 'mathematics'], languages: ['it', 'en'] },
  {
    first: 'Marco',
    last: 'Esposito',
    school: 'it2',
    subjects: ['history', 'ethics_citizenship'],
    languages: ['it', 'es', 'en'],
  },
  { first: 'Francesca', last: 'Romano', school: 'it2', state: 'pending', subjects: ['art'], languages: ['it', 'fr'] },
  {
    first: 'Alessandra',
    last: 'Ricci',
    school: 'it3',
    subjects: ['early_childhood_education'],
    languages: ['it', 'en'],
  },
  {
    first: 'Anna',
    last: 'Nowak',
    school: 'pl1',
    subjects: ['foreign_languages', 'drama'],
    languages: ['pl', 'en', 'de'],
  },
  {
    first: 'Tomasz',
    last: 'Wiśniewski',
    school: 'pl1',
    subjects: ['geography', 'environmental_education'],
    languages: ['pl', 'en'],
  },
  {
    first: 'Katarzyna',
    last: 'Wójcik',
    school: 'pl2',
    state: 'pending',
    subjects: ['chemistry'],
    languages: ['pl', 'en', 'ru'],
  },
  { first: 'Mehmet', last: 'Demir', school: 'tr1', subjects: ['computer_science'], languages: ['tr', 'en'] },
  { first: 'Zeynep', last: 'Kaya', school: 'tr1', subjects: ['foreign_languages'], languages: ['tr', 'en', 'de'] },
  { first: 'Emre', last: 'Şahin', school: 'tr2', state: 'pending', subjects: ['mathematics'], languages: ['tr', 'en'] },
  {
    first: 'Julia',
    last: 'Schneider',
    school: 'de1',
    subjects: ['physics', 'european_studies'],
    languages: ['de', 'en', 'fr'],
  },
  { first: 'Lukas', last: 'Becker', school: 'de1', subjects: ['music'], languages: ['de', 'en'] },
  { first: 'Hannah', last: 'Fischer', school: 'de2', subjects: ['primary_education_all'], languages: ['de', 'en'] },
  { first: 'Inês', last: 'Ferreira', school: 'pt1', subjects: ['natural_sciences'], languages: ['pt', 'es', 'en'] },
  { first: 'João', last: 'Santos', school: 'pt2', subjects: ['philosophy'], languages: ['pt', 'fr'] },
  {
    first: 'Eleni',
    last: 'Papadopoulou',
    school: 'gr1',
    subjects: ['primary_education_all', 'health_education'],
    languages: ['el', 'en'],
  },
  {
    first: 'Nikos',
    last: 'Georgiou',
    school: 'gr2',
    subjects: ['classical_languages', 'history'],
    languages: ['el', 'en', 'it'],
  },
  {
    first: 'Andrei',
    last: 'Popescu',
    school: 'ro1',
    subjects: ['computer_science', 'mathematics'],
    languages: ['ro', 'en', 'fr'],
  },
  { first: 'Ioana', last: 'Dumitru', school: 'ro1', subjects: ['language_literature'], languages: ['ro', 'fr'] },
  { first: 'Erik', last: 'Lindqvist', school: 'se1', subjects: ['social_sciences'], languages: ['sv', 'en'] },
  { first: 'Sara', last: 'Nilsson', school: 'se1', subjects: ['physical_education'], languages: ['sv', 'en', 'es'] },
  {
    first: 'Aino',
    last: 'Virtanen',
    school: 'fi1',
    subjects: ['special_needs_education'],
    languages: ['fi', 'sv', 'en'],
    role: 'counsellor',
  },
  { first: 'Olena', last: 'Shevchenko', school: 'ua1', subjects: ['foreign_languages'], languages: ['uk', 'en', 'pl'] },
  {
    first: 'Andrii',
    last: 'Bondarenko',
    school: 'ua1',
    subjects: ['history', 'media_education'],
    languages: ['uk', 'en'],
  },
  {
    first: 'Rocío',
    last: 'Navarro',
    school: 'es3',
    subjects: ['pastoral_guidance'],
    languages: ['es', 'en'],
    lang: 'es',
    role: 'counsellor',
  },
  { first: 'Giorgos', last: 'Nikolaidis', school: 'gr1', state: 'pending', subjects: ['art'], languages: ['el', 'en'] },
  { first: 'Maria', last: 'Kowalczyk', school: 'pl2', subjects: ['biology'], languages: ['pl', 'en'] },
];

/** An email and username from a demo teacher's name (ascii, lower case). */
export function demoLogin(t: DemoTeacher): { email: string; username: string } {
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ı/g, 'i')
      .replace(/ł/g, 'l')
      .replace(/ş/g, 's')
      .replace(/[^a-zA-Z]/g, '')
      .toLowerCase();
  const username = `${ascii(t.first)}.${ascii(t.last)}`;
  return { email: `${username}@demo.opentwinning.org`, username };
}
