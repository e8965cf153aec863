import { REVIEW_COUNTRIES } from "@pobratym/core";
import { type SQL, sql } from "drizzle-orm";

/**
 * The one SQL definition of "has a partner" for the municipality row aliased `m`: a partnership
 * past the first expression of interest that has not ended, or an active twin-town tie with a town outside Russia and Belarus (core's
 * `countsAsPartnership`). The catalogue filter, the statistics, the waiting list and fairness
 * (load-profiles) all use it, so a twinned hromada is never counted as unpartnered.
 */
export const hasPartner: SQL = sql`(EXISTS (
    SELECT 1 FROM partnerships p
    WHERE p.stage NOT IN ('interest', 'ended')
      AND (p.hromada_id = m.id OR EXISTS (
        SELECT 1 FROM partnership_partners pp WHERE pp.partnership_id = p.id AND pp.municipality_id = m.id)))
  OR EXISTS (
    SELECT 1 FROM ties t
    WHERE t.municipality_id = m.id AND t.status = 'active'
      AND t.foreign_country <> ALL(${sql.param([...REVIEW_COUNTRIES])}::text[])))`;
