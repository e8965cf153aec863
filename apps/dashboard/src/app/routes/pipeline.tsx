import { RequireRole } from "../../features/auth/components/require-role";
import { PipelineBoard } from "../../features/pipeline/components/pipeline-board";
import { paths } from "../paths";
import "./workflow.css";

export function PipelineRoute() {
  return (
    <RequireRole roles={["coordinator"]} signInPath={paths.signIn}>
      <PipelineBoard profilePath={paths.profile} />
    </RequireRole>
  );
}
