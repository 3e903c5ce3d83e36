/**
 * Reference data: the participating countries and their dated history (SPEC R-CTRY-2).
 * Every date keeps its source or a note; approximate dates say so.
 * Sources are the ones gathered in the project's research notes (eTwinning inventory, §3).
 */
export type Category = 'eu_member' | 'candidate_or_special' | 'etwinning_plus';

export interface CountryFact {
  code: string;
  category: Category;
  joinedOn: string;
  joinedOnApproximate?: boolean;
  joinedSource: string;
  leftOn?: string;
  leftSource?: string;
  hasRegions?: boolean;
  usesRegionalStep?: boolean;
  service?: { name?: string; website?: string };
}

const LAUNCH = '2005-01-14';
const LAUNCH_SOURCE =
  'Programme launched on 14 January 2005 with the EU member states (en.wikipedia.org/wiki/ETwinning).';
const PLUS_SOURCE =
  'eTwinning Plus launched on 4 March 2013 for Armenia, Azerbaijan, Georgia, Moldova, Tunisia and Ukraine (euroalert.net/en/news/16352; europedirect-aachen.de).';
const BALKANS_SOURCE =
  'Albania, Bosnia and Herzegovina and Serbia joined in March 2015 (newsletter.etwinning.net/en/pub/2015/etnl_032015.htm); day of the month not known.';

const founder = (code: string, service?: CountryFact['service']): CountryFact => ({
  code,
  category: 'eu_member',
  joinedOn: LAUNCH,
  joinedSource: LAUNCH_SOURCE,
  service,
});

const plus = (code: string, service?: CountryFact['service']): CountryFact => ({
  code,
  category: 'etwinning_plus',
  joinedOn: '2013-03-04',
  joinedSource: PLUS_SOURCE,
  service,
});

