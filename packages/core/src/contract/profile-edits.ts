import { z } from "zod";
import { hasControlCharacters, Id, IsoDateTime } from "../model/common";
import { ContactPerson } from "../model/contact";
import { Hromada, officialCodeProblem, Partner } from "../model/municipality";
import { Need, NeedHorizon, NeedPriority, NeedStatus, Quantity } from "../model/need";
import { ExperienceLevel, Offer, OfferResource } from "../model/offer";
import { Questionnaire } from "../model/questionnaire";
import { CooperationAreaCode } from "../taxonomy/cooperation-areas";

// Server-owned fields: the id follows from country and official code, contacts have their own routes.
const { id: _hi, contacts: _hc, ...hromadaFields } = Hromada.shape;
const { id: _pi, contacts: _pc, ...partnerFields } = Partner.shape;

function refineCode(m: { country: string; officialCode: string }, ctx: z.RefinementCtx): void {
  const problem = officialCodeProblem(m.country, m.officialCode);
  if (problem) ctx.addIssue({ code: "custom", path: ["officialCode"], message: problem });
}

/** The body of `POST /api/v1/municipalities`: a municipality without id and contacts. */
export const CreateMunicipalityInput = z.discriminatedUnion("kind", [
  z.strictObject(hromadaFields).superRefine(refineCode),
  z.strictObject(partnerFields).superRefine(refineCode),
]);
/** The body of `POST /api/v1/municipalities`. */
export type CreateMunicipalityInput = z.infer<typeof CreateMunicipalityInput>;

const h = Hromada.shape;
const p = Partner.shape;
/** An optional field that `null` removes. */
const clearable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

/**
 * The body of `PATCH /api/v1/municipalities/{id}`: the fields to change. Top-level fields are
 * replaced whole and `null` removes an optional one. Identity (kind, country, official code) never
 * changes; the merged profile is validated again with `Municipality`, so a field of the other
 * kind is rejected there.
 */
