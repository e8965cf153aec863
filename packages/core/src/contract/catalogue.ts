import { z } from "zod";
import { Hromada, Partner } from "../model/municipality";
import { Need } from "../model/need";
import { Offer } from "../model/offer";
import { Partnership } from "../model/partnership";
import { Tie } from "../model/tie";
import { SituationCategory } from "../taxonomy/situations";
import { Contact } from "./profile-edits";

const { contacts: _hromadaContacts, ...hromadaShape } = Hromada.shape;
const { contacts: _partnerContacts, ...partnerShape } = Partner.shape;

/** A municipality as the public catalogue shows it: the full profile without contact persons. */
export const PublicMunicipality = z.discriminatedUnion("kind", [
  z.object(hromadaShape),
  z.object(partnerShape),
]);
/** A municipality as the public catalogue shows it: the full profile without contact persons. */
export type PublicMunicipality = z.infer<typeof PublicMunicipality>;

/** The body of `GET /api/v1/municipalities/{id}`: the profile with its needs, offers, ties and partnerships. */
export const MunicipalityProfile = z.object({
  municipality: PublicMunicipality,
  needs: z.array(Need),
  offers: z.array(Offer),
  ties: z.array(Tie),
  partnerships: z.array(Partnership),
  /** The row version; also sent as the ETag, for If-Match on later edits. */
  version: z.number().int().positive(),
  /** Contact persons: personal data, present only for signed-in callers. */
  contacts: z.array(Contact).optional(),
});
/** The body of `GET /api/v1/municipalities/{id}`. */
export type MunicipalityProfile = z.infer<typeof MunicipalityProfile>;

/** The body of a profile write (`POST` and `PATCH /api/v1/municipalities…`): the stored profile and its new version. */
export const EditedMunicipality = z.object({
  municipality: PublicMunicipality,
  version: z.number().int().positive(),
});
/** The body of a profile write. */
export type EditedMunicipality = z.infer<typeof EditedMunicipality>;

/** One municipality in the GeoJSON view: the administrative centre, never a finer location. */
export const MunicipalityFeature = z.object({
  type: z.literal("Feature"),
  id: z.string(),
  geometry: z.object({ type: z.literal("Point"), coordinates: z.tuple([z.number(), z.number()]) }),
  properties: z.record(z.string(), z.unknown()),
});
/** One municipality in the GeoJSON view. */
export type MunicipalityFeature = z.infer<typeof MunicipalityFeature>;

/** The body of `GET /api/v1/municipalities?format=geojson`. */
export const MunicipalityFeatureCollection = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(MunicipalityFeature),
  /** The data's attribution line (`REFERENCE_ATTRIBUTION`), which the licences require with it. */
  attribution: z.string(),
});
/** The body of `GET /api/v1/municipalities?format=geojson`. */
export type MunicipalityFeatureCollection = z.infer<typeof MunicipalityFeatureCollection>;

/** One problem an import reports: file, 1-based data row (0 for the whole file), code and message. */
export const ImportIssueSummary = z.object({
  file: z.string(),
  row: z.number().int().nonnegative(),
  line: z.number().int().optional(),
  field: z.string().optional(),
  code: z.string(),
  message: z.string(),
});
/** One problem an import reports. */
export type ImportIssueSummary = z.infer<typeof ImportIssueSummary>;

/** A hromada whose situation a reference import changed (or, when refused, would have changed). */
export const SituationChangeSummary = z.object({
  id: z.string(),
  name: z.string(),
  from: SituationCategory,
  to: SituationCategory,
});
/** A hromada whose situation a reference import changed. */
export type SituationChangeSummary = z.infer<typeof SituationChangeSummary>;

/** One reference import that was applied or refused, with the size of its report. */
export const ReferenceImportRecord = z.object({
  id: z.number().int().positive(),
  at: z.string(),
  /** The folder it was read from, when known. */
  source: z.string().nullable(),
  outcome: z.enum(["applied", "refused"]),
  /** What it did, or why it was refused. */
  message: z.string(),
  errorCount: z.number().int().nonnegative(),
  warningCount: z.number().int().nonnegative(),
  situationChangeCount: z.number().int().nonnegative(),
});
/** One reference import that was applied or refused. */
export type ReferenceImportRecord = z.infer<typeof ReferenceImportRecord>;

/** The body of `GET /api/v1/reference/imports`: the latest imports, newest first. */
export const ReferenceImportList = z.object({ items: z.array(ReferenceImportRecord) });
/** The body of `GET /api/v1/reference/imports`. */
export type ReferenceImportList = z.infer<typeof ReferenceImportList>;

/**
 * The body of `GET /api/v1/reference/imports/{id}`: one import's report, its errors and warnings
 * with file, row and field, and the situations it changed.
 */
export const ReferenceImportReport = z.object({
  import: ReferenceImportRecord,
  errors: z.array(ImportIssueSummary),
  warnings: z.array(ImportIssueSummary),
  situationChanges: z.array(SituationChangeSummary),
});
/** One reference import's report. */
export type ReferenceImportReport = z.infer<typeof ReferenceImportReport>;

/** The summary of a reference or demo import, as the CLI prints it and an import route returns it. */
export const ImportSummary = z.object({
  municipalities: z.object({
    inserted: z.number().int().nonnegative(),
    updated: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
  }),
  ties: z.object({
    inserted: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
  }),
  errors: z.array(ImportIssueSummary),
  warnings: z.array(ImportIssueSummary),
});
/** The summary of a reference or demo import. */
export type ImportSummary = z.infer<typeof ImportSummary>;
