package dev.nce.billing.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.domain.InvoiceLine;
import dev.nce.billing.domain.tax.InvoiceParty;
import dev.nce.billing.domain.tax.PostalAddress;
import dev.nce.billing.domain.tax.SellerProfile;
import dev.nce.billing.domain.tax.TaxCustomer;
import dev.nce.billing.domain.tax.TaxDetermination.AppliedTax;
import dev.nce.billing.domain.tax.TaxLine;
import dev.nce.billing.domain.tax.TaxRate;
import dev.nce.billing.domain.tax.TaxedInvoice;
import dev.nce.contracts.events.CustomerDetails;
import dev.nce.contracts.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Tax rates, the seller profile, customers' master data and the tax facts of issued invoices (D23, D24). */
@ApplicationScoped
public class TaxStore {

    @Inject
    EntityManager em;

    /** The stored tax facts of an issued invoice. */
    public record InvoiceTaxRow(LocalDate dueDate, String title, InvoiceParty seller, InvoiceParty customer,
                                List<TaxLine> taxLines, BigDecimal taxTotal, List<String> legalNotes,
                                List<String> lineTaxCodes, String footer, String paymentInstructions) {}

    // ---- tax rates ------------------------------------------------------------------------------------------------

    public List<TaxRate> rates() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT code, country, region, tax_type, name, percent, "
                + "effective_from, effective_to FROM tax_rate ORDER BY country, effective_from, code").getResultList();
        return rows.stream().map(TaxStore::rate).toList();
    }

    public Optional<TaxRate> lockRate(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT code, country, region, tax_type, name, percent, "
                + "effective_from, effective_to FROM tax_rate WHERE code = ?1 FOR UPDATE").setParameter(1, code)
                .getResultList();
        return rows.stream().map(TaxStore::rate).findFirst();
    }

    public void insertRate(TaxRate r, Instant now) {
        em.createNativeQuery("INSERT INTO tax_rate (code, country, region, tax_type, name, percent, effective_from, "
                        + "effective_to, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)")
                .setParameter(1, r.code()).setParameter(2, r.country()).setParameter(3, r.region())
                .setParameter(4, r.taxType().name()).setParameter(5, r.name()).setParameter(6, r.percent())
                .setParameter(7, r.effectiveFrom()).setParameter(8, r.effectiveTo()).setParameter(9, now)
                .executeUpdate();
    }

    public void updateEffectiveTo(String code, LocalDate effectiveTo, Instant now) {
        em.createNativeQuery("UPDATE tax_rate SET effective_to = ?2, updated_at = ?3 WHERE code = ?1")
                .setParameter(1, code).setParameter(2, effectiveTo).setParameter(3, now).executeUpdate();
    }

    private static TaxRate rate(Object[] r) {
        return new TaxRate((String) r[0], (String) r[1], (String) r[2], TaxRate.TaxType.valueOf((String) r[3]),
                (String) r[4], (BigDecimal) r[5], ChargeRows.date(r[6]), ChargeRows.date(r[7]));
    }

    // ---- seller profile -------------------------------------------------------------------------------------------

    public Optional<SellerProfile> seller() {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT profile FROM seller_profile WHERE id = 1").getResultList();
        return rows.stream().findFirst().map(json -> read(json, SellerProfile.class));
    }

    public void saveSeller(SellerProfile profile, Instant now) {
        em.createNativeQuery("INSERT INTO seller_profile (id, profile, updated_at) VALUES (1, ?1, ?2) "
                        + "ON CONFLICT (id) DO UPDATE SET profile = EXCLUDED.profile, updated_at = EXCLUDED.updated_at")
                .setParameter(1, EventJson.write(profile)).setParameter(2, now).executeUpdate();
    }

    // ---- customers --------------------------------------------------------------------------------------------------

    /** Stores the master data of a customer event (older events without it leave the copy as it is). */
    public void saveCustomerDetails(String customerId, CustomerDetails details) {
        if (details == null) {
            return;
        }
        em.flush(); // the customer row may have just been persisted
        em.createNativeQuery("UPDATE billing_customer SET details = ?2 WHERE customer_id = ?1")
                .setParameter(1, customerId).setParameter(2, EventJson.write(details)).executeUpdate();
    }

    /** What D23/D24 need of these customers (a customer without a row or without master data: name only). */
    public Map<String, TaxCustomer> customers(List<String> customerIds) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, TaxCustomer> out = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT customer_id, name, details FROM billing_customer WHERE customer_id = ANY(?)")) {
                Array ids = connection.createArrayOf("text", customerIds.toArray());
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), customer(rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    static TaxCustomer customer(String name, String detailsJson) {
        if (detailsJson == null) {
            return TaxCustomer.unknown(name);
        }
        CustomerDetails d = read(detailsJson, CustomerDetails.class);
        CustomerDetails.Address a = d.address();
        PostalAddress address = a == null ? null
                : new PostalAddress(a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country());
        List<TaxCustomer.TaxIdentifier> ids = d.taxIds() == null ? List.of()
                : d.taxIds().stream().map(t -> new TaxCustomer.TaxIdentifier(t.type(), t.value())).toList();
        return new TaxCustomer(name, d.legalName(), address, ids, d.taxExempt(), d.paymentTermsDays());
    }

    // ---- invoice tax facts ----------------------------------------------------------------------------------------

    /** Inserts the tax facts of the invoices whose header exists (a header lost to a conflict is skipped). */
    public void insert(Map<UUID, TaxedInvoice> taxed) {
        if (taxed.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO invoice_tax (invoice_id, due_date, "
                    + "title, seller, customer, tax_lines, tax_total, legal_notes, line_tax_codes, footer, "
                    + "payment_instructions) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS "
                    + "(SELECT 1 FROM invoice WHERE invoice_id = ?) ON CONFLICT (invoice_id) DO NOTHING")) {
                for (Map.Entry<UUID, TaxedInvoice> e : taxed.entrySet()) {
                    TaxedInvoice t = e.getValue();
                    ps.setObject(1, e.getKey());
                    ps.setObject(2, t.dueDate());
                    ps.setString(3, t.title());
                    ps.setString(4, t.seller() == null ? null : EventJson.write(t.seller()));
                    ps.setString(5, EventJson.write(t.customer()));
                    ps.setString(6, EventJson.write(t.taxLines()));
                    ps.setBigDecimal(7, t.taxTotal());
                    ps.setString(8, EventJson.write(t.legalNotes()));
                    ps.setArray(9, connection.createArrayOf("text", t.lineTaxCodes().toArray()));
                    ps.setString(10, t.sellerFooter());
                    ps.setString(11, t.paymentInstructions());
                    ps.setObject(12, e.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    public Optional<InvoiceTaxRow> invoiceTax(UUID invoiceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT due_date, title, seller, customer, tax_lines, tax_total, "
                + "legal_notes, array_to_string(line_tax_codes, ','), footer, payment_instructions FROM invoice_tax "
                + "WHERE invoice_id = ?1").setParameter(1, invoiceId).getResultList();
        return rows.stream().findFirst().map(r -> new InvoiceTaxRow(ChargeRows.date(r[0]), (String) r[1],
                r[2] == null ? null : read((String) r[2], InvoiceParty.class), read((String) r[3], InvoiceParty.class),
                read((String) r[4], new TypeReference<List<TaxLine>>() { }), (BigDecimal) r[5],
                read((String) r[6], new TypeReference<List<String>>() { }),
                ((String) r[7]).isEmpty() ? List.of() : List.of(((String) r[7]).split(",", -1)),
                (String) r[8], (String) r[9]));
    }

    /**
     * D23: the tax a credit's reversed charge was issued with: the latest earlier issued line of the same
     * subscription with a positive amount whose charge dates overlap the credit's. Empty when there is none; a
     * charge issued before tax existed (no tax facts) was out of scope.
     */
    public Optional<AppliedTax> reversedChargeTax(String customerId, BillingPeriod period, InvoiceLine credit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT t.line_tax_codes[l.line_no], t.tax_lines, "
                        + "(t.invoice_id IS NOT NULL) FROM invoice_line l JOIN invoice i ON i.invoice_id = l.invoice_id "
                        + "LEFT JOIN invoice_tax t ON t.invoice_id = l.invoice_id WHERE i.customer_id = ?1 "
                        + "AND i.period < ?2 AND i.invoice_number IS NOT NULL AND l.subscription_id = ?3 AND l.amount > 0 "
                        + "AND l.charge_start_date <= ?5 AND l.charge_end_date >= ?4 "
                        + "ORDER BY i.period DESC, l.line_no DESC LIMIT 1")
                .setParameter(1, customerId).setParameter(2, period.toString())
                .setParameter(3, credit.subscriptionId()).setParameter(4, credit.chargeStartDate())
                .setParameter(5, credit.chargeEndDate()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        if (!Boolean.TRUE.equals(r[2])) {
            return Optional.of(AppliedTax.OUT_OF_SCOPE);
        }
        String code = (String) r[0];
        return read((String) r[1], new TypeReference<List<TaxLine>>() { }).stream()
                .filter(t -> t.taxCode().equals(code)).findFirst()
                .map(t -> new AppliedTax(t.taxCode(), t.taxType(), t.treatment(), t.percent()));
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