export const UpdateMunicipalityInput = z
  .strictObject({
    names: h.names.optional(),
    region: h.region.optional(),
    population: clearable(h.population.unwrap()),
    populationYear: clearable(h.populationYear.unwrap()),
    areaKm2: clearable(h.areaKm2.unwrap()),
    centre: clearable(h.centre.unwrap()),
    status: h.status.unwrap().optional(),
    workingLanguages: h.workingLanguages.unwrap().optional(),
    optOut: z.boolean().optional(),
    excludedIds: h.excludedIds.unwrap().optional(),
    website: clearable(h.website.unwrap()),
    description: clearable(h.description.unwrap()),
    hromadaType: clearable(h.hromadaType.unwrap()),
    raion: clearable(h.raion.unwrap()),
    situation: h.situation.optional(),
    internationalExperience: z.boolean().optional(),
    capacity: p.capacity.unwrap().optional(),
    politicalDecision: z.boolean().optional(),
    learningInterests: clearable(p.learningInterests.unwrap()),
    /** Hromadas: `{ countries }`; partners: `{ regions, situations, size? }`. */
    preferences: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "change at least one field");
/** The body of `PATCH /api/v1/municipalities/{id}`. */
export type UpdateMunicipalityInput = z.infer<typeof UpdateMunicipalityInput>;

/** The body of `PATCH …/needs/{needId}`: the fields to change. */
export const UpdateNeedInput = z
  .strictObject({
    area: CooperationAreaCode.optional(),
    horizon: NeedHorizon.optional(),
    priority: NeedPriority.optional(),
    quantity: Quantity.nullable().optional(),
    description: Need.shape.description.unwrap().optional(),
    status: NeedStatus.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "change at least one field");
/** The body of `PATCH …/needs/{needId}`. */
export type UpdateNeedInput = z.infer<typeof UpdateNeedInput>;

/** The body of `PATCH …/offers/{offerId}`: the fields to change. */
export const UpdateOfferInput = z
  .strictObject({
    area: CooperationAreaCode.optional(),
    experience: ExperienceLevel.optional(),
    resources: z.array(OfferResource).max(7).optional(),
    description: Offer.shape.description.unwrap().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "change at least one field");
/** The body of `PATCH …/offers/{offerId}`. */
export type UpdateOfferInput = z.infer<typeof UpdateOfferInput>;

/** A need with its row version (also sent as the ETag). */
export const VersionedNeed = Need.extend({ version: z.number().int().positive() });
/** A need with its row version. */
export type VersionedNeed = z.infer<typeof VersionedNeed>;
/** An offer with its row version (also sent as the ETag). */
export const VersionedOffer = Offer.extend({ version: z.number().int().positive() });
/** An offer with its row version. */
export type VersionedOffer = z.infer<typeof VersionedOffer>;

/** The body that adds a contact person; the id is assigned by the store. */
export const ContactInput = ContactPerson.omit({ id: true });
/** The body that adds a contact person. */
export type ContactInput = z.infer<typeof ContactInput>;
const cp = ContactPerson.shape;
/** The body of `PATCH …/contacts/{contactId}`: the fields to change; `null` removes role, email or phone. */
export const UpdateContactInput = z
  .strictObject({
    name: cp.name.optional(),
    role: cp.role.unwrap().nullable().optional(),
    email: cp.email.unwrap().nullable().optional(),
    phone: cp.phone.unwrap().nullable().optional(),
    languages: cp.languages.unwrap().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "change at least one field");
/** The body of `PATCH …/contacts/{contactId}`. */
export type UpdateContactInput = z.infer<typeof UpdateContactInput>;
/** A stored contact person of a municipality (personal data: signed-in users only). */
export const Contact = ContactPerson.extend({
  id: Id,
  municipalityId: Id,
  /** The row version, also sent as the ETag: PATCH and DELETE must name it in If-Match. */
  version: z.number().int().positive(),
});
/** A stored contact person of a municipality. */
export type Contact = z.infer<typeof Contact>;

/** Where a submitted questionnaire stands. */
export const QuestionnaireStatus = z.enum(["submitted", "accepted", "rejected"]);
/** Where a submitted questionnaire stands. */
export type QuestionnaireStatus = z.infer<typeof QuestionnaireStatus>;

/** A submitted questionnaire as coordinators review it. */
export const QuestionnaireSubmission = z.object({
  id: Id,
  municipalityId: Id.nullable(),
  status: QuestionnaireStatus,
  submittedAt: IsoDateTime,
  reviewedAt: IsoDateTime.nullable(),
  answers: Questionnaire,
});
/** A submitted questionnaire as coordinators review it. */
export type QuestionnaireSubmission = z.infer<typeof QuestionnaireSubmission>;

/** The body of `POST …/questionnaires/{id}/reject`. */
export const ReviewQuestionnaireInput = z.strictObject({
  note: z
    .string()
    .trim()
    .max(2000)
    .refine((s) => !hasControlCharacters(s), "contains control characters")
    .optional(),
});
/** The body of `POST …/questionnaires/{id}/reject`. */
export type ReviewQuestionnaireInput = z.infer<typeof ReviewQuestionnaireInput>;

/** The body of `POST /api/v1/privacy/erase`. */
export const EraseRequest = z.strictObject({ email: z.string().trim().max(254).pipe(z.email()) });
/** The body of `POST /api/v1/privacy/erase`. */
export type EraseRequest = z.infer<typeof EraseRequest>;

/** Every record Pobratym holds about one person (GDPR art. 15). */
export const PersonalDataExport = z.object({
  email: z.string(),
  exportedAt: IsoDateTime,
  user: z.record(z.string(), z.unknown()).nullable(),
  sessions: z.array(z.object({ createdAt: IsoDateTime, expiresAt: IsoDateTime })),
  invites: z.array(z.record(z.string(), z.unknown())),
  contacts: z.array(Contact),
  questionnaires: z.array(
    z.object({ id: Id, municipalityId: Id.nullable(), contact: z.unknown() }),
  ),
  auditEntries: z.array(z.record(z.string(), z.unknown())),
});
/** Every record Pobratym holds about one person. */
export type PersonalDataExport = z.infer<typeof PersonalDataExport>;

/** What an erasure removed or anonymised, by record kind. */
export const ErasureSummary = z.object({
  email: z.string(),
  users: z.number().int().nonnegative(),
  sessions: z.number().int().nonnegative(),
  invites: z.number().int().nonnegative(),
  contacts: z.number().int().nonnegative(),
  questionnaires: z.number().int().nonnegative(),
  auditEntries: z.number().int().nonnegative(),
  /** Partnership stage changes whose `by` named the person and now carries the pseudonym. */
  stageChanges: z.number().int().nonnegative(),
});
/** What an erasure removed or anonymised. */
export type ErasureSummary = z.infer<typeof ErasureSummary>;
