import { Session, type SignInInput, User } from "@pobratym/core";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { ApiError, apiGet, apiSend } from "../../../lib/api-client";

const Me = z.object({ user: User });

/** The signed-in user, or null for an anonymous visitor (the API answers 401). */
export async function getMe(signal?: AbortSignal): Promise<User | null> {
  try {
    const me = await apiGet("/auth/me", Me, signal ? { signal } : {});
    return me.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Query options for the current user; the session lives in an HttpOnly cookie the page cannot read. */
export function getMeQueryOptions() {
  return queryOptions({
    queryKey: ["auth", "me"],
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The current user (null when anonymous). */
export function useMe() {
  return useQuery(getMeQueryOptions());
}

/** Signs in; the API sets the session cookie, and every cached query is refetched under the new role. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => apiSend("POST", "/auth/sign-in", Session, { body: input }),
    onSuccess: async (session) => {
      client.setQueryData(getMeQueryOptions().queryKey, session.user);
      await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "auth" });
    },
  });
}

/** Signs out and forgets everything fetched under the old session. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend("POST", "/auth/sign-out", z.unknown()),
    onSettled: () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== "auth" });
      client.setQueryData(getMeQueryOptions().queryKey, null);
    },
  });
}
