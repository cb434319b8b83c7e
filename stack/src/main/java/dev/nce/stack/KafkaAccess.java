package dev.nce.stack;

import dev.nce.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What each service may do on the secure broker (issue 14 part 2), one SCRAM user per service named after it: WRITE on
 * the topics its outbox publishes to, READ on the topics it consumes with READ on its own consumer groups only, and
 * DESCRIBE on the platform topics (readiness lists them, billing reads the catalog topic's end offsets).
 *
 * @param user   the SCRAM user (the service's module name, as the chart's KafkaUser)
 * @param writes topics it publishes to
 * @param reads  topics it consumes
 * @param groups its consumer group ids (docs/CONVENTIONS.md "Kafka")
 */
public record KafkaAccess(Service service, String user, List<String> writes, List<String> reads, List<String> groups) {

    public static final List<KafkaAccess> ALL = List.of(
            new KafkaAccess(Service.CATALOG, "catalog-service", List.of(Topics.CATALOG_OFFERS),
                    List.of(Topics.SUBSCRIPTION_EVENTS), List.of("catalog-subscription-events")),
            new KafkaAccess(Service.SUBSCRIPTION, "subscription-service", List.of(Topics.SUBSCRIPTION_EVENTS),
                    List.of(Topics.CATALOG_OFFERS), List.of("subscription-catalog-offers")),
            new KafkaAccess(Service.BILLING, "billing-service", List.of(Topics.INVOICE_TASKS, Topics.INVOICES),
                    List.of(Topics.SUBSCRIPTION_EVENTS, Topics.CATALOG_OFFERS, Topics.INVOICE_TASKS),
                    List.of("billing-subscription-events", "billing-catalog-offers", "billing-invoice-workers")),
            new KafkaAccess(Service.NOTIFICATION, "notification-service", List.of(),
                    List.of(Topics.SUBSCRIPTION_EVENTS, Topics.INVOICES, Topics.CATALOG_OFFERS),
                    List.of("notification-subscription-events", "notification-invoices", "notification-catalog-offers")));

    public static KafkaAccess of(Service service) {
        return ALL.stream().filter(a -> a.service == service).findFirst().orElseThrow();
    }

    /** The ACL bindings of this user: literal names only, so no prefix opens another service's topic or group. */
    public List<AclBinding> acls() {
        String principal = "User:" + user;
        List<AclBinding> acls = new ArrayList<>();
        for (Topics.TopicSpec topic : Topics.ALL) {
            acls.add(allow(ResourceType.TOPIC, topic.name(), principal, AclOperation.DESCRIBE));
        }
        for (String topic : writes) {
            acls.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.WRITE));
        }
        for (String topic : reads) {
            acls.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.READ));
            // issue 16: a record it cannot process goes to that topic's dead-letter topic
            acls.add(allow(ResourceType.TOPIC, Topics.deadLetterOf(topic), principal, AclOperation.DESCRIBE));
            acls.add(allow(ResourceType.TOPIC, Topics.deadLetterOf(topic), principal, AclOperation.WRITE));
        }
        for (String group : groups) {
            acls.add(allow(ResourceType.GROUP, group, principal, AclOperation.READ));
        }
        return acls;
    }

    private static AclBinding allow(ResourceType type, String name, String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
