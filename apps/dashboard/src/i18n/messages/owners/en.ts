import type { Message } from "../types";

// Messages of the pages where owners keep their profile (questionnaire review, profile editing,
// needs and offers, the hromada intake); merged into the main catalogue of each language.
export const ownersEn = {
  "field.preferences": "Partner preferences",
  "review.link": "Review",
  "review.title": "Review the questionnaire from {name}",
  "review.back": "Back to the questionnaires",
  "review.submission": "The whole submission",
  "review.match": "Catalogue match",
  "review.match.ok":
    "The answers match {target} in the catalogue: country, municipality number and name agree.",
  "review.match.new": "{target} is new: approval publishes the draft made from these answers.",
  "review.match.mismatch":
    "The answers do not match the catalogue. Municipality number {code} belongs to {target}.",
  "review.mismatch.name": "The name typed, {name}, is not a name or alias of {target}.",
  "review.mismatch.country": "The country typed is not the country of {target}.",
  "review.mismatch.official-code": "The municipality number typed is not that of {target}.",
  "review.mismatch.kind":
    "{target} is not a partner municipality; a questionnaire cannot be approved into it.",
  "review.match.chosen": "You chose {target}; the name typed is not compared.",
  "review.match.missing":
    "The catalogue row these answers name is gone. Choose a municipality, or reject the questionnaire.",
  "review.pick.title": "Choose the municipality explicitly",
  "review.pick.search": "Search partner municipalities",
  "review.pick.hint": "Type at least two letters of the name.",
  "review.pick.legend": "Municipalities found",
  "review.pick.none": "No partner municipality matches.",
  "review.pick.option": "{name}, {region} (number {code})",
  "review.pick.clear": "Compare with the answers again",
  "review.changes": "What approval changes in {target}",
  "review.changes.none": "No field of the profile changes.",
  "review.changes.field": "Field",
  "review.changes.before": "Now",
  "review.changes.after": "After approval",
  "review.offers": "Offers added or replaced: {areas}.",
  "review.approve": "Approve…",
  "review.confirm.title": "Approve the questionnaire into {target}?",
  "review.confirm.body": {
    one: "{count} field of the profile changes as listed above; the offers and the contact person are added, and the profile is published.",
    other:
      "{count} fields of the profile change as listed above; the offers and the contact person are added, and the profile is published.",
  },
  "review.confirm.submit": "Yes, approve",
  "review.confirm.pending": "Approving…",
  "review.confirm.cancel": "Cancel",
  "review.refused":
    "Approval refused: the answers do not match {target}. Choose the municipality explicitly to approve.",
  "review.approved": "{name} has been approved into {target}.",
  "review.value.published": "Published",
  "review.value.draft": "Draft",
  "review.value.regions": "Oblasts: {list}",
  "review.value.situations": "Situations: {list}",
  "review.value.size": "Population {min}–{max}",
  "review.value.countries": "Countries: {list}",
} as const satisfies Record<string, Message>;

/** A message key of the owners' pages. */
export type OwnersKey = keyof typeof ownersEn;
/** The owners' messages in one language. */
export type OwnersCatalogue = Readonly<Record<OwnersKey, Message>>;
