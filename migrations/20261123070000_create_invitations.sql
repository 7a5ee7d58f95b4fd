-- Invitations (docs/decisions/0010-invitations.md, docs/invitations.md): the rules per survey and
-- product, the contact moments as received, one invitation (or decision against inviting) per contact
-- moment, and the opt-outs. Addresses are personal data and are set to null as soon as they are not
-- needed; suppression and opt-out compare keyed hashes (person_hash), which stay.

CREATE TABLE invitation_rule (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  survey_id uuid NOT NULL,
  -- A rule for one product wins over the survey's rule without product.
  product_id uuid,
  delay_kind text NOT NULL CHECK (delay_kind IN ('next_working_day', 'minutes')),
  -- Local time (Europe/Amsterdam) for next_working_day; minutes after the moment for minutes.
  delay_at text CHECK (delay_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  delay_minutes integer CHECK (delay_minutes >= 0),
  quiet_from text CHECK (quiet_from ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  quiet_to text CHECK (quiet_to ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  sample_percent integer NOT NULL DEFAULT 100 CHECK (sample_percent BETWEEN 0 AND 100),
  suppression_days integer NOT NULL DEFAULT 90 CHECK (suppression_days >= 0),
  reminder_after_days integer CHECK (reminder_after_days >= 1),
  expiry_days integer NOT NULL DEFAULT 14 CHECK (expiry_days >= 1),
  channel text NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'sms')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES survey (organisation_id, id),
  FOREIGN KEY (organisation_id, product_id) REFERENCES product (organisation_id, id),
  CHECK ((delay_kind = 'next_working_day') = (delay_at IS NOT NULL)),
  CHECK ((delay_kind = 'minutes') = (delay_minutes IS NOT NULL)),
  CHECK ((quiet_from IS NULL) = (quiet_to IS NULL))
);
-- "The rule of this survey" when a contact moment has no product rule: one per survey.
CREATE UNIQUE INDEX invitation_rule_survey_idx ON invitation_rule (organisation_id, survey_id)
  WHERE product_id IS NULL;
-- "The rule of this survey for this product": one per survey and product.
CREATE UNIQUE INDEX invitation_rule_product_idx ON invitation_rule (organisation_id, survey_id, product_id)
  WHERE product_id IS NOT NULL;

CREATE TABLE contact_moment (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  survey_id uuid NOT NULL,
  product_id uuid,
  channel_id uuid,
  case_reference text,
  occurred_at timestamptz NOT NULL,
  language text NOT NULL DEFAULT 'nl' CHECK (language ~ '^[a-z]{2,3}$'),
  source text NOT NULL CHECK (source IN ('api', 'csv', 'notification')),
  -- The caller's own id: a retried call with the same external id answers the first contact moment.
  external_id text,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES survey (organisation_id, id),
  FOREIGN KEY (organisation_id, product_id) REFERENCES product (organisation_id, id),
  FOREIGN KEY (organisation_id, channel_id) REFERENCES channel (organisation_id, id)
);
-- Idempotent intake: "the contact moment with this external id" (and no second one).
CREATE UNIQUE INDEX contact_moment_external_idx ON contact_moment (organisation_id, external_id)
  WHERE external_id IS NOT NULL;
-- Dedupe per case: "earlier contact moments of this survey with this case reference".
CREATE INDEX contact_moment_case_idx ON contact_moment (organisation_id, survey_id, case_reference)
  WHERE case_reference IS NOT NULL;
COMMENT ON COLUMN contact_moment.case_reference IS 'personal; retention=P2Y';

CREATE TABLE invitation (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  contact_moment_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  rule_id uuid,
  status text NOT NULL CHECK (status IN (
    'planned', 'sent', 'reminded', 'bounced', 'started', 'completed', 'expired',
    'not_sampled', 'duplicate', 'suppressed', 'opted_out')),
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  language text NOT NULL DEFAULT 'nl',
  -- HMAC-SHA256 of the normalised address under the instance key: stays after the address is gone.
  person_hash text,
  address text,
  send_at timestamptz,
  sent_at timestamptz,
  remind_at timestamptz,
  reminded_at timestamptz,
  expires_at timestamptz,
  started_at timestamptz,
  completed_at timestamptz,
  -- SHA-256 of the current link token; the token itself is never stored. Null when no link works.
  token_hash text,
  response_id uuid,
  -- Failed delivery tries that may succeed later (the mail server was down).
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, contact_moment_id),
  FOREIGN KEY (organisation_id, contact_moment_id) REFERENCES contact_moment (organisation_id, id),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES survey (organisation_id, id),
  FOREIGN KEY (organisation_id, rule_id) REFERENCES invitation_rule (organisation_id, id),
  FOREIGN KEY (organisation_id, response_id) REFERENCES response (organisation_id, id) ON DELETE SET NULL (response_id),
  -- A decision against inviting never stores the address.
  CHECK (address IS NULL OR status IN ('planned', 'sent', 'reminded', 'started'))
);
COMMENT ON COLUMN invitation.address IS 'personal; retention=until-invitation-ends';
-- Suppression: "invitations to this person planned or sent since <time>", across every survey.
CREATE INDEX invitation_person_idx ON invitation (organisation_id, person_hash, send_at)
  WHERE person_hash IS NOT NULL;
-- invitations.deliver-due: "planned invitations whose send time has come", oldest first.
CREATE INDEX invitation_due_idx ON invitation (send_at) WHERE status = 'planned';
-- invitations.deliver-due: "sent (or opened, not finished) invitations whose reminder time has come".
CREATE INDEX invitation_remind_idx ON invitation (remind_at)
  WHERE status IN ('sent', 'started') AND remind_at IS NOT NULL;
-- The link /i/{token} finds its invitation by the token's hash alone (256 random bits: unique in
-- practice; uniqueness is not enforced across organisations, as for survey.public_key).
CREATE INDEX invitation_token_idx ON invitation (token_hash) WHERE token_hash IS NOT NULL;
-- Completing a response: "the invitation this response came from".
CREATE INDEX invitation_response_idx ON invitation (organisation_id, response_id) WHERE response_id IS NOT NULL;
-- invitations.forget-addresses: "invitations that still hold an address, by expiry".
CREATE INDEX invitation_address_idx ON invitation (expires_at) WHERE address IS NOT NULL;

