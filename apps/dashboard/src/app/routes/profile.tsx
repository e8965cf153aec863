import { useParams } from "react-router";
import { useMe } from "../../features/auth/api/session";
import { ProfilePage } from "../../features/profile/components/profile-page";
import { paths } from "../paths";
import "./workflow.css";

export function ProfileRoute() {
  const { id = "" } = useParams();
  const me = useMe().data;
  // The API decides what may be written; this only keeps controls away from people who may not.
  const canEdit =
    !!me && (me.role === "coordinator" || (me.role === "editor" && me.municipalityId === id));
  return (
    <ProfilePage
      id={id}
      cataloguePath={paths.catalogue}
      profilePath={paths.profile}
      canEdit={canEdit}
    />
  );
}
