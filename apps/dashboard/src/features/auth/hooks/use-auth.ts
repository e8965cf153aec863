import type { User } from "@pobratym/core";
import { useMe } from "../api/session";

/** Who is looking: anonymous visitors, editors of one municipality, or coordinators. */
export type Role = "anonymous" | "editor" | "coordinator";

/** The auth state every page and the menu read; backed by the cached `GET /auth/me`. */
export interface Auth {
  user: User | null;
  role: Role;
  /** True until the first `/auth/me` answer, so pages do not flash a "sign in" prompt. */
  isPending: boolean;
}

/** The current user and role; anonymous while loading or when the check fails. */
export function useAuth(): Auth {
  const me = useMe();
  const user = me.data ?? null;
  return { user, role: user && !user.disabled ? user.role : "anonymous", isPending: me.isPending };
}
