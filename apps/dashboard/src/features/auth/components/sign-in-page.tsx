import { SignInInput } from "@pobratym/core";
import { type FormEvent, useId, useState } from "react";
import { useNavigate } from "react-router";
import { ErrorView } from "../../../components/ui/error-view";
import { PageHeading } from "../../../components/ui/page-heading";
import { useI18n } from "../../../i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useSignIn, useSignOut } from "../api/session";
import { useAuth } from "../hooks/use-auth";

/** Email and password sign-in; afterwards goes to `next` (a path inside the dashboard). */
export function SignInPage({ next }: { next: string }) {
  const { t } = useI18n();
  useDocumentTitle(t("auth.signIn.title"));
  const auth = useAuth();
  const signIn = useSignIn();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [invalid, setInvalid] = useState<{ email?: boolean; password?: boolean }>({});
  const emailError = useId();
  const passwordError = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = SignInInput.safeParse({ email, password });
    if (!parsed.success) {
      const paths = new Set(parsed.error.issues.map((i) => i.path[0]));
      setInvalid({ email: paths.has("email"), password: paths.has("password") });
      return;
    }
    setInvalid({});
    signIn.mutate(parsed.data, { onSuccess: () => navigate(next) });
  };

  if (auth.user) {
    return (
      <>
        <PageHeading>{t("auth.signIn.title")}</PageHeading>
        <p>
          {t("auth.signedInAs", { name: auth.user.name, role: t(`auth.role.${auth.user.role}`) })}
        </p>
        <button type="button" className="button" onClick={() => signOut.mutate()}>
          {t("auth.signOut")}
        </button>
      </>
    );
  }

  return (
    <>
      <PageHeading>{t("auth.signIn.title")}</PageHeading>
      <p>{t("auth.signIn.intro")}</p>
      <form className="form-panel" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="sign-in-email">{t("auth.email")}</label>
          <input
            id="sign-in-email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={invalid.email ?? false}
            aria-describedby={invalid.email ? emailError : undefined}
            required
          />
          {invalid.email ? (
            <p id={emailError} className="field__error">
              {t("validation.email")}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">{t("auth.password")}</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={invalid.password ?? false}
            aria-describedby={invalid.password ? passwordError : undefined}
            required
          />
          {invalid.password ? (
            <p id={passwordError} className="field__error">
              {t("validation.required")}
            </p>
          ) : null}
        </div>
        {signIn.isError ? <ErrorView error={signIn.error} /> : null}
        <button type="submit" className="button" aria-disabled={signIn.isPending}>
          {signIn.isPending ? t("auth.signIn.pending") : t("auth.signIn.submit")}
        </button>
      </form>
    </>
  );
}
