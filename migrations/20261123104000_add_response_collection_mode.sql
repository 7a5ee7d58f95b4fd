-- How a response was collected (docs/channels-paper-and-interview.md, decision 0016): the person
-- themselves online ('self', also every response stored before this migration), a paper form typed in
-- by staff ('paper'), staff filling in during a phone call or home visit ('interview'), or a telephony
-- system (IVR) that posts the answers through the API ('telephony'). Analysts separate these modes
-- because answers given to an interviewer are known to be more positive than answers given alone.
ALTER TABLE response ADD COLUMN collection_mode text NOT NULL DEFAULT 'self'
  CHECK (collection_mode IN ('self', 'paper', 'interview', 'telephony'));

-- One row per paper form typed in: its printed form code may be entered only once per survey.
CREATE TABLE paper_form_entry (
  organisation_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  form_code text NOT NULL CHECK (form_code ~ '^[0-9A-Z]{8}$'),
  response_id uuid NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now(),
  -- The primary key serves the double-entry check: "was form <code> of this survey entered before?"
  PRIMARY KEY (organisation_id, survey_id, form_code),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES survey (organisation_id, id),
  FOREIGN KEY (organisation_id, response_id) REFERENCES response (organisation_id, id) ON DELETE CASCADE
);
-- Deleting a response (retention, a privacy request) finds its paper form row by response.
CREATE INDEX paper_form_entry_response_idx ON paper_form_entry (organisation_id, response_id);
