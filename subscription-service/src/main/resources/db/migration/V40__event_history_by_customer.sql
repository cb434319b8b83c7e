-- D26 commitment advice reads a customer's seat history in effective order (issue 23).
CREATE INDEX event_history_customer ON event_history (customer_id, effective_at, id);
