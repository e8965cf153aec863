import { ForbiddenError, UnauthorizedError } from "../../errors";

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

/** True when the actor may edit this municipality: any coordinator, or an editor of exactly it. */
export function canEditMunicipality(
  actor: Actor | null | undefined,
  municipalityId: string,
): boolean {
  if (!actor) return false;
  return (
    actor.role === "coordinator" ||
    (actor.role === "editor" && actor.municipalityId === municipalityId)
  );
}

/** Throws 401 when anonymous and 403 when the actor may not edit this municipality; returns the actor. */
export function assertCanEditMunicipality(
  actor: Actor | null | undefined,
  municipalityId: string,
): Actor {
  if (!actor) throw new UnauthorizedError();
  if (!canEditMunicipality(actor, municipalityId)) {
    throw new ForbiddenError("An editor may change only their own municipality.");
  }
  return actor;
}
