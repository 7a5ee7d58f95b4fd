-- A response can name its zaak by reference (?zaak=… on the link, caseReference in the API). The
-- reference is kept so that a response that arrives before its zaak is imported is linked later.
ALTER TABLE response ADD COLUMN case_reference text CHECK (char_length(case_reference) <= 100);
COMMENT ON COLUMN response.case_reference IS 'personal; retention=P2Y';
-- Linking after a case import: the organisation's responses that name a reference but have no case yet.
CREATE INDEX response_unlinked_case_reference_idx ON response (organisation_id, case_reference)
  WHERE case_reference IS NOT NULL AND case_id IS NULL;
