-- Core schema: tenants, staff, audit events, jobs, and the thin slice of measurement
-- (departments, products, channels, cases, surveys, questions, responses, answers, signals).
--
-- Data rules (docs/architecture.md): every tenant table has organisation_id uuid NOT NULL and its
-- primary key, unique constraints and foreign keys start with it. Reference/platform tables are listed
-- in src/platform/db/catalog.ts. Columns holding personal data carry a comment 'personal; retention=…'.

CREATE TABLE instance_setting (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE organisation (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE account (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);
-- Login looks accounts up by e-mail address, case-insensitively.
CREATE UNIQUE INDEX account_email_key ON account (lower(email));
COMMENT ON COLUMN account.email IS 'personal; retention=account';
COMMENT ON COLUMN account.display_name IS 'personal; retention=account';

CREATE TABLE staff_session (
  id text PRIMARY KEY,            -- sha256 of the random token in the cookie; the token itself is never stored
  account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  user_agent text
);
-- Expired-session clean-up scans by expiry.
CREATE INDEX staff_session_expires_idx ON staff_session (expires_at);
COMMENT ON COLUMN staff_session.user_agent IS 'personal; retention=session';

CREATE TABLE membership (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  account_id uuid NOT NULL REFERENCES account (id),
  role text NOT NULL CHECK (role IN ('admin', 'analyst', 'handler', 'viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, account_id)
);
-- "Which organisations may this account open?" at login and on every request.
CREATE INDEX membership_account_idx ON membership (account_id);

CREATE TABLE event (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  type text NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('account', 'public', 'system')),
  actor_id uuid,
  request_id text,
  subject_type text NOT NULL,
  subject_id uuid,
  data jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (organisation_id, id)
);
-- The audit trail of one subject, newest first.
CREATE INDEX event_subject_idx ON event (organisation_id, subject_type, subject_id, occurred_at DESC);

CREATE TABLE job (
  id uuid PRIMARY KEY,
  organisation_id uuid REFERENCES organisation (id),
  name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'dead')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  locked_by text,
  locked_until timestamptz,
  last_error text,
  unique_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
-- The claim query: the oldest due queued job (or a running one whose lease expired).
CREATE INDEX job_due_idx ON job (run_at) WHERE status IN ('queued', 'running');
-- Enqueue with a unique key skips a job that is already waiting or running.
CREATE UNIQUE INDEX job_unique_key_idx ON job (unique_key) WHERE unique_key IS NOT NULL AND status IN ('queued', 'running');

CREATE TABLE department (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, code)
);

CREATE TABLE product (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  department_id uuid,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, code),
  FOREIGN KEY (organisation_id, department_id) REFERENCES department (organisation_id, id)
);

CREATE TABLE channel (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, code)
);

CREATE TABLE service_case (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  reference text NOT NULL,
  product_id uuid NOT NULL,
  channel_id uuid NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  contact_count integer NOT NULL DEFAULT 1 CHECK (contact_count >= 0),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, reference),
  FOREIGN KEY (organisation_id, product_id) REFERENCES product (organisation_id, id),
  FOREIGN KEY (organisation_id, channel_id) REFERENCES channel (organisation_id, id)
);

CREATE TABLE survey (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  public_key text NOT NULL CHECK (public_key ~ '^[A-Za-z0-9_-]{8,64}$'),
  title text NOT NULL,
  current_version integer NOT NULL DEFAULT 1,
  is_standard boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, public_key)
);
-- The public link /s/{public_key} resolves a survey by its key alone. Keys carry 96 random bits, so they are
-- unique in practice; uniqueness is enforced per organisation because a distributed (Citus) table can only
-- enforce constraints that include the distribution column (docs/scaling.md).
CREATE INDEX survey_public_key_idx ON survey (public_key);

CREATE TABLE question (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  survey_id uuid NOT NULL,
  survey_version integer NOT NULL,
  position integer NOT NULL,
  code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('grade', 'agreement', 'open')),
  text_nl text NOT NULL,
  help_nl text,
  required boolean NOT NULL DEFAULT false,
  max_length integer,
  driver text,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, survey_id, survey_version, code),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES survey (organisation_id, id)
);

CREATE TABLE response (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  survey_id uuid NOT NULL,
  survey_version integer NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  channel_id uuid,
  product_id uuid,
  case_id uuid,
  submission_key text,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES survey (organisation_id, id),
  FOREIGN KEY (organisation_id, channel_id) REFERENCES channel (organisation_id, id),
  FOREIGN KEY (organisation_id, product_id) REFERENCES product (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES service_case (organisation_id, id)
);
-- The overview counts responses per month and channel within an organisation.
CREATE INDEX response_org_time_idx ON response (organisation_id, submitted_at);
-- A retried submission with the same key must not create a second response.
CREATE UNIQUE INDEX response_submission_key_idx ON response (organisation_id, submission_key) WHERE submission_key IS NOT NULL;

CREATE TABLE answer (
  organisation_id uuid NOT NULL,
  response_id uuid NOT NULL,
  question_id uuid NOT NULL,
  numeric_value numeric,
  option_code text,
  text_value text,
  PRIMARY KEY (organisation_id, response_id, question_id),
  FOREIGN KEY (organisation_id, response_id) REFERENCES response (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, question_id) REFERENCES question (organisation_id, id)
);
-- KPI queries read all numeric answers to one question (the rapportcijfer) of an organisation.
CREATE INDEX answer_question_idx ON answer (organisation_id, question_id) INCLUDE (numeric_value);
COMMENT ON COLUMN answer.text_value IS 'personal; retention=P2Y';

CREATE TABLE signal (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('feedback', 'klacht', 'compliment', 'idee', 'melding', 'vraag')),
  received_at timestamptz NOT NULL DEFAULT now(),
  channel_id uuid,
  product_id uuid,
  response_id uuid,
  case_id uuid,
  description text NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, channel_id) REFERENCES channel (organisation_id, id),
  FOREIGN KEY (organisation_id, product_id) REFERENCES product (organisation_id, id),
  FOREIGN KEY (organisation_id, response_id) REFERENCES response (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES service_case (organisation_id, id)
);
-- The inbox lists an organisation's signals newest first.
CREATE INDEX signal_org_time_idx ON signal (organisation_id, received_at DESC);
COMMENT ON COLUMN signal.description IS 'personal; retention=P2Y';
