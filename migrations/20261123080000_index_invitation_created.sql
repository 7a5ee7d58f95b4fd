-- The staff page "Uitnodigingen" (src/modules/invitations/stats.ts): "this organisation's invitations
-- recorded in a period", counted per channel and product, and "the newest invitations" for the log.
CREATE INDEX invitation_created_idx ON invitation (organisation_id, created_at);
