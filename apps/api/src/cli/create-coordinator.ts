// Usage: pnpm --filter @pobratym/api create-coordinator --email x@example.org --name "Ola Nordmann"
// Without POBRATYM_COORDINATOR_PASSWORD: prints a one-time invite token (valid 7 days) that the
// person accepts with POST /api/v1/invites/accept, choosing their own password.
// With POBRATYM_COORDINATOR_PASSWORD set: creates the account with that password directly.
// There is never a default password.
import { parseArgs } from "node:util";
import { EmailAddress, NewPassword } from "@pobratym/core";
import { createDb } from "../db/create-db";
import { env } from "../env";
import { systemContext, withTransaction } from "../services/context";
import { createInvite } from "../services/invites/create-invite";
import { createUser } from "../services/users/create-user";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" } },
    strict: true,
  });
  const email = EmailAddress.safeParse(values.email ?? "");
  if (!email.success) {
    console.error(
      'usage: pnpm --filter @pobratym/api create-coordinator --email x@example.org [--name "Full Name"]',
    );
    return 2;
  }
  const password = process.env.POBRATYM_COORDINATOR_PASSWORD;
  if (password !== undefined && password !== "") {
    const checked = NewPassword.safeParse(password);
    if (!checked.success) {
      console.error(
        `POBRATYM_COORDINATOR_PASSWORD: ${checked.error.issues.map((i) => i.message).join("; ")}`,
      );
      return 2;
    }
  }
  const config = env();
  const db = await createDb(config.DATABASE_URL, { dataDir: config.POBRATYM_DATA_DIR });
  try {
    const ctx = systemContext({ db, now: new Date() });
    const as = "create-coordinator (CLI)";
    if (password) {
      const user = await withTransaction(ctx, (tx) =>
        createUser({
          tx,
          ctx,
          email: email.data,
          name: values.name ?? email.data,
          role: "coordinator",
          municipalityId: null,
          password,
          as,
        }),
      );
      console.log(
        `Created coordinator ${user.email} (${user.id}) in ${db.kind}. Sign in with POST /api/v1/auth/sign-in.`,
      );
      return 0;
    }
    const invite = await createInvite({
      ctx,
      input: { email: email.data, role: "coordinator" },
      as,
    });
    console.log(
      `Invite for coordinator ${invite.email} (valid until ${invite.expiresAt}); it works once:`,
    );
    console.log("");
    console.log(`  ${invite.token}`);
    console.log("");
    console.log("Accept it with:");
    console.log(
      `  curl -X POST http://localhost:${config.PORT}/api/v1/invites/accept -H 'content-type: application/json' \\\n` +
        `    -d '{"token":"${invite.token}","name":"${(values.name ?? "Your Name").replace(/['"\\]/g, "")}","password":"<at least 12 characters>"}'`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
