import { useParams } from "react-router";
import { RequireRole } from "../../features/auth/components/require-role";
import { QuestionnaireList } from "../../features/questionnaire/components/questionnaire-list";
import { QuestionnaireReviewPage } from "../../features/questionnaire/components/questionnaire-review-page";
import { QuestionnaireWizard } from "../../features/questionnaire/components/questionnaire-wizard";
import { paths } from "../paths";
import "./workflow.css";

/** The questionnaire is open to anyone: municipalities fill it in before they have an account. */
export function QuestionnaireRoute() {
  return <QuestionnaireWizard />;
}

export function QuestionnairesRoute() {
  return (
    <RequireRole roles={["coordinator"]} signInPath={paths.signIn}>
      <QuestionnaireList
        suggestionsPath={paths.suggestions}
        reviewPath={paths.questionnaireReview}
        newPath={paths.questionnaire}
      />
    </RequireRole>
  );
}

export function QuestionnaireReviewRoute() {
  const { id = "" } = useParams();
  return (
    <RequireRole roles={["coordinator"]} signInPath={paths.signIn}>
      <QuestionnaireReviewPage key={id} id={id} listPath={paths.questionnaires} />
    </RequireRole>
  );
}
