package dev.nce.billing.domain.tax;

/** The seller or customer block of an invoice as at issue (D24): names, address and the tax id printed. */
public record InvoiceParty(String legalName, String name, PostalAddress address, String taxId) {}
