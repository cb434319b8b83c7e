-- Issue 18: customer master data for invoices (API.md "Customers"; NCE-RULES D23 tax, D24 payment terms).
-- address, tax_ids and billing_contact_emails are JSON texts (null when unset).
ALTER TABLE customer ADD COLUMN legal_name TEXT;
ALTER TABLE customer ADD COLUMN address TEXT;
ALTER TABLE customer ADD COLUMN tax_ids TEXT;
ALTER TABLE customer ADD COLUMN tax_exempt TEXT NOT NULL DEFAULT 'NONE' CHECK (tax_exempt IN ('NONE', 'EXEMPT', 'REVERSE'));
ALTER TABLE customer ADD COLUMN payment_terms_days INT NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 120);
ALTER TABLE customer ADD COLUMN microsoft_tenant_id TEXT;
ALTER TABLE customer ADD COLUMN billing_contact_emails TEXT;
