-- API keys for system clients (docs/api-keys.md, docs/decisions/0018-api-keys.md): a case system,
-- telephony or a script calls /api/v1/organisations/{slug}/… with `Authorization: Bearer kb_live_…`.
-- Only the SHA-256 of the secret is stored; the secret itself is shown once, when the key is made.

CREATE TABLE api_key (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  -- What the key may do, for example contact-moments:write (see scopes.ts); at least one.
  scopes text[] NOT NULL CHECK (cardinality(scopes) >= 1),
  secret_hash text NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
  created_by uuid NOT NULL REFERENCES account (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Null: the key works until it is revoked.
  expires_at timestamptz,
  -- Updated at most once a minute, so a busy client does not write on every request.
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES account (id),
  PRIMARY KEY (organisation_id, id),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
-- "Which key is this bearer token?" on every API request with a key: the token carries the key id,
-- not the organisation, so the lookup cannot start with organisation_id. Not unique (ids are UUIDv7).
CREATE INDEX api_key_id_idx ON api_key (id);

-- Writes made with a key are audited with actor_type 'api_key' and the key's id as actor_id.
ALTER TABLE event DROP CONSTRAINT event_actor_type_check;
ALTER TABLE event ADD CONSTRAINT event_actor_type_check
  CHECK (actor_type IN ('account', 'public', 'system', 'api_key'));
