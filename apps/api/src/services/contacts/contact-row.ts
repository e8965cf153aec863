import type { Contact } from "@pobratym/core";
import { sql } from "drizzle-orm";

export const CONTACT_COLUMNS = sql`id, municipality_id, name, role, email, phone, languages, version`;

export interface ContactRow {
  id: string;
  municipality_id: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  languages: string[];
  version: number;
}

/** The API shape of a contact row (absent fields are omitted, not null). */
export function toContact(r: ContactRow): Contact {
  return {
    id: r.id,
    municipalityId: r.municipality_id,
    name: r.name,
    ...(r.role ? { role: r.role } : {}),
    ...(r.email ? { email: r.email } : {}),
    ...(r.phone ? { phone: r.phone } : {}),
    languages: r.languages ?? [],
    version: r.version,
  };
}
