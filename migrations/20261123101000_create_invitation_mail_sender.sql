-- The sender of an organisation's invitation mails (src/modules/invitations/settings/mail-sender.ts):
-- the display name in From (default: the organisation's name) and a Reply-To address (default: none,
-- replies go to MAIL_FROM). The From address itself stays MAIL_FROM's, whose domain has the SPF and
-- DKIM records. One row per organisation at most; no row means the defaults.
CREATE TABLE invitation_mail_sender (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  sender_name text CHECK (length(sender_name) BETWEEN 1 AND 100),
  reply_to text CHECK (length(reply_to) BETWEEN 3 AND 254),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- "The sender settings of this organisation" is the primary key lookup.
  PRIMARY KEY (organisation_id)
);
