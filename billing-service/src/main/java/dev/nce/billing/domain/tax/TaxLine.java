package dev.nce.billing.domain.tax;

import java.math.BigDecimal;

/** One tax line of an invoice: the lines taxed at one rate (API.md "Tax, seller and invoices"). */
public record TaxLine(String taxCode, TaxRate.TaxType taxType, TaxTreatment treatment, BigDecimal percent,
                      BigDecimal taxableAmount, BigDecimal taxAmount) {}
