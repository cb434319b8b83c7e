package dev.nce.bench;

import dev.nce.contracts.Topics;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Bulk-loads the synthetic ledger straight into billing's database with COPY (not through the REST API): customers
 * (USD, their key partition) and one CYCLE segment per subscription, exactly the rows the subscription-events consumer
 * would have written. Answers the independent expected grand total.
 */
public final class LedgerLoader {

    private static final int CHUNK = 50_000;

    public record Loaded(int customers, int subscriptions, BigDecimal expectedTotal) {}

    public static Loaded load(Connection connection, SyntheticLedger ledger) throws SQLException, IOException {
        connection.setAutoCommit(false);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder rows = new StringBuilder();
        for (int c = 0; c < ledger.customers(); c++) {
            String id = ledger.customerId(c);
            rows.append(id).append('\t').append("Bench customer ").append(c).append('\t').append("USD").append('\t')
                    .append(Topics.partitionFor(id, Topics.KEYED_PARTITIONS)).append('\n');
            if ((c + 1) % CHUNK == 0) {
                copy.copyIn("COPY billing_customer (customer_id, name, billing_currency, key_partition) FROM STDIN",
                        new StringReader(rows.toString()));
                rows.setLength(0);
            }
        }
        if (!rows.isEmpty()) {
            copy.copyIn("COPY billing_customer (customer_id, name, billing_currency, key_partition) FROM STDIN",
                    new StringReader(rows.toString()));
            rows.setLength(0);
        }
        BigDecimal expected = BigDecimal.ZERO;
        String copyCharges = "COPY charge (customer_id, subscription_id, offer_id, description, kind, charge_type, "
                + "start_date, end_date, quantity, unit_price, pricing_currency) FROM STDIN";
        for (int i = 0; i < ledger.subscriptions(); i++) {
            SyntheticLedger.Subscription s = ledger.subscription(i);
            expected = expected.add(ledger.expectedAmount(s));
            rows.append(s.customerId()).append('\t').append(s.subscriptionId()).append('\t').append(s.offerId())
                    .append('\t').append("Bench offer ").append(s.offerId()).append(" (P1Y/MONTHLY)").append('\t')
                    .append("SEGMENT\tCYCLE\t").append(s.start()).append('\t').append(s.end()).append('\t')
                    .append(s.quantity()).append('\t').append(s.unitPrice().toPlainString()).append("\tUSD\n");
            if ((i + 1) % CHUNK == 0) {
                copy.copyIn(copyCharges, new StringReader(rows.toString()));
                rows.setLength(0);
            }
        }
        if (!rows.isEmpty()) {
            copy.copyIn(copyCharges, new StringReader(rows.toString()));
        }
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute("ANALYZE billing_customer");
            st.execute("ANALYZE charge");
        }
        return new Loaded(ledger.customers(), ledger.subscriptions(), expected);
    }

    private LedgerLoader() {}
}
