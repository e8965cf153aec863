import { z } from "zod";
import { ownValue } from "../lookup";
import type { Labels, Locale } from "./labels";

/**
 * Stable codes of the cooperation areas. Codes never change once published; labels may.
 * `group` follows KS's split between rebuilding infrastructure and administration (war zone)
 * and receiving displaced people (outside it), which the matching engine uses for situation fit.
 */
export const COOPERATION_AREAS = [
  {
    code: "water-sanitation",
    group: "infrastructure",
    labels: {
      en: "Water and sanitation",
      sv: "Vatten och avlopp",
      nb: "Vann og avløp",
      uk: "Водопостачання та водовідведення",
    },
  },
  {
    code: "waste",
    group: "infrastructure",
    labels: {
      en: "Waste management",
      sv: "Avfallshantering",
      nb: "Avfallshåndtering",
      uk: "Поводження з відходами",
    },
  },
  {
    code: "energy-heating",
    group: "infrastructure",
    labels: {
      en: "Energy and heating",
      sv: "Energi och uppvärmning",
      nb: "Energi og oppvarming",
      uk: "Енергетика та теплопостачання",
    },
  },
  {
    code: "roads-transport",
    group: "infrastructure",
    labels: {
      en: "Roads and transport",
      sv: "Vägar och transporter",
      nb: "Veier og transport",
      uk: "Дороги та транспорт",
    },
  },
  {
    code: "housing-reconstruction",
    group: "infrastructure",
    labels: {
      en: "Housing and reconstruction",
      sv: "Bostäder och återuppbyggnad",
      nb: "Bolig og gjenoppbygging",
      uk: "Житло та відбудова",
    },
  },
  {
    code: "health",
    group: "services",
    labels: { en: "Health", sv: "Hälso- och sjukvård", nb: "Helse", uk: "Охорона здоров'я" },
  },
  {
    code: "social-services",
    group: "services",
    labels: {
      en: "Social services",
      sv: "Socialtjänst",
      nb: "Sosiale tjenester",
      uk: "Соціальні послуги",
    },
  },
  {
    code: "education",
    group: "services",
    labels: { en: "Education", sv: "Utbildning", nb: "Utdanning", uk: "Освіта" },
  },
  {
    code: "youth-culture",
    group: "services",
    labels: {
      en: "Youth and culture",
      sv: "Ungdom och kultur",
      nb: "Ungdom og kultur",
      uk: "Молодь і культура",
    },
  },
  {
    code: "urban-planning",
    group: "infrastructure",
    labels: {
      en: "Urban and spatial planning",
      sv: "Stads- och samhällsplanering",
      nb: "By- og arealplanlegging",
      uk: "Містобудування та просторове планування",
    },
  },
  {
    code: "local-democracy",
    group: "governance",
    labels: {
      en: "Local democracy and citizen participation",
      sv: "Lokal demokrati och medborgardialog",
      nb: "Lokaldemokrati og innbyggermedvirkning",
      uk: "Місцева демократія та участь громадян",
    },
  },
  {
    code: "inclusive-leadership",
    group: "governance",
    labels: {
      en: "Inclusive leadership and governance",
      sv: "Inkluderande ledarskap och styrning",
      nb: "Inkluderende ledelse og styring",
      uk: "Інклюзивне лідерство та врядування",
    },
  },
  {
    code: "public-administration",
    group: "administration",
    labels: {
      en: "Public administration and digital services",
      sv: "Offentlig förvaltning och digitala tjänster",
      nb: "Offentlig forvaltning og digitale tjenester",
      uk: "Публічне адміністрування та цифрові послуги",
    },
  },
  {
    code: "crisis-preparedness",
    group: "administration",
    labels: {
      en: "Crisis preparedness and civil defence",
      sv: "Krisberedskap och civilt försvar",
      nb: "Beredskap og sivilforsvar",
      uk: "Готовність до криз і цивільний захист",
    },
  },
  {
    code: "displaced-integration",
    group: "reception",
    labels: {
      en: "Reception and integration of displaced people",
      sv: "Mottagande och integration av fördrivna",
      nb: "Mottak og integrering av fordrevne",
      uk: "Прийом та інтеграція внутрішньо переміщених осіб",
    },
  },
  {
    code: "psychosocial-support",
    group: "reception",
    labels: {
      en: "Psychosocial support",
      sv: "Psykosocialt stöd",
      nb: "Psykososial støtte",
      uk: "Психосоціальна підтримка",
    },
  },
  {
    code: "local-economy",
    group: "economy",
    labels: {
      en: "Local economy and business contacts",
      sv: "Lokal ekonomi och näringslivskontakter",
      nb: "Lokal økonomi og næringslivskontakter",
      uk: "Місцева економіка та ділові контакти",
    },
  },
  {
    code: "eu-integration",
    group: "governance",
    labels: {
      en: "EU integration and rule of law",
      sv: "EU-integration och rättsstatens principer",
      nb: "EU-integrasjon og rettsstat",
      uk: "Європейська інтеграція та верховенство права",
    },
  },
  {
    code: "environment-climate",
    group: "infrastructure",
    labels: {
      en: "Environment and climate",
      sv: "Miljö och klimat",
      nb: "Miljø og klima",
      uk: "Довкілля та клімат",
    },
  },
  {
    code: "gender-equality",
    group: "governance",
    labels: {
      en: "Gender equality",
      sv: "Jämställdhet",
      nb: "Likestilling",
      uk: "Гендерна рівність",
    },
  },
] as const satisfies readonly { code: string; group: string; labels: Labels }[];

/** A stable cooperation-area code such as `water-sanitation`. */
export const CooperationAreaCode = z.enum(
  COOPERATION_AREAS.map((a) => a.code) as [
    (typeof COOPERATION_AREAS)[number]["code"],
    ...(typeof COOPERATION_AREAS)[number]["code"][],
  ],
);
/** A stable cooperation-area code such as `water-sanitation`. */
export type CooperationAreaCode = z.infer<typeof CooperationAreaCode>;

/** The thematic group a cooperation area belongs to. */
export type CooperationAreaGroup = (typeof COOPERATION_AREAS)[number]["group"];

const AREA_BY_CODE = new Map<string, (typeof COOPERATION_AREAS)[number]>(
  COOPERATION_AREAS.map((a) => [a.code, a]),
);

/** Returns the label of a cooperation area in the given language. */
export function cooperationAreaLabel(code: CooperationAreaCode, locale: Locale): string {
  const labels = AREA_BY_CODE.get(code)?.labels;
  return (labels && ownValue(labels, locale)) ?? code;
}

/** Returns the thematic group (infrastructure, administration, reception, …) of an area. */
export function cooperationAreaGroup(code: CooperationAreaCode): CooperationAreaGroup {
  const area = AREA_BY_CODE.get(code);
  if (!area) throw new RangeError(`unknown cooperation area: ${code}`);
  return area.group;
}

/** True when the string is a known cooperation-area code. */
export function isCooperationAreaCode(value: string): value is CooperationAreaCode {
  return AREA_BY_CODE.has(value);
}
