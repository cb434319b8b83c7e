package dev.nce.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.notification.domain.Channel;
import dev.nce.notification.domain.DeliveryStatus;
import dev.nce.notification.domain.NotificationKey;
import dev.nce.notification.domain.NotificationKind;
import dev.nce.notification.domain.NotificationStatus;
import dev.nce.notification.persistence.DeliveryEntity;
import dev.nce.notification.persistence.NotificationEntity;
import dev.nce.notification.service.ClaimedDelivery;
import dev.nce.notification.service.DeliveryService;
import dev.nce.notification.support.GreenMailResource;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A crash between send and commit: the attempt's lease runs out, the delivery is claimed once more and carries the
 * same message id; the lost attempt's late outcome changes nothing (at most one resend).
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(GreenMailResource.class)
class DeliveryCrashTest {

    @Inject
    DeliveryService deliveries;

    @Test
    void a_lost_attempt_is_resent_once_with_the_same_message_id() {
        // ready one hour ahead of the wall clock, so the running dispatcher leaves it to this test
        Instant readyAt = Instant.now().plus(Duration.ofHours(1));
        NotificationKey key = NotificationKey.forInvoice("inv-crash-" + UUID.randomUUID());
        long deliveryId = QuarkusTransaction.requiringNew().call(() -> {
            NotificationEntity n = new NotificationEntity();
            n.notificationId = key.notificationId();
            n.dedupKey = key.dedupKey();
            n.customerId = "cust-crash";
            n.eventPartition = 0;
            n.kind = NotificationKind.INVOICE_ISSUED;
            n.invoiceId = key.invoiceId();
            n.dueAt = Instant.parse("2022-03-01T01:00:00Z");
            n.createdAt = n.dueAt;
            n.processedAt = n.dueAt;
            n.status = NotificationStatus.PROCESSED;
            n.subject = "Invoice";
            n.body = "body";
            n.payload = "{}";
            n.persist();
            DeliveryEntity d = new DeliveryEntity();
            d.notificationId = n.notificationId;
            d.channel = Channel.EMAIL;
            d.target = DeliveryEntity.EMAIL_TARGET;
            d.status = DeliveryStatus.SCHEDULED;
            d.messageId = DeliveryEntity.messageId(n.notificationId, d.target);
            d.recipient = "crash@example.com";
            d.nextAttemptAt = readyAt;
            d.persist();
            return d.deliveryId;
        });

        ClaimedDelivery first = mine(deliveries.claimReady(50, readyAt), deliveryId);
        assertThat(first.attempt()).isEqualTo(1);
        // still leased: not claimed again
        assertThat(deliveries.claimReady(50, readyAt.plusSeconds(60)).stream().map(ClaimedDelivery::deliveryId))
                .doesNotContain(deliveryId);
        // ...the process dies here after sending; after the lease, the delivery is claimed again with the same id
        ClaimedDelivery second = mine(deliveries.claimReady(50, readyAt.plus(Duration.ofMinutes(3))), deliveryId);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.messageId()).isEqualTo(first.messageId())
                .isEqualTo("<" + key.notificationId() + ".email@notification.nce>");

        deliveries.recordOutcome(first, Optional.empty(), readyAt.plus(Duration.ofMinutes(3)));
        assertThat(status(deliveryId)).isEqualTo(DeliveryStatus.SCHEDULED); // the stale attempt changes nothing
        deliveries.recordOutcome(second, Optional.empty(), readyAt.plus(Duration.ofMinutes(3)));
        assertThat(status(deliveryId)).isEqualTo(DeliveryStatus.SENT);
        assertThat(deliveries.claimReady(50, readyAt.plus(Duration.ofDays(1))).stream().map(ClaimedDelivery::deliveryId))
                .doesNotContain(deliveryId);
    }

    private static ClaimedDelivery mine(List<ClaimedDelivery> claimed, long deliveryId) {
        return claimed.stream().filter(c -> c.deliveryId() == deliveryId).findFirst().orElseThrow();
    }

    private static DeliveryStatus status(long deliveryId) {
        return QuarkusTransaction.requiringNew().call(() -> DeliveryEntity.<DeliveryEntity>findById(deliveryId).status);
    }
}
