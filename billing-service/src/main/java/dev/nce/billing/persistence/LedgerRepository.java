package dev.nce.billing.persistence;

import dev.nce.billing.domain.BatchCharge;
import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.domain.Charge;
import dev.nce.billing.domain.LedgerChange;
import dev.nce.billing.domain.LedgerChange.AddCharge;
import dev.nce.billing.domain.LedgerChange.DropScheduled;
import dev.nce.billing.domain.LedgerChange.EndSegments;
import dev.nce.billing.domain.LedgerChange.RecordBatch;
import dev.nce.billing.domain.LedgerView;
import dev.nce.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Types;
import org.hibernate.Session;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The charge ledger in PostgreSQL: what the planner reads and how its changes are applied (blocking, JDBC). */
@ApplicationScoped
public class LedgerRepository implements LedgerView {

    @Inject
    EntityManager em;
    @Inject
    CatalogRepository catalog;

    /** Makes sure a customer row exists (events of a customer billing has no CustomerCreated for yet). */
    public void ensureCustomer(String customerId) {
        em.createNativeQuery("INSERT INTO billing_customer (customer_id, key_partition) VALUES (?1, ?2) "
                        + "ON CONFLICT (customer_id) DO NOTHING")
                .setParameter(1, customerId)
                .setParameter(2, Topics.partitionFor(customerId, Topics.KEYED_PARTITIONS))
                .executeUpdate();
    }