export const countryFacts: CountryFact[] = [
  // 28 EU member states of February 2016
  founder('AT', { website: 'https://www.etwinning.at' }),
  founder('BE', { website: 'https://www.etwinning.be' }),
  {
    code: 'BG',
    category: 'eu_member',
    joinedOn: '2007-01-01',
    joinedOnApproximate: true,
    joinedSource: 'EU member since 1 January 2007; participation assumed from that date (no dated source found).',
  },
  {
    code: 'HR',
    category: 'eu_member',
    joinedOn: '2013-07-01',
    joinedOnApproximate: true,
    joinedSource:
      'EU member since 1 July 2013; an EU member state in the February 2016 set. Earlier participation not established.',
    service: { website: 'https://www.etwinning.hr' },
  },
  founder('CY', { website: 'https://etwinning.idep.org.cy' }),
  founder('CZ', { website: 'https://www.etwinning.cz' }),
  founder('DK'),
  founder('EE'),
  founder('FI'),
  founder('FR', { name: 'Réseau Canopé', website: 'https://www.etwinning.fr' }),
  founder('DE', { name: 'Pädagogischer Austauschdienst (PAD)', website: 'https://www.erasmusplus.schule' }),
  founder('GR', { website: 'https://www.etwinning.gr' }),
  founder('HU'),
  founder('IE'),
  founder('IT', { name: 'INDIRE', website: 'https://etwinning.indire.it' }),
  founder('LV'),
  founder('LT'),
  founder('LU'),
  founder('MT', { website: 'https://etwinning.skola.edu.mt' }),
  founder('NL'),
  founder('PL', { website: 'https://etwinning.pl' }),
  founder('PT', { website: 'https://etwinning.dge.mec.pt' }),
  {
    code: 'RO',
    category: 'eu_member',
    joinedOn: '2007-01-01',
    joinedOnApproximate: true,
    joinedSource: 'EU member since 1 January 2007; participation assumed from that date (no dated source found).',
  },
  founder('SK', { website: 'https://www.etwinning.sk' }),
  founder('SI'),
  {
    ...founder('ES', {
      name: 'INTEF — Instituto Nacional de Tecnologías Educativas y de Formación del Profesorado',
      website: 'https://etwinning.es',
    }),
    hasRegions: true,
    usesRegionalStep: true,
  },
  founder('SE'),
  {
    ...founder('GB'),
    leftOn: '2020-12-31',
    leftSource:
      'Left with the end of the Brexit transition period on 31 December 2020 (etwinning.at/de/etwinning/etwinning-in-europa/).',
  },
  // 7 candidate, EEA or other European countries of February 2016
  {
    code: 'IS',
    category: 'candidate_or_special',
    joinedOn: LAUNCH,
    joinedSource: 'Taking part "since its birth in 2005" (etwinning.net, highlight on the Icelandic interface).',
  },
  {
    code: 'NO',
    category: 'candidate_or_special',
    joinedOn: LAUNCH,
    joinedOnApproximate: true,
    joinedSource: 'EEA country taking part from the launch in 2005 (assumed; listed in the c. 2010 country list).',
  },
  {
    code: 'MK',
    category: 'candidate_or_special',
    joinedOn: '2010-01-01',
    joinedOnApproximate: true,
    joinedSource: 'Listed in a c. 2010–2012 country list (Ambassadors quiz); exact joining date not known.',
  },
  {
    code: 'TR',
    category: 'candidate_or_special',
    joinedOn: '2010-01-01',
    joinedOnApproximate: true,
    joinedSource: 'Listed in a c. 2010–2012 country list (Ambassadors quiz); exact joining date not known.',
  },
  {
    code: 'AL',
    category: 'candidate_or_special',
    joinedOn: '2015-03-01',
    joinedOnApproximate: true,
    joinedSource: BALKANS_SOURCE,
  },
  {
    code: 'BA',
    category: 'candidate_or_special',
    joinedOn: '2015-03-01',
    joinedOnApproximate: true,
    joinedSource: BALKANS_SOURCE,
  },
  {
    code: 'RS',
    category: 'candidate_or_special',
    joinedOn: '2015-03-01',
    joinedOnApproximate: true,
    joinedSource: BALKANS_SOURCE,
    service: { website: 'https://erasmusplus.rs' },
  },
  // 6 eTwinning Plus countries of February 2016 (supported by a Partner Support Agency)
  plus('AM'),
  plus('AZ'),
  plus('GE'),
  plus('MD'),
  plus('TN'),
  plus('UA', { website: 'https://etwinning.org.ua' }),
  // Later history
  {
    code: 'JO',
    category: 'etwinning_plus',
    joinedOn: '2018-02-01',
    joinedOnApproximate: true,
    joinedSource:
      'Joined eTwinning Plus in February 2018 as its 7th country; PSA Madrasati (school-education.ec.europa.eu news). Day not known.',
  },
  {
    code: 'LB',
    category: 'etwinning_plus',
    joinedOn: '2018-07-01',
    joinedOnApproximate: true,
    joinedSource:
      'Joined eTwinning Plus in July 2018 as its 8th country (etwinning.net highlight "welcomes the eighth"). Day not known.',
  },
  {
    code: 'LI',
    category: 'candidate_or_special',
    joinedOn: '2019-01-01',
    joinedOnApproximate: true,
    joinedSource:
      'Joining date not known: not in the 2016 set; "36 countries" in January 2019 (indire.it) and listed in 2022 (scuola.net). Stored as 2019-01-01, approximate.',
    service: { website: 'https://www.erasmus.li' },
  },
  {
    code: 'ME',
    category: 'candidate_or_special',
    joinedOn: '2022-04-01',
    joinedOnApproximate: true,
    joinedSource:
      'Joined in April 2022, making 44 countries (etwinning.net highlight "eTwinning welcomes Montenegro"). Day not known.',
  },
];

/** Spain's autonomous communities and cities (ISO 3166-2:ES), the regional layer of its support service. */
export const regionFacts: { countryCode: string; code: string; names: { es: string; en: string } }[] = [
  ['ES-AN', 'Andalucía', 'Andalusia'],
  ['ES-AR', 'Aragón', 'Aragon'],
  ['ES-AS', 'Principado de Asturias', 'Asturias'],
  ['ES-IB', 'Illes Balears', 'Balearic Islands'],
  ['ES-CN', 'Canarias', 'Canary Islands'],
  ['ES-CB', 'Cantabria', 'Cantabria'],
  ['ES-CL', 'Castilla y León', 'Castile and León'],
  ['ES-CM', 'Castilla-La Mancha', 'Castilla–La Mancha'],
  ['ES-CT', 'Cataluña', 'Catalonia'],
  ['ES-VC', 'Comunitat Valenciana', 'Valencian Community'],
  ['ES-EX', 'Extremadura', 'Extremadura'],
  ['ES-GA', 'Galicia', 'Galicia'],
  ['ES-MD', 'Comunidad de Madrid', 'Community of Madrid'],
  ['ES-MC', 'Región de Murcia', 'Region of Murcia'],
  ['ES-NC', 'Comunidad Foral de Navarra', 'Navarre'],
  ['ES-PV', 'País Vasco', 'Basque Country'],
  ['ES-RI', 'La Rioja', 'La Rioja'],
  ['ES-CE', 'Ceuta', 'Ceuta'],
  ['ES-ML', 'Melilla', 'Melilla'],
].map(([code, es, en]) => ({ countryCode: 'ES', code: code!, names: { es: es!, en: en! } }));
