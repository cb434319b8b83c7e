-- D25: the Partner Center subscription a subscription resells (PATCH microsoftSubscriptionId), for reconciliation.
ALTER TABLE subscription ADD COLUMN microsoft_subscription_id TEXT;
