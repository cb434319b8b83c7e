package dev.nce.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The business state of a service database, one digest per table (row count and md5 of the rows in a stable order),
 * to show that refused requests changed nothing (issue 16 part 3). Left out: the kit's bookkeeping tables that move on
 * their own (outbox sent_at, processed events, watermarks, the clock, idempotency keys) and the audit trail, where
 * refused requests write FAILED records by design (API.md, Audit records).
 */
public final class TableSnapshot {

    private static final Set<String> BOOKKEEPING = Set.of("flyway_schema_history", "outbox", "processed_event",
            "consumer_watermark", "platform_clock", "idempotency_key");

    private TableSnapshot() {}

    public static Map<String, String> of(DataSource dataSource) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (!BOOKKEEPING.contains(table) && !table.contains("audit")) {
                        tables.add(table);
                    }
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                        + "ORDER BY t::text)), '') FROM \"" + table + "\" t")) {
                    rs.next();
                    digests.put(table, rs.getString(1));
                }
            }
        }
        return digests;
    }
}
