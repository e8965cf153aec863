import { createRoute } from "@hono/zod-openapi";
import { Statistics, StatisticsRows, StatisticsTable, StatisticsTableQuery } from "@pobratym/core";
import { z } from "zod";
import { csvDownload } from "../lib/csv";
import { newRouter, problemResponses } from "../lib/router";
import {
  getStatistics,
  statisticsCsv,
  statisticsRows,
} from "../services/statistics/get-statistics";

const allRouteDef = createRoute({
  method: "get",
  path: "/statistics",
  tags: ["statistics"],
  summary: "Aggregated figures for funders' reports (public, no personal data)",
  description:
    "Hromadas with and without partners by oblast; partnerships by stage, area, partner country and funding; " +
    "partnerships started per year and month; the waiting list of hromadas and of partners with spare capacity.",
  request: { query: z.strictObject({}) },
  responses: {
    200: { description: "Every figure", content: { "application/json": { schema: Statistics } } },
    ...problemResponses(400),
  },
});

const tableRouteDef = createRoute({
  method: "get",
  path: "/statistics/{table}",
  tags: ["statistics"],
  summary: "One statistics table as JSON rows or CSV",
  request: { params: z.object({ table: StatisticsTable }), query: StatisticsTableQuery },
  responses: {
    200: {
      description: "The table's rows, or CSV",
      content: {
        "application/json": { schema: StatisticsRows },
        "text/csv": { schema: z.string() },
      },
    },
    ...problemResponses(400),
  },
});

/** Public statistics. */
export function statisticsRouter() {
  return newRouter()
    .openapi(allRouteDef, async (c) => c.json(await getStatistics({ ctx: c.var.ctx }), 200))
    .openapi(tableRouteDef, async (c) => {
      const { table } = c.req.valid("param");
      const stats = await getStatistics({ ctx: c.var.ctx });
      if (c.req.valid("query").format === "csv") {
        const { body, headers } = csvDownload(statisticsCsv(stats, table), `${table}.csv`);
        return c.body(body, 200, headers);
      }
      return c.json(statisticsRows(stats, table), 200);
    });
}
