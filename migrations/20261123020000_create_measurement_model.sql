-- The measurement model (Overheidsbreed Meethuis): the shipped standard template 'kern' as global
-- reference data, and per organisation the versions of its own model. See docs/measurement-model.md.
--
-- Reference tables (listed in GLOBAL_TABLES, src/platform/db/catalog.ts) hold locked, versioned
-- bouwblokken: a row is never changed; a new wording or scale is a new version in a new migration.
-- The rows below equal src/modules/measurement/kern-template.ts (a test compares them).
--
-- Tenant tables: measurement_model holds one row per version of an organisation's model (draft or
-- published); goals, KPIs, drivers, statements and process indicators hang off one version. A published
-- version is immutable: the application refuses the change, and a trigger refuses it in the database too.

CREATE TABLE measurement_scale (
  id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  kind text NOT NULL CHECK (kind IN ('grade', 'agreement')),
  name_nl text NOT NULL,
  min_value integer NOT NULL,
  max_value integer NOT NULL,
  dont_know boolean NOT NULL,
  PRIMARY KEY (id, version)
);

CREATE TABLE measurement_scale_point (
  scale_id text NOT NULL,
  scale_version integer NOT NULL,
  position integer NOT NULL,
  value text NOT NULL,
  label_nl text NOT NULL,
  PRIMARY KEY (scale_id, scale_version, position),
  UNIQUE (scale_id, scale_version, value),
  FOREIGN KEY (scale_id, scale_version) REFERENCES measurement_scale (id, version)
);

-- A bouwblok: one element of the house (goal, KPI, driver or process indicator), versioned.
CREATE TABLE measurement_block (
  id text NOT NULL CHECK (id ~ '^[a-z0-9_]+\.[a-z0-9_]+$'),
  version integer NOT NULL CHECK (version >= 1),
  kind text NOT NULL CHECK (kind IN ('goal', 'kpi', 'driver', 'process')),
  code text NOT NULL,
  name_nl text NOT NULL,
  description_nl text NOT NULL,
  unit text CHECK (unit IN ('days', 'count', 'category', 'boolean')),
  data_source text,
  sources text NOT NULL,
  PRIMARY KEY (id, version)
);

-- The exact wording of a core question inside a bouwblok version, on one scale version.
CREATE TABLE measurement_core_question (
  block_id text NOT NULL,
  block_version integer NOT NULL,
  code text NOT NULL,
  position integer NOT NULL,
  text_nl text NOT NULL,
  help_nl text,
  scale_id text NOT NULL,
  scale_version integer NOT NULL,
  PRIMARY KEY (block_id, block_version, code),
  FOREIGN KEY (block_id, block_version) REFERENCES measurement_block (id, version),
  FOREIGN KEY (scale_id, scale_version) REFERENCES measurement_scale (id, version)
);

CREATE TABLE measurement_template (
  id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  name_nl text NOT NULL,
  description_nl text NOT NULL,
  PRIMARY KEY (id, version)
);

-- Which bouwblokken a template holds, where they hang in the house, and whether a new model gets them.
CREATE TABLE measurement_template_block (
  template_id text NOT NULL,
  template_version integer NOT NULL,
  block_id text NOT NULL,
  block_version integer NOT NULL,
  position integer NOT NULL,
  parent_block_id text,
  in_default boolean NOT NULL,
  PRIMARY KEY (template_id, template_version, block_id),
  FOREIGN KEY (template_id, template_version) REFERENCES measurement_template (id, version),
  FOREIGN KEY (block_id, block_version) REFERENCES measurement_block (id, version)
);

-- One row per version of an organisation's model.
CREATE TABLE measurement_model (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  name text NOT NULL,
  template_id text NOT NULL,
  template_version integer NOT NULL,
  based_on_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  CHECK ((status = 'published') = (published_at IS NOT NULL)),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, version),
  FOREIGN KEY (template_id, template_version) REFERENCES measurement_template (id, version),
  FOREIGN KEY (organisation_id, based_on_id) REFERENCES measurement_model (organisation_id, id)
);
-- At most one draft per organisation; also serves "the organisation's draft".
CREATE UNIQUE INDEX measurement_model_draft_idx ON measurement_model (organisation_id) WHERE status = 'draft';

CREATE TABLE measurement_model_goal (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  model_id uuid NOT NULL,
  position integer NOT NULL,
  code text NOT NULL,
  name_nl text NOT NULL,
  description_nl text,
  origin text NOT NULL CHECK (origin IN ('core', 'local')),
  core_block_id text,
  core_block_version integer,
  CHECK (origin = 'local' OR core_block_id IS NOT NULL),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, model_id, code),
  -- Target of the KPI's foreign key, so a KPI can only hang under a goal of the same version.
  UNIQUE (organisation_id, model_id, id),
  FOREIGN KEY (organisation_id, model_id) REFERENCES measurement_model (organisation_id, id),
  FOREIGN KEY (core_block_id, core_block_version) REFERENCES measurement_block (id, version)
);

