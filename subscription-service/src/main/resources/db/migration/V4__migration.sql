-- R-M3: a legacy subscription is migrated once (a migration cannot be reversed or repeated). The service checks this
-- under the customer-row lock; this index is the last line of defence (mapped to 409 invalid-state, never a 500).
CREATE UNIQUE INDEX subscription_migrated_from ON subscription (customer_id, migrated_from)
    WHERE migrated_from IS NOT NULL;
