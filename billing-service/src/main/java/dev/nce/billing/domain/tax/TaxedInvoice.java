package dev.nce.billing.domain.tax;

import dev.nce.billing.domain.InvoiceDraft;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice draft with its D23 tax and D24 document facts: {@code draft.total()} = subtotal + taxTotal; the seller
 * (null while no seller profile exists) and customer blocks as at issue; {@code lineTaxCodes} in line order;
 * {@code title} "Invoice", or "Tax invoice" for an Australian seller.
 */
public record TaxedInvoice(InvoiceDraft draft, LocalDate dueDate, String title, InvoiceParty seller,
                           InvoiceParty customer, List<TaxLine> taxLines, BigDecimal taxTotal, List<String> legalNotes,
                           List<String> lineTaxCodes, String sellerFooter, String paymentInstructions) {}
