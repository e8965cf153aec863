import type { User } from "@pobratym/core";
import { sql } from "drizzle-orm";

/** The columns a User is built from; never the password hash. */
export const USER_COLUMNS = sql`id, email, name, role, municipality_id,
  disabled_at IS NOT NULL AS disabled,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at`;

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: User["role"];
  municipality_id: string | null;
  disabled: boolean;
  created_at: string;
}

/** The API shape of a user row. */
export function toUser(r: UserRow): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    municipalityId: r.municipality_id,
    disabled: r.disabled,
    createdAt: r.created_at,
  };
}
