/**
 * The embedded columnar engine, measured on the same data: DuckDB (in memory, through
 * @duckdb/node-api, a dev dependency) fed with the person extract's columns a breakdown reads, as
 * the statistics read them from `people.statistics_persons_v2`, then the REGION x AGE_BAND breakdown as
 * GROUP BY. Only the bench uses it: the statistics subgraph itself does not.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import type { Population } from "../subgraphs/statistics/population";

export interface DuckDbFigures {
  loadMs: number;
  runsMs: number[];
  /** "REGION|low-high" -> persons. */
  cells: Map<string, number>;
}

export async function duckdbBreakdown(p: Population, asOf: string, runs = 5): Promise<DuckDbFigures> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    let t = performance.now();
    await connection.run("create table persons (region varchar, center_id varchar, birth_date varchar, employment_status varchar, household_monthly_income bigint)");
    const appender = await connection.createAppender("persons");
    for (let i = 0; i < p.size; i++) {
      appender.appendVarchar(p.region[i]);
      appender.appendVarchar(p.centerId[i]);
      appender.appendVarchar(p.birthDate[i]);
      appender.appendVarchar(p.employmentStatus[i]);
      appender.appendBigInt(BigInt(Math.round(p.monthlyIncome[i])));
      appender.endRow();
    }
    appender.closeSync();
    await connection.run("alter table persons alter birth_date type date");
    const loadMs = performance.now() - t;
    // The age on asOf, as AGE_BAND counts it.
    const sql = `select region, (floor(date_part('year', age(DATE '${asOf}', birth_date)) / 10) * 10)::integer as band, count(*)::integer as n from persons group by all`;
    const runsMs: number[] = [];
    let rows: unknown[][] = [];
    for (let k = 0; k < runs; k++) {
      t = performance.now();
      rows = (await connection.runAndReadAll(sql)).getRowsJS();
      runsMs.push(performance.now() - t);
    }
    const cells = new Map(rows.map(([region, band, n]) => [`${region}|${band}-${Number(band) + 9}`, Number(n)]));
    return { loadMs, runsMs, cells };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
