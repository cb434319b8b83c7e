package dev.nce.notification.persistence;

import dev.nce.notification.domain.NotificationKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Registered webhook endpoints: per customer, or partner-wide (customerId null). */
@ApplicationScoped
public class WebhookEndpoints implements PanacheRepositoryBase<WebhookEndpointEntity, UUID> {

    /** The active endpoints that receive this customer's notifications of this kind. */
    public List<WebhookEndpointEntity> receiving(String customerId, NotificationKind kind) {
        return list("deletedAt is null and (customerId is null or customerId = ?1) order by createdAt, createdSeq",
                customerId).stream().filter(e -> kinds(e).contains(kind)).toList();
    }

    public WebhookEndpointEntity active(UUID endpointId) {
        WebhookEndpointEntity e = findById(endpointId);
        return e == null || e.deletedAt != null ? null : e;
    }

    public static Set<NotificationKind> kinds(WebhookEndpointEntity e) {
        if (e.kinds == null || e.kinds.isBlank()) {
            return EnumSet.allOf(NotificationKind.class);
        }
        return Arrays.stream(e.kinds.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(NotificationKind::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationKind.class)));
    }

    public static String kindsColumn(Set<NotificationKind> kinds) {
        return kinds.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