CREATE TABLE measurement_model_kpi (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  model_id uuid NOT NULL,
  goal_id uuid NOT NULL,
  position integer NOT NULL,
  code text NOT NULL,
  name_nl text NOT NULL,
  description_nl text,
  text_nl text NOT NULL,
  help_nl text,
  scale_id text NOT NULL,
  scale_version integer NOT NULL,
  origin text NOT NULL CHECK (origin IN ('core', 'local')),
  core_block_id text,
  core_block_version integer,
  core_question_code text,
  CHECK (origin = 'local' OR core_question_code IS NOT NULL),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, model_id, code),
  UNIQUE (organisation_id, model_id, id),
  FOREIGN KEY (organisation_id, model_id, goal_id) REFERENCES measurement_model_goal (organisation_id, model_id, id),
  FOREIGN KEY (scale_id, scale_version) REFERENCES measurement_scale (id, version),
  FOREIGN KEY (core_block_id, core_block_version, core_question_code)
    REFERENCES measurement_core_question (block_id, block_version, code)
);

CREATE TABLE measurement_model_driver (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  model_id uuid NOT NULL,
  kpi_id uuid NOT NULL,
  position integer NOT NULL,
  code text NOT NULL,
  name_nl text NOT NULL,
  description_nl text,
  origin text NOT NULL CHECK (origin IN ('core', 'local')),
  core_block_id text,
  core_block_version integer,
  CHECK (origin = 'local' OR core_block_id IS NOT NULL),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, model_id, code),
  UNIQUE (organisation_id, model_id, id),
  FOREIGN KEY (organisation_id, model_id, kpi_id) REFERENCES measurement_model_kpi (organisation_id, model_id, id),
  FOREIGN KEY (core_block_id, core_block_version) REFERENCES measurement_block (id, version)
);

-- A stelling. origin 'core': the exact core question. origin 'local' with core_* set: a core question
-- whose wording or scale the organisation changed (core_* says where it came from); comparable no longer.
CREATE TABLE measurement_model_statement (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  model_id uuid NOT NULL,
  driver_id uuid NOT NULL,
  position integer NOT NULL,
  code text NOT NULL,
  text_nl text NOT NULL,
  help_nl text,
  scale_id text NOT NULL,
  scale_version integer NOT NULL,
  origin text NOT NULL CHECK (origin IN ('core', 'local')),
  core_block_id text,
  core_block_version integer,
  core_question_code text,
  CHECK (origin = 'local' OR core_question_code IS NOT NULL),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, model_id, code),
  FOREIGN KEY (organisation_id, model_id, driver_id) REFERENCES measurement_model_driver (organisation_id, model_id, id),
  FOREIGN KEY (scale_id, scale_version) REFERENCES measurement_scale (id, version),
  FOREIGN KEY (core_block_id, core_block_version, core_question_code)
    REFERENCES measurement_core_question (block_id, block_version, code)
);

CREATE TABLE measurement_model_process_indicator (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  model_id uuid NOT NULL,
  position integer NOT NULL,
  code text NOT NULL,
  name_nl text NOT NULL,
  description_nl text,
  unit text NOT NULL CHECK (unit IN ('days', 'count', 'category', 'boolean')),
  data_source text,
  origin text NOT NULL CHECK (origin IN ('core', 'local')),
  core_block_id text,
  core_block_version integer,
  CHECK (origin = 'local' OR core_block_id IS NOT NULL),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, model_id, code),
  FOREIGN KEY (organisation_id, model_id) REFERENCES measurement_model (organisation_id, id),
  FOREIGN KEY (core_block_id, core_block_version) REFERENCES measurement_block (id, version)
);

-- Immutability of published versions, also for writes that bypass the application (psql, scripts).
CREATE FUNCTION measurement_model_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  published boolean;
BEGIN
  IF TG_TABLE_NAME = 'measurement_model' THEN
    IF OLD.status = 'published' THEN
      RAISE EXCEPTION 'measurement model version % is published and cannot change', OLD.version
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  ELSE
    SELECT bool_or(m.status = 'published') INTO published FROM measurement_model m
     WHERE (TG_OP <> 'INSERT' AND m.organisation_id = OLD.organisation_id AND m.id = OLD.model_id)
        OR (TG_OP <> 'DELETE' AND m.organisation_id = NEW.organisation_id AND m.id = NEW.model_id);
    IF published THEN
      RAISE EXCEPTION 'a published measurement model version cannot change (%)', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER measurement_model_guard BEFORE UPDATE OR DELETE ON measurement_model
  FOR EACH ROW EXECUTE FUNCTION measurement_model_guard();
