import { Link } from "react-router";
import { useI18n } from "../../../i18n";
import { useSignOut } from "../api/session";
import { useAuth } from "../hooks/use-auth";
import "./account-menu.css";

/** The header's account area: a sign-in link, or who is signed in with a sign-out button. */
export function AccountMenu({ signInPath }: { signInPath: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const signOut = useSignOut();
  if (!user) {
    return (
      <Link className="account__link" to={signInPath}>
        {t("auth.signIn.link")}
      </Link>
    );
  }
  return (
    <div className="account">
      <span className="account__who">
        {user.name} <span className="account__role">({t(`auth.role.${user.role}`)})</span>
      </span>
      <button type="button" className="account__button" onClick={() => signOut.mutate()}>
        {t("auth.signOut")}
      </button>
    </div>
  );
}
