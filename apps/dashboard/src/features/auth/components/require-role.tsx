import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { Loading } from "../../../components/ui/loading";
import { PageHeading } from "../../../components/ui/page-heading";
import { useI18n } from "../../../i18n";
import { type Role, useAuth } from "../hooks/use-auth";

/** Shows `children` only to the given roles; others get a sign-in prompt (not a blank page). */
export function RequireRole({
  roles,
  signInPath,
  children,
}: {
  roles: readonly Role[];
  signInPath: (next: string) => string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const auth = useAuth();
  const location = useLocation();
  if (auth.isPending) return <Loading />;
  if (roles.includes(auth.role)) return <>{children}</>;
  return (
    <>
      <PageHeading>{t("auth.required.title")}</PageHeading>
      <p>{auth.user ? t("auth.required.role") : t("auth.required.signIn")}</p>
      {auth.user ? null : (
        <p>
          <Link to={signInPath(location.pathname + location.search)}>{t("auth.signIn.link")}</Link>
        </p>
      )}
    </>
  );
}
