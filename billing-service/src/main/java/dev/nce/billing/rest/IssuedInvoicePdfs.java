package dev.nce.billing.rest;

import dev.nce.billing.persistence.BillingCustomerEntity;
import dev.nce.billing.persistence.InvoiceEntity;
import dev.nce.billing.persistence.InvoiceStore;
import dev.nce.billing.persistence.TaxStore.InvoiceTaxRow;
import dev.nce.billing.service.TaxService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Issue 18: the PDF of a just-issued invoice for its InvoiceIssued event (the INVOICE_ISSUED e-mail attaches it, no
 * consumer calls back). Only customers billing knows from a CustomerCreated get one: bulk-loaded customers are never
 * e-mailed (DESIGN.md section 5), so a 100k-invoice run renders nothing for them.
 */
@ApplicationScoped
public class IssuedInvoicePdfs {

    /** What InvoiceIssued carries beyond the header. */
    public record Issued(java.time.LocalDate dueDate, java.math.BigDecimal taxTotal, byte[] pdf) {}

    @Inject
    InvoiceStore invoices;
    @Inject
    TaxService tax;
    @Inject
    InvoiceDocuments documents;

    @Inject
    jakarta.persistence.EntityManager em;

    /** The customers among these that billing knows from a CustomerCreated (one query for a whole run). */
    public java.util.Set<String> known(java.util.List<String> customerIds) {
        if (customerIds.isEmpty()) {
            return java.util.Set.of();
        }
        return em.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            java.util.Set<String> out = new java.util.HashSet<>();
            try (var ps = connection.prepareStatement(
                    "SELECT customer_id FROM billing_customer WHERE name IS NOT NULL AND customer_id = ANY(?)")) {
                ps.setArray(1, connection.createArrayOf("text", customerIds.toArray()));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    public Optional<Issued> render(UUID invoiceId) {
        InvoiceEntity invoice = InvoiceEntity.findById(invoiceId);
        BillingCustomerEntity customer = invoice == null ? null : BillingCustomerEntity.findById(invoice.customerId);
        if (customer == null || customer.name == null) {
            return Optional.empty();
        }
        InvoiceTaxRow facts = tax.issued(invoice, customer.name);
        Views.InvoiceView view = Views.InvoiceView.of(invoice, invoices.lines(invoiceId), facts);
        return Optional.of(new Issued(facts.dueDate(), facts.taxTotal(),
                documents.pdf(view, facts.paymentInstructions(), facts.footer())));
    }
}
