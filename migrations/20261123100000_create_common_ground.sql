-- Common Ground trigger (docs/common-ground.md, docs/decisions/0012-common-ground.md): per organisation
-- the link to a Notificaties API 1.0 and a Zaken API 1.5, which zaaktype leads to which survey, and an
-- inbox of received notifications. The inbox is written in the same transaction that acknowledges a
-- notification (204), so an acknowledged notification is never lost; a job works it off.

CREATE TABLE common_ground_link (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  notificaties_url text NOT NULL CHECK (notificaties_url ~ '^https?://'),
  zaken_url text NOT NULL CHECK (zaken_url ~ '^https?://'),
  client_id text NOT NULL,
  -- AES-256-GCM under a key derived from the instance secret: a database dump alone does not reveal it
  -- when SESSION_SECRET is configured outside the database.
  client_secret_sealed text NOT NULL,
  -- SHA-256 of the bearer token the Notificaties API sends to the callback; the token itself is not kept.
  callback_token_hash text,
  -- The token being registered while "Abonneren" runs (the Notificaties API tests the callback with it).
  pending_token_hash text,
  abonnement_url text,
  subscribed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id)
);

CREATE TABLE common_ground_zaaktype (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  zaaktype_url text NOT NULL,
  survey_id uuid NOT NULL,
  product_id uuid,
  channel_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  -- "The mapping of this zaaktype" when a zaak is closed: one per zaaktype.
  UNIQUE (organisation_id, zaaktype_url),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES survey (organisation_id, id),
  FOREIGN KEY (organisation_id, product_id) REFERENCES product (organisation_id, id),
  FOREIGN KEY (organisation_id, channel_id) REFERENCES channel (organisation_id, id)
);

CREATE TABLE common_ground_notification (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  -- SHA-256 over kanaal, actie, resource, resourceUrl and aanmaakdatum: the same notification delivered
  -- twice is stored once.
  dedupe_key text NOT NULL,
  kanaal text NOT NULL,
  resource text NOT NULL,
  actie text NOT NULL,
  resource_url text NOT NULL,
  hoofd_object text NOT NULL,
  aanmaakdatum timestamptz NOT NULL,
  kenmerken jsonb NOT NULL DEFAULT '{}',
  received_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processed', 'skipped', 'failed')),
  -- A reason code (never personal data): the invitation decision, or why it was skipped or failed.
  outcome text,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  processed_at timestamptz,
  -- No foreign key: contact moments follow their own retention.
  contact_moment_id uuid,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, dedupe_key)
);
-- The job's claim: "pending notifications whose next attempt is due", oldest first, any organisation.
CREATE INDEX common_ground_notification_due_idx ON common_ground_notification (next_attempt_at)
  WHERE status = 'pending';
-- The settings page: "the newest notifications of this organisation".
CREATE INDEX common_ground_notification_recent_idx ON common_ground_notification (organisation_id, received_at);
