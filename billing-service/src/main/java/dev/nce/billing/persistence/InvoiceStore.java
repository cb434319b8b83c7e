package dev.nce.billing.persistence;

import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.domain.Charge;
import dev.nce.billing.domain.ChargeType;
import dev.nce.billing.domain.InvoiceDraft;
import dev.nce.billing.domain.InvoiceLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Invoices in PostgreSQL. Workers read a task's customers and write its invoices with a few set-based statements
 * (multi-row INSERT ... SELECT FROM unnest(...)), unique on (customer, period) with ON CONFLICT DO NOTHING, so a
 * redelivered task skips what it already built (DESIGN.md section 4).
 */
@ApplicationScoped
public class InvoiceStore {

    @Inject
    EntityManager em;

    /** What a worker needs about a task's customers. */
    public record TaskInputs(Map<String, String> currencies, Map<String, List<Charge>> charges, Set<String> invoiced) {}

    public record NewInvoice(UUID invoiceId, InvoiceDraft draft, LocalDate issueDate) {}

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    /**
     * A time-ordered (version 7 layout) invoice id: rows of one run land next to each other in the primary-key
     * indexes of invoice and invoice_line instead of at random places.
     */
    public static UUID newInvoiceId() {
        long millis = System.currentTimeMillis();
        long counter = SEQUENCE.incrementAndGet() & 0xFFFL;
        long high = (millis << 16) | 0x7000L | counter;
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** An invoice numbered by {@link #numberNewInvoices}: what InvoiceIssued carries. */
    public record Numbered(UUID invoiceId, String invoiceNumber, String customerId, LocalDate issueDate,
                           String currency, BigDecimal subtotal, BigDecimal total, int lineCount) {}

    public TaskInputs load(List<String> customerIds, BillingPeriod period) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Array ids = connection.createArrayOf("text", customerIds.toArray());
            Map<String, String> currencies = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT customer_id, billing_currency FROM billing_customer WHERE customer_id = ANY(?)")) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        currencies.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            Map<String, List<Charge>> charges = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + ChargeRows.COLUMNS
                    + ", customer_id FROM charge WHERE customer_id = ANY(?) AND ((kind = 'SEGMENT' AND start_date <= ? "
                    + "AND end_date >= ?) OR (kind = 'FIXED' AND book_period = ?)) ORDER BY id")) {
                ps.setArray(1, ids);
                ps.setObject(2, period.lastDay());
                ps.setObject(3, period.firstDay());
                ps.setString(4, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        charges.computeIfAbsent(rs.getString(ChargeRows.COLUMN_COUNT + 1), k -> new ArrayList<>()).add(ChargeRows.of(rs));
                    }
                }
            }
            Set<String> invoiced = new HashSet<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT customer_id FROM invoice WHERE customer_id = ANY(?) AND period = ?")) {
                ps.setArray(1, ids);
                ps.setString(2, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        invoiced.add(rs.getString(1));
                    }
                }
            }
            return new TaskInputs(currencies, charges, invoiced);
        });
    }

    /** Inserts the invoices and their lines; answers how many were new (the others already existed). */
    public int insert(List<NewInvoice> invoices, UUID runId, int attempt) {
        if (invoices.isEmpty()) {
            return 0;
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Set<UUID> created = insertHeaders(connection, invoices, runId, attempt);
            insertLines(connection, invoices, created);
            return created.size();
        });
    }

    private static Set<UUID> insertHeaders(Connection connection, List<NewInvoice> invoices, UUID runId, int attempt)
            throws SQLException {
        int n = invoices.size();
        String[] id = new String[n], customer = new String[n], period = new String[n], issue = new String[n],
                currency = new String[n], subtotal = new String[n], total = new String[n], lines = new String[n];
        for (int i = 0; i < n; i++) {
            NewInvoice inv = invoices.get(i);
            id[i] = inv.invoiceId().toString();
            customer[i] = inv.draft().customerId();
            period[i] = inv.draft().period().toString();
            issue[i] = inv.issueDate().toString();
            currency[i] = inv.draft().currency();
            subtotal[i] = inv.draft().subtotal().toPlainString();
            total[i] = inv.draft().total().toPlainString();
            lines[i] = Integer.toString(inv.draft().lines().size());
        }
        Set<UUID> created = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO invoice (invoice_id, customer_id, period, "
                + "issue_date, currency, subtotal, total, line_count, run_id, attempt) SELECT i::uuid, c, p, d::date, cur, "
                + "s::numeric, t::numeric, n::int, ?, ? FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], "
                + "?::text[], ?::text[], ?::text[], ?::text[]) AS x(i, c, p, d, cur, s, t, n) "
                + "ON CONFLICT (customer_id, period) DO NOTHING RETURNING invoice_id")) {
            ps.setObject(1, runId);
            ps.setInt(2, attempt);
            String[][] columns = {id, customer, period, issue, currency, subtotal, total, lines};
            for (int c = 0; c < columns.length; c++) {
                ps.setArray(3 + c, connection.createArrayOf("text", columns[c]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    created.add((UUID) rs.getObject(1));
                }
            }
        }
        return created;
    }

    /** The lines of the invoices just created, streamed with COPY (no conflict possible: new invoice ids). */
    private static void insertLines(Connection connection, List<NewInvoice> invoices, Set<UUID> created)
            throws SQLException {
        StringBuilder csv = new StringBuilder(256 * invoices.size());
        for (NewInvoice inv : invoices) {
            if (!created.contains(inv.invoiceId())) {
                continue;
            }
            int no = 1;
            for (InvoiceLine l : inv.draft().lines()) {
                csv.append(inv.invoiceId()).append(',').append(no++).append(',');
                quoted(csv, l.subscriptionId()).append(',');
                quoted(csv, l.offerId()).append(',');
                quoted(csv, l.description()).append(',');
                csv.append(l.chargeType().name()).append(',')
                        .append(l.chargeStartDate()).append(',')
                        .append(l.chargeEndDate()).append(',')
                        .append(l.quantity()).append(',')
                        .append(l.unitPrice().toPlainString()).append(',');
                quoted(csv, l.pricingCurrency()).append(',');
                csv.append(l.fxRate().toPlainString()).append(',');
                if (l.fxRateDate() != null) {
                    csv.append(l.fxRateDate());
                }
                csv.append(',');
                if (l.billingMonths() != null) {
                    csv.append(l.billingMonths());
                }
                csv.append(',').append(l.daysActive()).append(',').append(l.daysInPeriod()).append(',')
                        .append(l.amount().toPlainString()).append(',');
                if (l.promotionId() != null) {
                    quoted(csv, l.promotionId()); // R-K6; an empty unquoted field is NULL
                }
                csv.append('\n');
            }
        }
        if (csv.isEmpty()) {
            return;
        }
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY invoice_line (invoice_id, line_no, subscription_id, offer_id, description, charge_type, "
                    + "charge_start_date, charge_end_date, quantity, unit_price, pricing_currency, fx_rate, fx_rate_date, "
                    + "billing_months, days_active, days_in_period, amount, promotion_id) FROM STDIN WITH (FORMAT csv)",
                    new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY invoice_line failed", e);
        }
    }

    /** A CSV field that is never NULL (quoted; an empty unquoted field means NULL in COPY csv). */
    private static StringBuilder quoted(StringBuilder out, String value) {
        return out.append('"').append(value == null ? "" : value.replace("\"", "\"\"")).append('"');
    }

    /**
     * D21: one statement numbers the period's new invoices in customerId order, continuing its sequence. Answers the
     * invoices it numbered, in number order.
     */
    public List<Numbered> numberNewInvoices(BillingPeriod period) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Numbered> numbered = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("WITH base AS (SELECT COALESCE(MAX(invoice_seq), 0) "
                    + "AS b FROM invoice WHERE period = ?), todo AS (SELECT invoice_id, row_number() OVER "
                    + "(ORDER BY customer_id) AS rn FROM invoice WHERE period = ? AND invoice_seq IS NULL) "
                    + "UPDATE invoice i SET invoice_seq = base.b + todo.rn, invoice_number = "
                    + dev.nce.billing.domain.InvoiceNumbers.sql("i.period", "base.b + todo.rn") + " FROM base, todo WHERE i.invoice_id = todo.invoice_id "
                    + "RETURNING i.invoice_id, i.invoice_number, i.customer_id, i.issue_date, i.currency, i.subtotal, "
                    + "i.total, i.line_count, i.invoice_seq")) {
                ps.setString(1, period.toString());
                ps.setString(2, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        numbered.add(new Numbered((UUID) rs.getObject(1), rs.getString(2), rs.getString(3),
                                rs.getDate(4).toLocalDate(), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                                rs.getInt(8)));
                    }
                }
            }
            numbered.sort(java.util.Comparator.comparing(Numbered::invoiceNumber));
            return numbered;
        });
    }

    // ---- read side ----------------------------------------------------------------------------------------------------

    /** An issued (numbered) invoice; unnumbered ones are not listed yet (D21). */
    public Optional<InvoiceEntity> findIssued(UUID invoiceId) {
        return InvoiceEntity.<InvoiceEntity>findByIdOptional(invoiceId).filter(i -> i.invoiceNumber != null);
    }

    public List<InvoiceEntity> listIssued(String customerId, BillingPeriod period, int limit, int offset) {
        String query = "customerId = ?1 and invoiceNumber is not null" + (period == null ? "" : " and period = ?2")
                + " order by period, invoiceNumber";
        var panache = period == null ? InvoiceEntity.<InvoiceEntity>find(query, customerId)
                : InvoiceEntity.<InvoiceEntity>find(query, customerId, period.toString());
        return panache.range(offset, offset + limit - 1).list();
    }

    public long countIssued(String customerId, BillingPeriod period) {
        String query = "customerId = ?1 and invoiceNumber is not null" + (period == null ? "" : " and period = ?2");
        return period == null ? InvoiceEntity.count(query, customerId)
                : InvoiceEntity.count(query, customerId, period.toString());
    }

    public List<InvoiceLine> lines(UUID invoiceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT subscription_id, offer_id, description, charge_type, "
                        + "charge_start_date, charge_end_date, quantity, unit_price, pricing_currency, fx_rate, "
                        + "fx_rate_date, billing_months, days_active, days_in_period, amount, promotion_id FROM invoice_line "
                        + "WHERE invoice_id = ?1 ORDER BY line_no")
                .setParameter(1, invoiceId).getResultList();
        return rows.stream().map(r -> new InvoiceLine((String) r[0], (String) r[1], (String) r[2],
                ChargeType.valueOf((String) r[3]), ChargeRows.date(r[4]), ChargeRows.date(r[5]),
                ((Number) r[6]).intValue(), (BigDecimal) r[7], (String) r[8], (BigDecimal) r[9],
                ChargeRows.date(r[10]), ChargeRows.integer(r[11]), ((Number) r[12]).intValue(),
                ((Number) r[13]).intValue(), (BigDecimal) r[14], (String) r[15])).toList();
    }
}
