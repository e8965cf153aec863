import { RequireRole } from "../../features/auth/components/require-role";
import { ImportReportPage } from "../../features/import-report/components/import-report-page";
import { paths } from "../paths";
import "./workflow.css";

export function ImportsRoute() {
  return (
    <RequireRole roles={["coordinator"]} signInPath={paths.signIn}>
      <ImportReportPage />
    </RequireRole>
  );
}
