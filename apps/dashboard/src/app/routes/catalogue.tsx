import { CataloguePage } from "../../features/catalogue/components/catalogue-page";
import { paths } from "../paths";

export function CatalogueRoute() {
  return <CataloguePage profilePath={paths.profile} />;
}
