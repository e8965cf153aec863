import { useParams } from "react-router";
import { RequireRole } from "../../features/auth/components/require-role";
import {
  SuggestionsPage,
  SuggestionsPicker,
} from "../../features/suggestions/components/suggestions-page";
import { paths } from "../paths";
import "./workflow.css";

export function SuggestionsRoute() {
  const { id } = useParams();
  return (
    <RequireRole roles={["coordinator", "editor"]} signInPath={paths.signIn}>
      {id ? (
        <SuggestionsPage key={id} municipalityId={id} profilePath={paths.profile} />
      ) : (
        <SuggestionsPicker suggestionsPath={paths.suggestions} />
      )}
    </RequireRole>
  );
}
