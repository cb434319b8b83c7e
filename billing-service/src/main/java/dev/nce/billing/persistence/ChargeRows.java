package dev.nce.billing.persistence;

import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.domain.Charge;
import dev.nce.billing.domain.ChargeType;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** Maps charge rows (the column list {@link #COLUMNS}) to domain charges. */
final class ChargeRows {

    static final String COLUMNS = "kind, subscription_id, offer_id, description, charge_type, start_date, end_date, "
            + "quantity, unit_price, pricing_currency, billing_months, days_active, days_in_period, book_period, "
            + "fx_period, sign, scheduled, promotion_id, prior_seat_days, period_price";

    /** How many columns {@link #COLUMNS} lists: a query's extra columns follow at COLUMN_COUNT + 1. */
    static final int COLUMN_COUNT = COLUMNS.split(",").length;

    /** Segments overlapping the period or fixed charges booked on it (the same test as InvoiceBuilder.appliesTo). */
    static final String FOR_PERIOD = "((kind = 'SEGMENT' AND start_date <= ?2 AND end_date >= ?1) OR "
            + "(kind = 'FIXED' AND book_period = ?3))";

    private ChargeRows() {}

    static Charge of(Object[] row) {
        return new Charge(Charge.Kind.valueOf((String) row[0]), (String) row[1], (String) row[2], (String) row[3],
                ChargeType.valueOf((String) row[4]), date(row[5]), date(row[6]), ((Number) row[7]).intValue(),
                (BigDecimal) row[8], (String) row[9], integer(row[10]), integer(row[11]), integer(row[12]),
                period(row[13]), period(row[14]), ((Number) row[15]).intValue(), (Boolean) row[16],
                (String) row[17], ((Number) row[18]).longValue(), (BigDecimal) row[19]);
    }

    static Charge of(ResultSet rs) throws SQLException {
        return new Charge(Charge.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                ChargeType.valueOf(rs.getString(5)), rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(),
                rs.getInt(8), rs.getBigDecimal(9), rs.getString(10), (Integer) rs.getObject(11),
                (Integer) rs.getObject(12), (Integer) rs.getObject(13), period(rs.getString(14)),
                period(rs.getString(15)), rs.getInt(16), rs.getBoolean(17), rs.getString(18),
                rs.getLong(19), rs.getBigDecimal(20));
    }

    static LocalDate date(Object value) {
        if (value == null) return null;
        if (value instanceof LocalDate d) return d;
        if (value instanceof Date d) return d.toLocalDate();
        return LocalDate.parse(value.toString());
    }

    static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    static BillingPeriod period(Object value) {
        return value == null ? null : BillingPeriod.parse(value.toString(), "period");
    }
}
