/**
 * Reform jobs: a whole-population reform takes seconds to minutes, so `startReform` answers at once
 * with a job id and the work goes on in this process; the job's state and answer are kept in the
 * statistics schema, so any replica answers `reform(id)`. Only the caller who started a job reads it.
 */
import { randomUUID } from "node:crypto";
import type { Store } from "../../platform/store";
import { reform } from "./answers";
import type { ParameterChangeValue } from "./reform";
import { parameterOverrides } from "./reform";
import { ReformStatus, type Covered, type ReformJob } from "./types";

interface JobRow { id: string; owner: string; status: ReformStatus; progress: number; result: any; error: string | null }

export async function startReformJob(store: Store, owner: string, covered: Covered, changes: ParameterChangeValue[], log: (line: string) => void): Promise<ReformJob> {
  parameterOverrides(changes); // bad changes are the caller's error now, not a FAILED job later
  const id = randomUUID();
  await store.query("insert into statistics.reform_jobs (id, owner, status) values ($1, $2, 'RUNNING')", [id, owner]);
  let lastWrite = 0;
  const progress = async (done: number, of: number) => {
    if (Date.now() - lastWrite < 1000) return;
    lastWrite = Date.now();
    await store.query("update statistics.reform_jobs set progress = $2, updated_at = now() where id = $1", [id, of ? done / of : 1]);
  };
  void reform(covered, changes, progress)
    .then((result) => store.query("update statistics.reform_jobs set status = 'DONE', progress = 1, result = $2, updated_at = now() where id = $1", [id, JSON.stringify(result)]))
    .catch(async (error: Error) => {
      log(`reform job ${id} failed: ${error.message}`);
      await store.query("update statistics.reform_jobs set status = 'FAILED', error = $2, updated_at = now() where id = $1", [id, "The reform could not be computed."]).catch(() => {});
    });
  return { id, status: ReformStatus.RUNNING, progress: 0, result: null, error: null };
}

/** The job, if this caller started it (else null, as for an unknown id). */
export async function reformJob(store: Store, owner: string, id: string): Promise<ReformJob | null> {
  const [row] = await store.query<JobRow>("select id, owner, status, progress, result, error from statistics.reform_jobs where id = $1 and owner = $2", [id, owner]);
  if (!row) return null;
  return { id: row.id, status: row.status, progress: row.progress, result: row.result ?? null, error: row.error };
}
