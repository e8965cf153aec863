import { useParams } from "react-router";
import { ProfilePage } from "../../features/profile/components/profile-page";
import { paths } from "../paths";

export function ProfileRoute() {
  const { id = "" } = useParams();
  return <ProfilePage id={id} cataloguePath={paths.catalogue} profilePath={paths.profile} />;
}
