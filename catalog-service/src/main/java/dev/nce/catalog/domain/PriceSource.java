package dev.nce.catalog.domain;

/** Where a published unit price comes from: the uplift formula over the base, or an explicit per-plan price (D2). */
public enum PriceSource { FORMULA, PLAN_PRICE }
