package dev.nce.subscription.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.kit.problem.Problem;
import dev.nce.kit.problem.Problems;
import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** A lost optimistic lock is retried in a new transaction; when retries run out the answer is 409 concurrent-modification. */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(0)
class UnitOfWorkRetryTest {

    @Inject
    UnitOfWork uow;

    @Test
    void a_lost_lock_is_retried_then_succeeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = uow.write(now -> {
            if (attempts.incrementAndGet() < 3) {
                throw new OptimisticLockException("lost");
            }
            return "done at " + now;
        });
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(result).startsWith("done at ");
    }

    @Test
    void exhausted_retries_are_409_concurrent_modification() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> uow.write(now -> {
            attempts.incrementAndGet();
            throw new OptimisticLockException("lost again");
        })).satisfies(e -> {
            Problem problem = Problems.from(e);
            assertThat(problem.status()).isEqualTo(409);
            assertThat(problem.code()).isEqualTo("concurrent-modification");
        });
        assertThat(attempts.get()).isEqualTo(5);
    }

    @Test
    void other_failures_are_not_retried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> uow.write(now -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("no retry");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts.get()).isEqualTo(1);
    }
}
