-- The shipped uplift tiers (API.md catalog-service; domain ShippedUpliftTiers lists the same rows):
-- P1M/MONTHLY +20 % over B since the NCE launch (R-A4); P1Y/MONTHLY and P3Y/MONTHLY +5 % from 2025-04-01 (P3Y over B3);
-- Extended Service Term from 2026-05-04: +3 % over the P1M rate, +23 % over B for offers without a P1M plan (R-F4, D17).
INSERT INTO uplift_tier (kind, term, billing, basis, percent, effective_from) VALUES
    ('STANDARD', 'P1M', 'MONTHLY', 'BASE', 20, DATE '2022-01-10'),
    ('STANDARD', 'P1Y', 'MONTHLY', 'BASE', 5, DATE '2025-04-01'),
    ('STANDARD', 'P3Y', 'MONTHLY', 'BASE', 5, DATE '2025-04-01'),
    ('EXTENDED_SERVICE_TERM', NULL, NULL, 'P1M_RATE', 3, DATE '2026-05-04'),
    ('EXTENDED_SERVICE_TERM', NULL, NULL, 'BASE', 23, DATE '2026-05-04');