CREATE TRIGGER measurement_model_goal_guard BEFORE INSERT OR UPDATE OR DELETE ON measurement_model_goal
  FOR EACH ROW EXECUTE FUNCTION measurement_model_guard();
CREATE TRIGGER measurement_model_kpi_guard BEFORE INSERT OR UPDATE OR DELETE ON measurement_model_kpi
  FOR EACH ROW EXECUTE FUNCTION measurement_model_guard();
CREATE TRIGGER measurement_model_driver_guard BEFORE INSERT OR UPDATE OR DELETE ON measurement_model_driver
  FOR EACH ROW EXECUTE FUNCTION measurement_model_guard();
CREATE TRIGGER measurement_model_statement_guard BEFORE INSERT OR UPDATE OR DELETE ON measurement_model_statement
  FOR EACH ROW EXECUTE FUNCTION measurement_model_guard();
CREATE TRIGGER measurement_model_process_indicator_guard
  BEFORE INSERT OR UPDATE OR DELETE ON measurement_model_process_indicator
  FOR EACH ROW EXECUTE FUNCTION measurement_model_guard();

-- Reference data: the kern template, version 1.

INSERT INTO measurement_scale (id, version, kind, name_nl, min_value, max_value, dont_know) VALUES
  ('kern.cijfer', 1, 'grade', 'Rapportcijfer 1 tot en met 10', 1, 10, false),
  ('kern.eens5', 1, 'agreement', 'Eens-oneens in 5 stappen, met weet ik niet', 1, 5, true);

INSERT INTO measurement_scale_point (scale_id, scale_version, position, value, label_nl) VALUES
  ('kern.cijfer', 1, 0, '1', '1 (heel slecht)'),
  ('kern.cijfer', 1, 1, '2', '2'),
  ('kern.cijfer', 1, 2, '3', '3'),
  ('kern.cijfer', 1, 3, '4', '4'),
  ('kern.cijfer', 1, 4, '5', '5'),
  ('kern.cijfer', 1, 5, '6', '6'),
  ('kern.cijfer', 1, 6, '7', '7'),
  ('kern.cijfer', 1, 7, '8', '8'),
  ('kern.cijfer', 1, 8, '9', '9'),
  ('kern.cijfer', 1, 9, '10', '10 (uitstekend)'),
  ('kern.eens5', 1, 0, '1', 'Helemaal oneens'),
  ('kern.eens5', 1, 1, '2', 'Oneens'),
  ('kern.eens5', 1, 2, '3', 'Niet eens, niet oneens'),
  ('kern.eens5', 1, 3, '4', 'Eens'),
  ('kern.eens5', 1, 4, '5', 'Helemaal eens'),
  ('kern.eens5', 1, 5, 'dont_know', 'Weet ik niet');

INSERT INTO measurement_block (id, version, kind, code, name_nl, description_nl, unit, data_source, sources) VALUES
  ('kern.vertrouwen', 1, 'goal', 'vertrouwen', 'Vertrouwen in de overheid', 'Mensen vertrouwen erop dat de organisatie hen goed en eerlijk helpt.', NULL, NULL, '5, 6'),
  ('kern.rapportcijfer', 1, 'kpi', 'rapportcijfer', 'Rapportcijfer', 'Het cijfer dat mensen geven voor hoe zij zijn geholpen. De uitkomst die de drijfveren verklaren.', NULL, NULL, '1, 6'),
  ('kern.duidelijkheid', 1, 'driver', 'duidelijkheid', 'Duidelijkheid', 'De informatie was duidelijk en klopte.', NULL, NULL, '1, 3'),
  ('kern.snelheid', 1, 'driver', 'snelheid', 'Snelheid', 'Mensen hoefden niet lang te wachten.', NULL, NULL, '1, 3'),
  ('kern.deskundigheid', 1, 'driver', 'deskundigheid', 'Deskundigheid', 'De medewerker wist waar het over ging.', NULL, NULL, '1, 3'),
  ('kern.serieus_genomen', 1, 'driver', 'serieus_genomen', 'Serieus genomen', 'Mensen voelden zich serieus genomen en gehoord.', NULL, NULL, '3, 4, 5'),
  ('kern.gemak', 1, 'driver', 'gemak', 'Gemak', 'Het kostte weinig moeite om iets te regelen (Customer Effort Score).', NULL, NULL, '2'),
  ('kern.meedenken', 1, 'driver', 'meedenken', 'Meedenken', 'De medewerker zocht samen met de persoon naar een oplossing.', NULL, NULL, '5'),
  ('kern.inlevingsvermogen', 1, 'driver', 'inlevingsvermogen', 'Inlevingsvermogen', 'De medewerker begreep de situatie van de persoon (empathie).', NULL, NULL, '1, 5'),
  ('kern.vriendelijkheid', 1, 'driver', 'vriendelijkheid', 'Vriendelijkheid', 'De persoon werd vriendelijk en met respect behandeld.', NULL, NULL, '1, 3'),
  ('kern.doorlooptijd', 1, 'process', 'doorlooptijd', 'Doorlooptijd', 'Aantal dagen van het begin tot het einde van een zaak.', 'days', 'service_case.ended_at - service_case.started_at', '5, 6'),
  ('kern.contactmomenten', 1, 'process', 'contactmomenten', 'Aantal contactmomenten', 'Hoe vaak iemand contact had over dezelfde zaak.', 'count', 'service_case.contact_count', '5, 6'),
  ('kern.kanaal', 1, 'process', 'kanaal', 'Kanaal', 'Hoe iemand contact had: balie, telefoon, e-mail, website of brief.', 'category', 'response.channel_id, service_case.channel_id', '5, 6'),
  ('kern.herhaalcontact', 1, 'process', 'herhaalcontact', 'Herhaalcontact', 'Iemand moest opnieuw contact opnemen over dezelfde zaak (meer dan 1 contactmoment).', 'boolean', 'service_case.contact_count > 1', '2, 6');

