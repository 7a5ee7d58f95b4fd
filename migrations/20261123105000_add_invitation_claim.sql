-- Invitation delivery claims its work with a lease instead of a long transaction
-- (docs/decisions/0017-invitation-delivery-pipeline.md): claim → send → record.
--
-- claim_id: the claim that holds the row right now (a UUIDv7 per claimed batch); the record step only
-- updates rows that still carry its own claim, so a worker whose lease expired cannot overwrite what a
-- later claim recorded. claimed_until: when the claim lapses. A worker that crashed between claim and
-- record leaves both set; once claimed_until has passed the invitation is due again and is sent again
-- (at least once).
ALTER TABLE invitation ADD COLUMN claim_id uuid;
ALTER TABLE invitation ADD COLUMN claimed_until timestamptz;
