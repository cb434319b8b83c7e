package dev.nce.billing.domain.tax;

/** D23 treatments of an invoice (and of a credit line that keeps the treatment of the charge it reverses). */
public enum TaxTreatment { STANDARD, REVERSE_CHARGE, EXEMPT, OUT_OF_SCOPE }
