import { z } from "zod";
import { Id, LanguageCode, requiredText, text } from "./common";

/** A contact person at a municipality. Personal data: shown only to signed-in users. */
export const ContactPerson = z.strictObject({
  id: Id.optional(),
  name: requiredText(200),
  role: text(200).optional(),
  email: z.email().max(254).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,32}$/, "expected a phone number such as +46 8 123 456")
    .optional(),
  languages: z.array(LanguageCode).max(10).default([]),
});
/** A contact person at a municipality. */
export type ContactPerson = z.infer<typeof ContactPerson>;
