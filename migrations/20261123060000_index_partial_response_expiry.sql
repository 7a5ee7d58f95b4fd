-- Expired partial responses: the nightly job responses.purge-expired-partials
-- (src/modules/responses/delete-expired-partials.ts) finds, across organisations, the partial responses
-- whose last saved screen is older than PARTIAL_RESPONSE_RETENTION_DAYS:
--   WHERE status = 'partial' AND coalesce(updated_at, submitted_at) < now() - n days ORDER BY that.
-- Partial: complete responses (nearly all rows) are never expired, so they need no entry.
CREATE INDEX response_partial_expiry_idx ON response ((coalesce(updated_at, submitted_at)))
  WHERE status = 'partial';
