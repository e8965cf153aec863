import {
  Contact,
  type ContactInput,
  EditedMunicipality,
  type UpdateContactInput,
  type UpdateMunicipalityInput,
} from "@pobratym/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiSend } from "../../../lib/api-client";
import { getMunicipalityProfileQueryOptions } from "./get-municipality-profile";

const path = (id: string) => `/municipalities/${encodeURIComponent(id)}`;
/** The ETag of a row version, as If-Match wants it. */
export const etagOf = (version: number) => `"${version}"`;

/** What a profile edit sends: the changed fields only, and the version they were read at. */
export interface UpdateProfileInput {
  patch: UpdateMunicipalityInput;
  version: number;
}

/**
 * Saves changed profile fields with If-Match; a 412 (someone else saved first) is left to the
 * form, which compares and retries with the new version.
 */
export function useUpdateProfile(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ patch, version }: UpdateProfileInput) =>
      apiSend("PATCH", path(id), EditedMunicipality, { body: patch, ifMatch: etagOf(version) }),
    onSuccess: () =>
      client.invalidateQueries({ queryKey: getMunicipalityProfileQueryOptions(id).queryKey }),
  });
}

/** Adds, changes or removes one contact person (each carries its own version). */
export type ContactChange =
  | { kind: "create"; input: ContactInput }
  | { kind: "update"; contact: Contact; patch: UpdateContactInput }
  | { kind: "delete"; contact: Contact };

/** Writes a contact change; the profile (which lists contacts for signed-in readers) is refetched. */
export function useChangeContact(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: ContactChange) => {
      const contacts = `${path(id)}/contacts`;
      if (change.kind === "create")
        return apiSend("POST", contacts, Contact, { body: change.input });
      const member = `${contacts}/${encodeURIComponent(change.contact.id)}`;
      const ifMatch = etagOf(change.contact.version);
      if (change.kind === "update")
        return apiSend("PATCH", member, Contact, { body: change.patch, ifMatch });
      return apiSend("DELETE", member, z.unknown(), { ifMatch });
    },
    onSettled: () =>
      client.invalidateQueries({ queryKey: getMunicipalityProfileQueryOptions(id).queryKey }),
  });
}
