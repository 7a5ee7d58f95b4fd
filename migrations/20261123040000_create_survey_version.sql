-- Survey versions (docs/survey-definition.md, docs/decisions/0005-survey-versions-and-partial-responses.md).
--
-- A survey version stores its klankbord.survey/1 definition as written by the editor or an import. Only
-- the definition lives in JSON: answers stay in typed rows of `answer` (ARCHITECTURE §3.2). Publishing a
-- version writes one `question` row per question, which answers refer to. A published version never
-- changes (the application refuses it and the trigger below refuses it too); editing starts a new draft,
-- and there is at most one draft per survey.

CREATE TABLE survey_version (
  organisation_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  PRIMARY KEY (organisation_id, survey_id, version),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES survey (organisation_id, id),
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
-- The editor opens "the draft of this survey"; a second draft would split the edits.
CREATE UNIQUE INDEX survey_version_one_draft_idx ON survey_version (organisation_id, survey_id)
  WHERE status = 'draft';

CREATE FUNCTION survey_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'survey version % is published and cannot change', OLD.version
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER survey_version_guard BEFORE UPDATE OR DELETE ON survey_version
  FOR EACH ROW EXECUTE FUNCTION survey_version_guard();

-- Every question type of the definition format, and the core building block a question comes from, so
-- answers to the same core question version are compared across surveys and organisations.
ALTER TABLE question DROP CONSTRAINT question_kind_check;
ALTER TABLE question ADD CONSTRAINT question_kind_check CHECK (kind IN (
  'grade', 'agreement', 'ces', 'nps', 'smileys', 'single', 'multiple', 'open', 'yes_no', 'date', 'consent'));
ALTER TABLE question ADD COLUMN core_block text;
ALTER TABLE question ADD COLUMN core_version integer;
-- Cross-survey comparison reads all answers to one core question version.
CREATE INDEX question_core_idx ON question (organisation_id, core_block, core_version) WHERE core_block IS NOT NULL;

-- Typed answer columns for the new types: a multiple-choice answer is one row per chosen option (`item`
-- 0, 1, …); a smiley's reason is `detail_code`; a date is `date_value`.
ALTER TABLE answer ADD COLUMN item smallint NOT NULL DEFAULT 0 CHECK (item >= 0);
ALTER TABLE answer ADD COLUMN detail_code text;
ALTER TABLE answer ADD COLUMN date_value date;
ALTER TABLE answer DROP CONSTRAINT answer_pkey;
ALTER TABLE answer ADD PRIMARY KEY (organisation_id, response_id, question_id, item);

-- Partial responses: a survey with several pages keeps what was answered per page. `status` is
-- 'complete' for every response submitted in one go and for a multi-page response after its last page.
-- The resume link carries a random token; only its SHA-256 is stored.
ALTER TABLE response ADD COLUMN status text NOT NULL DEFAULT 'complete' CHECK (status IN ('partial', 'complete'));
ALTER TABLE response ADD COLUMN language text NOT NULL DEFAULT 'nl' CHECK (language ~ '^[a-z]{2,3}$');
ALTER TABLE response ADD COLUMN screen_reached smallint NOT NULL DEFAULT 0;
ALTER TABLE response ADD COLUMN resume_token_hash text;
ALTER TABLE response ADD COLUMN updated_at timestamptz;
-- Hidden fields without a column of their own (touchpoint, custom) as filled from the link or invitation.
ALTER TABLE response ADD COLUMN context jsonb;
-- The resume link /s/{key}/verder/{token} finds its partial response by the token's hash.
CREATE UNIQUE INDEX response_resume_idx ON response (organisation_id, resume_token_hash)
  WHERE resume_token_hash IS NOT NULL;

-- Purpose-bound consent (AVG art. 7): one row per purpose, with the statement exactly as shown, so the
-- organisation can prove what was agreed to and honour a withdrawal.
CREATE TABLE consent (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  response_id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('recontact', 'quoting', 'panel')),
  given boolean NOT NULL,
  statement text NOT NULL,
  language text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, response_id, purpose),
  FOREIGN KEY (organisation_id, response_id) REFERENCES response (organisation_id, id) ON DELETE CASCADE
);
-- Follow-up and panel recruitment ask "who agreed to purpose X"; the unique key above serves per response.
CREATE INDEX consent_purpose_idx ON consent (organisation_id, purpose) WHERE given AND withdrawn_at IS NULL;

-- Existing surveys get their versions as definitions, built from their question rows (which only know
-- the grade, agreement and open types of the first release). Hidden fields: the standard ones.
INSERT INTO survey_version (organisation_id, survey_id, version, status, definition, created_at, published_at)
SELECT s.organisation_id, s.id, q.survey_version, 'published',
       jsonb_build_object(
         'format', 'klankbord.survey/1',
         'title', jsonb_build_object('nl', s.title),
         'languages', jsonb_build_array('nl'),
         'oneQuestionPerScreen', false,
         'hidden', jsonb_build_array(
           jsonb_build_object('code', 'kanaal', 'source', 'channel', 'queryParam', 'kanaal'),
           jsonb_build_object('code', 'zaak', 'source', 'case_reference', 'queryParam', 'zaak')),
         'pages', jsonb_build_array(jsonb_build_object(
           'shuffleStatements', false,
           'questions', jsonb_agg(
             jsonb_strip_nulls(jsonb_build_object(
               'code', q.code,
               'type', q.kind,
               'text', jsonb_build_object('nl', q.text_nl),
               'help', CASE WHEN q.help_nl IS NULL THEN NULL ELSE jsonb_build_object('nl', q.help_nl) END,
               'required', q.required,
               'driver', q.driver,
               'dontKnow', CASE WHEN q.kind = 'agreement' THEN true END,
               'maxLength', CASE WHEN q.kind = 'open' THEN coalesce(q.max_length, 2000) END,
               'rows', CASE WHEN q.kind = 'open' THEN 4 END))
             ORDER BY q.position)))),
       s.created_at, s.created_at
  FROM survey s
  JOIN question q ON q.organisation_id = s.organisation_id AND q.survey_id = s.id
 GROUP BY s.organisation_id, s.id, s.title, s.created_at, q.survey_version;
COMMENT ON COLUMN response.context IS 'personal; retention=P2Y';