CREATE TABLE opt_out (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  person_hash text NOT NULL,
  opted_out_at timestamptz NOT NULL DEFAULT now(),
  method text NOT NULL CHECK (method IN ('link', 'one_click', 'mailto', 'staff')),
  invitation_id uuid,
  -- "Has this person opted out of this organisation's invitations?" is the primary key lookup.
  PRIMARY KEY (organisation_id, person_hash)
);

-- Every existing standard survey gets the default rule (new ones get it where they are created:
-- src/modules/surveys/create-standard-survey.ts). Ids: UUIDv7 built in SQL, as PostgreSQL 15 has no
-- uuidv7(): 48 bits of milliseconds, version 7, variant 10, random rest.
INSERT INTO invitation_rule (organisation_id, id, survey_id, delay_kind, delay_at, quiet_from, quiet_to,
                             sample_percent, suppression_days, reminder_after_days, expiry_days, channel)
SELECT s.organisation_id,
       (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0')
        || '7' || substr(md5(random()::text || s.id::text), 1, 3)
        || substr('89ab', 1 + floor(random() * 4)::int, 1)
        || substr(md5(random()::text || s.organisation_id::text), 1, 15))::uuid,
       s.id, 'next_working_day', '10:00', '21:00', '08:00', 100, 90, 7, 14, 'email'
  FROM survey s
 WHERE s.is_standard
   AND NOT EXISTS (SELECT 1 FROM invitation_rule r
                    WHERE r.organisation_id = s.organisation_id AND r.survey_id = s.id AND r.product_id IS NULL);
