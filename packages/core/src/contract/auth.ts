import { z } from "zod";
import { Id, IsoDateTime, requiredText } from "../model/common";

/** The roles a signed-in user can hold: coordinators do everything, editors edit one municipality. */
export const UserRole = z.enum(["coordinator", "editor"]);
/** The roles a signed-in user can hold. */
export type UserRole = z.infer<typeof UserRole>;

/** An email address as sign-in and invites take it (trimmed, compared case-insensitively). */
export const EmailAddress = z.string().trim().max(254).pipe(z.email());

/** A new password: at least 12 characters, at most 200. */
export const NewPassword = z
  .string()
  .min(12, "use at least 12 characters")
  .max(200)
  .refine((p) => new Set(p).size >= 4, "use more than three different characters");

/** A user as the API shows them; never includes the password hash. */
export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: UserRole,
  municipalityId: Id.nullable(),
  disabled: z.boolean(),
  createdAt: IsoDateTime,
});
/** A user as the API shows them. */
export type User = z.infer<typeof User>;

/** The body of `POST /api/v1/auth/sign-in`. */
export const SignInInput = z.strictObject({
  email: EmailAddress,
  password: z.string().min(1).max(200),
});
/** The body of `POST /api/v1/auth/sign-in`. */
export type SignInInput = z.infer<typeof SignInInput>;

/** A new session: the bearer token (shown once) and when it expires, with the user. */
export const Session = z.object({
  token: z.string(),
  expiresAt: IsoDateTime,
  user: User,
});
/** A new session. */
export type Session = z.infer<typeof Session>;

/** The body of `POST /api/v1/invites`; editors need the municipality they will edit. */
export const CreateInviteInput = z
  .strictObject({
    email: EmailAddress,
    role: UserRole,
    municipalityId: Id.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.role === "editor" && !v.municipalityId)
      ctx.addIssue({
        code: "custom",
        path: ["municipalityId"],
        message: "an editor needs a municipality",
      });
    if (v.role === "coordinator" && v.municipalityId)
      ctx.addIssue({
        code: "custom",
        path: ["municipalityId"],
        message: "a coordinator has no municipality",
      });
  });
/** The body of `POST /api/v1/invites`. */
export type CreateInviteInput = z.infer<typeof CreateInviteInput>;

/** A created invite; `token` is shown only in this response. */
export const Invite = z.object({
  token: z.string(),
  email: z.string(),
  role: UserRole,
  municipalityId: Id.nullable(),
  expiresAt: IsoDateTime,
});
/** A created invite. */
export type Invite = z.infer<typeof Invite>;

/** The body of `POST /api/v1/invites/accept`. */
export const AcceptInviteInput = z.strictObject({
  token: z.string().min(1).max(200),
  name: requiredText(200),
  password: NewPassword,
});
/** The body of `POST /api/v1/invites/accept`. */
export type AcceptInviteInput = z.infer<typeof AcceptInviteInput>;