    public List<Charge> segmentsOf(String subscriptionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + ChargeRows.COLUMNS + " FROM charge "
                        + "WHERE subscription_id = ?1 AND kind = 'SEGMENT' ORDER BY start_date, id")
                .setParameter(1, subscriptionId).getResultList();
        return rows.stream().map(ChargeRows::of).toList();
    }

    /** What the invoice of {@code period} reads for one customer (preview). */
    public List<Charge> chargesFor(String customerId, BillingPeriod period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + ChargeRows.COLUMNS + " FROM charge "
                        + "WHERE customer_id = ?4 AND " + ChargeRows.FOR_PERIOD + " ORDER BY id")
                .setParameter(1, period.firstDay()).setParameter(2, period.lastDay())
                .setParameter(3, period.toString()).setParameter(4, customerId).getResultList();
        return rows.stream().map(ChargeRows::of).toList();
    }

    public void apply(String customerId, LedgerChange change) {
        if (change instanceof EndSegments end) {
            em.createNativeQuery("DELETE FROM charge WHERE subscription_id = ?1 AND kind = 'SEGMENT' AND start_date >= ?2")
                    .setParameter(1, end.subscriptionId()).setParameter(2, end.from()).executeUpdate();
            em.createNativeQuery("UPDATE charge SET end_date = ?3 WHERE subscription_id = ?1 AND kind = 'SEGMENT' "
                            + "AND end_date >= ?2")
                    .setParameter(1, end.subscriptionId()).setParameter(2, end.from())
                    .setParameter(3, end.from().minusDays(1)).executeUpdate();
        } else if (change instanceof AddCharge add) {
            insert(customerId, add.charge());
        } else if (change instanceof DropScheduled drop) {
            em.createNativeQuery("DELETE FROM charge WHERE subscription_id = ?1 AND scheduled AND start_date >= ?2")
                    .setParameter(1, drop.subscriptionId()).setParameter(2, drop.from()).executeUpdate();
        } else if (change instanceof RecordBatch batch) {
            // the batch's pieces are replaced as a whole (a re-recorded batch, or seat counts after a credit)
            em.createNativeQuery("DELETE FROM batch_charge WHERE subscription_id = ?1 AND batch_id = ?2")
                    .setParameter(1, batch.subscriptionId()).setParameter(2, batch.batchId()).executeUpdate();
            insertPieces(batch);
        }
    }

    private void insertPieces(RecordBatch batch) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO batch_charge (subscription_id, "
                    + "batch_id, piece, offer_id, description, charge_start, charge_end, days_in_period, unit_price, "
                    + "currency, billing_months, charged_period, promotion_id, tier, seats, credited_seat_days) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int piece = 0;
                for (BatchCharge p : batch.pieces()) {
                    ps.setString(1, batch.subscriptionId());
                    ps.setString(2, batch.batchId());
                    ps.setInt(3, piece++);
                    ps.setString(4, p.offerId());
                    ps.setString(5, p.description());
                    ps.setObject(6, p.chargeStart());
                    ps.setObject(7, p.chargeEnd());
                    ps.setInt(8, p.daysInPeriod());
                    ps.setBigDecimal(9, p.unitPrice());
                    ps.setString(10, p.currency());
                    ps.setInt(11, p.billingMonths());
                    ps.setString(12, p.chargedPeriod().toString());
                    ps.setString(13, p.promotionId());
                    ps.setInt(14, p.tier());
                    ps.setObject(15, p.seats(), Types.INTEGER);
                    ps.setLong(16, p.creditedSeatDays());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private void insert(String customerId, Charge c) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO charge (customer_id, "
                    + ChargeRows.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, customerId);
                ps.setString(2, c.kind().name());
                ps.setString(3, c.subscriptionId());
                ps.setString(4, c.offerId());
                ps.setString(5, c.description());
                ps.setString(6, c.type().name());
                ps.setObject(7, c.startDate());
                ps.setObject(8, c.endDate());
                ps.setInt(9, c.quantity());
                ps.setBigDecimal(10, c.unitPrice());
                ps.setString(11, c.pricingCurrency());
                ps.setObject(12, c.billingMonths(), Types.INTEGER);
                ps.setObject(13, c.daysActive(), Types.INTEGER);
                ps.setObject(14, c.daysInPeriod(), Types.INTEGER);
                ps.setString(15, c.bookPeriod() == null ? null : c.bookPeriod().toString());
                ps.setString(16, c.fxPeriod() == null ? null : c.fxPeriod().toString());
                ps.setShort(17, (short) c.sign());
                ps.setBoolean(18, c.scheduled());
                ps.setString(19, c.promotionId());
                ps.setLong(20, c.priorSeatDays());
                ps.setBigDecimal(21, c.periodPrice());
                ps.executeUpdate();
            }
        });
    }

    @Override
    public List<BatchCharge> batchCharges(String subscriptionId, String batchId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT offer_id, description, charge_start, charge_end, "
                        + "days_in_period, unit_price, currency, billing_months, charged_period, promotion_id, tier, "
                        + "seats, credited_seat_days FROM batch_charge WHERE subscription_id = ?1 AND batch_id = ?2 ORDER BY piece")
                .setParameter(1, subscriptionId).setParameter(2, batchId).getResultList();
        return rows.stream().map(r -> new BatchCharge((String) r[0], (String) r[1],
                ChargeRows.date(r[2]), ChargeRows.date(r[3]), ((Number) r[4]).intValue(), (BigDecimal) r[5],
                (String) r[6], ((Number) r[7]).intValue(), ChargeRows.period(r[8]), (String) r[9],
                ((Number) r[10]).intValue(), ChargeRows.integer(r[11]), ((Number) r[12]).longValue())).toList();
    }

    @Override
    public Optional<String> offerName(String offerId) {
        return CatalogOfferEntity.<CatalogOfferEntity>findByIdOptional(offerId).map(o -> o.name);
    }

    @Override
    public Optional<dev.nce.billing.domain.TermPrice> termPrice(String offerId, String currency,
                                                                dev.nce.contracts.Term term,
                                                                dev.nce.contracts.BillingFrequency billing,
                                                                LocalDate on) {
        return catalog.termPrice(offerId, currency, term, billing, on);
    }

    /** The first day any charge starts on, if the ledger has any (where catch-up due work begins). */
    public Optional<LocalDate> earliestChargeDate() {
        Object value = em.createNativeQuery("SELECT MIN(LEAST(start_date, COALESCE(to_date(book_period, 'YYYY-MM'), "
                + "start_date))) FROM charge").getSingleResult();
        return Optional.ofNullable(ChargeRows.date(value));
    }
}
