-- Issue 18: INVOICE_ISSUED goes to the customer's billing contacts (JSON list from the customer events; NULL: the
-- contactEmail) with the invoice PDF that billing rendered at issue (carried by InvoiceIssued, no call back).
ALTER TABLE customer ADD COLUMN billing_contact_emails TEXT;

CREATE TABLE notification_attachment (
    notification_id  UUID PRIMARY KEY,
    filename         TEXT  NOT NULL,
    content_type     TEXT  NOT NULL,
    content          BYTEA NOT NULL
);
