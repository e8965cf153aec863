import { createRoute } from "@hono/zod-openapi";
import { Contact, ContactInput, Id, UpdateContactInput } from "@pobratym/core";
import { z } from "zod";
import { etag } from "../lib/etag";
import { etagHeader, ifMatchHeader, withIfMatch } from "../lib/if-match";
import { newRouter, problemResponses } from "../lib/router";
import { requireMunicipalityEditor, requireRole } from "../middleware/auth";
import { createContact } from "../services/contacts/create-contact";
import { deleteContact } from "../services/contacts/delete-contact";
import { listContacts } from "../services/contacts/list-contacts";
import { updateContact } from "../services/contacts/update-contact";

const params = z.object({ id: Id });
const itemParams = z.object({ id: Id, contactId: Id });

const listRoute = createRoute({
  method: "get",
  path: "/municipalities/{id}/contacts",
  tags: ["profiles"],
  summary: "A municipality's contact persons (signed-in users only: personal data)",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator", "editor")] as const,
  request: { params },
  responses: {
    200: {
      description: "The contact persons, each with its version",
      content: { "application/json": { schema: z.object({ items: z.array(Contact) }) } },
    },
    ...problemResponses(400, 401, 404),
  },
});

const createContactRoute = createRoute({
  method: "post",
  path: "/municipalities/{id}/contacts",
  tags: ["profiles"],
  summary: "Add a contact person (coordinators, or the municipality's editors)",
  security: [{ bearer: [] }],
  middleware: [requireMunicipalityEditor("id")] as const,
  request: {
    params,
    body: { required: true, content: { "application/json": { schema: ContactInput } } },
  },
  responses: {
    201: {
      description: "The new contact person",
      headers: etagHeader,
      content: { "application/json": { schema: Contact } },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const updateContactRoute = createRoute({
  method: "patch",
  path: "/municipalities/{id}/contacts/{contactId}",
  tags: ["profiles"],
  summary: "Change a contact person (If-Match required)",
  security: [{ bearer: [] }],
  middleware: [requireMunicipalityEditor("id")] as const,
  request: {
    params: itemParams,
    headers: ifMatchHeader,
    body: { required: true, content: { "application/json": { schema: UpdateContactInput } } },
  },
  responses: {
    200: {
      description: "The changed contact person",
      headers: etagHeader,
      content: { "application/json": { schema: Contact } },
    },
    ...problemResponses(400, 401, 403, 404, 412, 428),
  },
});

const deleteContactRoute = createRoute({
  method: "delete",
  path: "/municipalities/{id}/contacts/{contactId}",
  tags: ["profiles"],
  summary: "Remove a contact person (If-Match required)",
  security: [{ bearer: [] }],
  middleware: [requireMunicipalityEditor("id")] as const,
  request: { params: itemParams, headers: ifMatchHeader },
  responses: {
    204: { description: "Removed" },
    ...problemResponses(400, 401, 403, 404, 412, 428),
  },
});

/** Contact persons: personal data, read by signed-in users, edited by coordinators and own editors. */
export function contactsRouter() {
  return newRouter()
    .openapi(listRoute, async (c) => {
      c.header("cache-control", "private, no-store");
      return c.json(
        { items: await listContacts({ ctx: c.var.ctx, municipalityId: c.req.valid("param").id }) },
        200,
      );
    })
    .openapi(createContactRoute, async (c) => {
      const contact = await createContact({
        ctx: c.var.ctx,
        municipalityId: c.req.valid("param").id,
        input: c.req.valid("json"),
      });
      c.header("etag", etag(contact.version));
      return c.json(contact, 201);
    })
    .openapi(updateContactRoute, async (c) => {
      const { id, contactId } = c.req.valid("param");
      const contact = await withIfMatch(c, (expectedVersion) =>
        updateContact({
          ctx: c.var.ctx,
          municipalityId: id,
          contactId,
          patch: c.req.valid("json"),
          expectedVersion,
        }),
      );
      c.header("etag", etag(contact.version));
      return c.json(contact, 200);
    })
    .openapi(deleteContactRoute, async (c) => {
      const { id, contactId } = c.req.valid("param");
      await withIfMatch(c, (expectedVersion) =>
        deleteContact({ ctx: c.var.ctx, municipalityId: id, contactId, expectedVersion }),
      );
      return c.body(null, 204);
    });
}
