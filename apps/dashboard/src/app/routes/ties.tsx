import { TiesReviewPage } from "../../features/ties/components/ties-review-page";
import { paths } from "../paths";
import "./workflow.css";

export function TiesRoute() {
  return <TiesReviewPage profilePath={paths.profile} />;
}
