-- Job table: indexes for schedule de-duplication and for the clean-up of finished jobs (docs/jobs.md).

-- A schedule slot is enqueued once even after its job finished: enqueue with scope 'always' checks
-- "does any job with this unique key exist?" (the partial unique index only covers queued/running jobs).
CREATE INDEX job_unique_key_any_idx ON job (unique_key) WHERE unique_key IS NOT NULL;

-- jobs.purge-finished deletes succeeded and dead jobs by age of finished_at.
CREATE INDEX job_finished_idx ON job (finished_at) WHERE status IN ('succeeded', 'dead');