INSERT INTO measurement_core_question (block_id, block_version, code, position, text_nl, help_nl, scale_id, scale_version) VALUES
  ('kern.rapportcijfer', 1, 'rapportcijfer', 0, 'Welk cijfer geeft u ons voor hoe wij u hebben geholpen?', '1 is heel slecht, 10 is uitstekend.', 'kern.cijfer', 1),
  ('kern.duidelijkheid', 1, 'duidelijkheid', 0, 'De informatie die ik kreeg, was duidelijk.', NULL, 'kern.eens5', 1),
  ('kern.snelheid', 1, 'snelheid', 0, 'Ik werd snel geholpen.', NULL, 'kern.eens5', 1),
  ('kern.deskundigheid', 1, 'deskundigheid', 0, 'De medewerker wist waar het over ging.', NULL, 'kern.eens5', 1),
  ('kern.serieus_genomen', 1, 'serieus_genomen', 0, 'Ik voelde mij serieus genomen.', NULL, 'kern.eens5', 1),
  ('kern.gemak', 1, 'gemak', 0, 'Het was makkelijk om te regelen wat ik wilde.', NULL, 'kern.eens5', 1),
  ('kern.meedenken', 1, 'meedenken', 0, 'De medewerker dacht met mij mee.', NULL, 'kern.eens5', 1),
  ('kern.inlevingsvermogen', 1, 'inlevingsvermogen', 0, 'De medewerker begreep mijn situatie.', NULL, 'kern.eens5', 1),
  ('kern.vriendelijkheid', 1, 'vriendelijkheid', 0, 'Ik werd vriendelijk geholpen.', NULL, 'kern.eens5', 1);

INSERT INTO measurement_template (id, version, name_nl, description_nl) VALUES
  ('kern', 1, 'Kern: standaard meethuis', 'Het standaard meethuis van Klankbord: vertrouwen als doel, het rapportcijfer als uitkomst, vijf drijfveren en vier procesgegevens.');

INSERT INTO measurement_template_block (template_id, template_version, block_id, block_version, position, parent_block_id, in_default) VALUES
  ('kern', 1, 'kern.vertrouwen', 1, 0, NULL, true),
  ('kern', 1, 'kern.rapportcijfer', 1, 1, 'kern.vertrouwen', true),
  ('kern', 1, 'kern.duidelijkheid', 1, 2, 'kern.rapportcijfer', true),
  ('kern', 1, 'kern.snelheid', 1, 3, 'kern.rapportcijfer', true),
  ('kern', 1, 'kern.deskundigheid', 1, 4, 'kern.rapportcijfer', true),
  ('kern', 1, 'kern.serieus_genomen', 1, 5, 'kern.rapportcijfer', true),
  ('kern', 1, 'kern.gemak', 1, 6, 'kern.rapportcijfer', true),
  ('kern', 1, 'kern.meedenken', 1, 7, 'kern.rapportcijfer', false),
  ('kern', 1, 'kern.inlevingsvermogen', 1, 8, 'kern.rapportcijfer', false),
  ('kern', 1, 'kern.vriendelijkheid', 1, 9, 'kern.rapportcijfer', false),
  ('kern', 1, 'kern.doorlooptijd', 1, 10, NULL, true),
  ('kern', 1, 'kern.contactmomenten', 1, 11, NULL, true),
  ('kern', 1, 'kern.kanaal', 1, 12, NULL, true),
  ('kern', 1, 'kern.herhaalcontact', 1, 13, NULL, true);
