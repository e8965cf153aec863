/** Who is calling: a signed-in user (coordinator or editor); anonymous callers have no actor. */
export interface Actor {
  userId: string;
  role: "coordinator" | "editor";
  /** The municipality an editor may edit; null for coordinators. */
  municipalityId: string | null;
  /** What the audit log records as the actor (the user's name). */
  label: string;
}

/** The roles a user can hold. */
export type Role = Actor["role"];
export const ROLES: readonly Role[] = ["coordinator", "editor"];
