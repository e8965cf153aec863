import { useAuth } from "../../features/auth/hooks/use-auth";
import { TiesReviewPage } from "../../features/ties/components/ties-review-page";
import { paths } from "../paths";
import "./workflow.css";

/** The review is public; coordinators (any tie) and editors (their own municipality's) may decide. */
export function TiesRoute() {
  const { user, role } = useAuth();
  const canDecide =
    role === "coordinator"
      ? () => true
      : role === "editor" && user?.municipalityId
        ? (municipalityId: string) => municipalityId === user.municipalityId
        : undefined;
  return <TiesReviewPage profilePath={paths.profile} canDecide={canDecide} />;
}
