-- Responses of one zaak: GET /api/v1/organisations/{slug}/cases/{reference} lists the ids of a zaak's
-- responses (src/modules/cases/find-case.ts), and joins from service_case to response by case use it too.
-- Partial: most responses (web widget, QR, kiosk) have no zaak, so they need no entry.
CREATE INDEX response_case_idx ON response (organisation_id, case_id) WHERE case_id IS NOT NULL;
