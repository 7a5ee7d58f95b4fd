-- Kiosks at the balie (docs/channels-kiosk.md, docs/decisions/0015-kiosk.md): a tablet that shows one
-- smiley question of a survey, for one place and channel. The tablet authenticates with a device token
-- in its link; only the token's SHA-256 is stored. Responses from a kiosk are ordinary responses (channel
-- and place recorded on them); the kiosk's own answers need no table of their own.

CREATE TABLE kiosk (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  survey_id uuid NOT NULL,
  channel_id uuid NOT NULL,
  -- The touchpoint (plek), for example "Stadskantoor, balie 3"; stored on every response of the kiosk.
  place text NOT NULL CHECK (char_length(place) BETWEEN 1 AND 100),
  -- Seconds after which the screen starts again (after "Bedankt", and after inactivity mid-way).
  reset_seconds integer NOT NULL DEFAULT 10 CHECK (reset_seconds BETWEEN 3 AND 300),
  token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  revoked_at timestamptz,
  -- When the tablet last loaded the page or sent answers (for staff: "is it still on?").
  last_seen_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES survey (organisation_id, id),
  FOREIGN KEY (organisation_id, channel_id) REFERENCES channel (organisation_id, id)
);
-- The tablet's link /kiosk/{token} finds its kiosk by the token's hash alone (256 random bits: unique in
-- practice; not enforced across organisations, as for invitation.token_hash and survey.public_key).
CREATE INDEX kiosk_token_idx ON kiosk (token_hash);
-- Staff page "Kiosken": "the kiosks of this organisation, newest first".
CREATE INDEX kiosk_created_idx ON kiosk (organisation_id, created_at);
