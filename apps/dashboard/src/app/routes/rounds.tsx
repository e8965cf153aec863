import { RequireRole } from "../../features/auth/components/require-role";
import { RoundsPage } from "../../features/rounds/components/rounds-page";
import { WhyView } from "../../features/suggestions/components/why-view";
import { paths } from "../paths";
import "./workflow.css";
// The "why" view's styles come with it; rounds show the same reasons as suggestions.
import "../../features/suggestions/components/suggestions.css";

export function RoundsRoute() {
  return (
    <RequireRole roles={["coordinator"]} signInPath={paths.signIn}>
      <RoundsPage
        pipelinePath={paths.pipeline}
        renderReasons={(pair) => <WhyView components={pair.components} compact />}
      />
    </RequireRole>
  );
}
