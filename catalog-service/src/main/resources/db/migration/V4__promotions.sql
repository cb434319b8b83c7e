-- Promotions (R-K1, R-K7; API.md catalog-service): acquirable on [acquire_from, acquire_until], optional fixed
-- discount end (discount_until). offer_ids and plans ('P1M/MONTHLY') keep the request order.
CREATE TABLE promotion (
    promotion_id   VARCHAR(100)  PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    offer_ids      TEXT[]        NOT NULL,
    plans          TEXT[]        NOT NULL,
    discount_type  VARCHAR(16)   NOT NULL,
    discount_value NUMERIC(19,4) NOT NULL CHECK (discount_value > 0),
    min_seats      INT,
    max_seats      INT,
    acquire_from   DATE          NOT NULL,
    acquire_until  DATE          NOT NULL,
    discount_until DATE,
    auto_apply     BOOLEAN       NOT NULL,
    version        BIGINT        NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL
);
