import { useParams } from "react-router";
import { RequireRole } from "../../features/auth/components/require-role";
import {
  ConferencePage,
  NewConferencePage,
} from "../../features/conferences/components/conference-pages";
import { paths } from "../paths";
import "./workflow.css";

export function ConferencesRoute() {
  const { id } = useParams();
  return (
    <RequireRole roles={["coordinator"]} signInPath={paths.signIn}>
      {id ? (
        <ConferencePage key={id} id={id} />
      ) : (
        <NewConferencePage conferencePath={paths.conference} />
      )}
    </RequireRole>
  );
}
