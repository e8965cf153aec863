import { StatisticsPage } from "../../features/statistics/components/statistics-page";
import { paths } from "../paths";
import "./workflow.css";

export function StatisticsRoute() {
  return <StatisticsPage profilePath={paths.profile} />;
}
