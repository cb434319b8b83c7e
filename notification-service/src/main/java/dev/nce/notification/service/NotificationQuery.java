package dev.nce.notification.service;

import dev.nce.kit.clock.ClockInstantsSql;
import dev.nce.notification.domain.Channel;
import dev.nce.notification.domain.DeliveryStatus;
import dev.nce.notification.domain.NotificationKind;
import dev.nce.notification.rest.NotificationRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The customer's notification list: processed notifications show their delivery rows; a notification not processed
 * (SCHEDULED or CANCELLED) shows the channels it would use now: the e-mail and each active endpoint that takes its
 * kind. Ordered by dueAt, kind, channel (API.md), then notification and endpoint.
 */
@ApplicationScoped
public class NotificationQuery {

    public record Filter(NotificationKind kind, DeliveryStatus status, Channel channel, String subscriptionId) {}

    private static final String ROWS = "WITH rows AS ("
            + " SELECT n.notification_id, n.kind, n.subscription_id, n.term_start_date, n.batch_id, n.due_at,"
            // issue 15 item 16: status and sentAt change together, a delivery still SCHEDULED (retrying) has no sentAt
            + "   CASE WHEN d.status IN ('SENT', 'FAILED') THEN n.processed_at END AS sent_at, d.channel, d.status,"
            + "   n.invoice_id, d.endpoint_id"
            + " FROM notification n JOIN delivery d ON d.notification_id = n.notification_id"
            + " WHERE n.customer_id = :customer AND n.status = 'PROCESSED'"
            + " UNION ALL"
            + " SELECT n.notification_id, n.kind, n.subscription_id, n.term_start_date, n.batch_id, n.due_at,"
            + "   CAST(NULL AS TIMESTAMPTZ), 'EMAIL', n.status, n.invoice_id, CAST(NULL AS UUID)"
            + " FROM notification n JOIN customer c ON c.customer_id = n.customer_id"
            + " WHERE n.customer_id = :customer AND n.status <> 'PROCESSED' AND c.contact_email IS NOT NULL"
            + " UNION ALL"
            + " SELECT n.notification_id, n.kind, n.subscription_id, n.term_start_date, n.batch_id, n.due_at,"
            + "   CAST(NULL AS TIMESTAMPTZ), 'WEBHOOK', n.status, n.invoice_id, e.endpoint_id"
            + " FROM notification n JOIN webhook_endpoint e ON e.deleted_at IS NULL"
            + "   AND (e.customer_id IS NULL OR e.customer_id = n.customer_id)"
            + "   AND (',' || e.kinds || ',') LIKE ('%,' || n.kind || ',%')"
            + " WHERE n.customer_id = :customer AND n.status <> 'PROCESSED'"
            + ") ";

    @Inject
    EntityManager em;

    @Transactional
    public long count(String customerId, Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        Query q = em.createNativeQuery(ROWS + "SELECT count(*) FROM rows" + where(customerId, filter, params));
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }

    @Transactional
    public List<NotificationRow> page(String customerId, Filter filter, int limit, int offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        Query q = em.createNativeQuery(ROWS + "SELECT notification_id, kind, subscription_id, term_start_date, batch_id,"
                + " due_at, sent_at, channel, status, invoice_id, endpoint_id FROM rows" + where(customerId, filter, params)
                + " ORDER BY due_at, kind, channel, notification_id, endpoint_id NULLS FIRST LIMIT :limit OFFSET :offset");
        params.forEach(q::setParameter);
        q.setParameter("limit", limit).setParameter("offset", offset);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<NotificationRow> items = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            items.add(new NotificationRow(uuid(r[0]), NotificationKind.valueOf((String) r[1]), (String) r[2], date(r[3]),
                    (String) r[4], ClockInstantsSql.toInstant(r[5]), ClockInstantsSql.toInstant(r[6]),
                    Channel.valueOf((String) r[7]), DeliveryStatus.valueOf((String) r[8]), (String) r[9], uuid(r[10])));
        }
        return items;
    }

    private static String where(String customerId, Filter f, Map<String, Object> params) {
        params.put("customer", customerId);
        StringBuilder w = new StringBuilder(" WHERE TRUE");
        if (f.kind() != null) {
            w.append(" AND kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.status() != null) {
            w.append(" AND status = :status");
            params.put("status", f.status().name());
        }
        if (f.channel() != null) {
            w.append(" AND channel = :channel");
            params.put("channel", f.channel().name());
        }
        if (f.subscriptionId() != null) {
            w.append(" AND subscription_id = :subscriptionId");
            params.put("subscriptionId", f.subscriptionId());
        }
        return w.toString();
    }

    private static UUID uuid(Object o) {
        return o == null ? null : o instanceof UUID u ? u : UUID.fromString(o.toString());
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
    }
}
