import { Link } from "react-router";
import { PageHeading } from "../../components/ui/page-heading";
import { useI18n } from "../../i18n";
import { useDocumentTitle } from "../../lib/use-document-title";
import { paths } from "../paths";

export function NotFoundRoute() {
  const { t } = useI18n();
  useDocumentTitle(t("notFound.title"));
  return (
    <>
      <PageHeading>{t("notFound.title")}</PageHeading>
      <p>{t("notFound.body")}</p>
      <p>
        <Link to={paths.catalogue}>{t("notFound.back")}</Link>
      </p>
    </>
  );
}
