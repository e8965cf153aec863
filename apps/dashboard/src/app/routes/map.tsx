import { MapPage } from "../../features/map/components/map-page";
import { paths } from "../paths";

export function MapRoute() {
  return <MapPage profilePath={paths.profile} regionPath={paths.regionHromadas} />;
}
