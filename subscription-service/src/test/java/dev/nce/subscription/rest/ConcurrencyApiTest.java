package dev.nce.subscription.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** DESIGN.md section 6: concurrent changes to one subscription never lose a seat (customer lock + @Version retry). */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(4)
class ConcurrencyApiTest {

    static final String OFFER = "CFQ7TTC0CONC:0001";

    static {
        FakeCatalog.register(OFFER, "10.00", "9.00", "P1Y/MONTHLY", "P1Y/ANNUAL");
    }

    @Inject
    EntityManager em;

    @Transactional
    long remainingSeats(String id) {
        return ((Number) em.createNativeQuery("SELECT coalesce(sum(quantity), 0) FROM seat_batch WHERE subscription_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    @Test
    void parallel_increases_on_one_subscription_lose_no_seat() throws Exception {
        String customer = Api.customer("Concurrent");
        String id = Api.buy(customer, OFFER, "P1Y", "MONTHLY", 1);
        int requests = 24;
        List<Integer> targets = new ArrayList<>();
        for (int q = 2; q < 2 + requests; q++) {
            targets.add(q);
        }
        Collections.shuffle(targets);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int target : targets) {
                Callable<Integer> call = () -> Api.patch(id, "{\"quantity\":" + target + "}").then().extract().statusCode();
                answers.add(pool.submit(call));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        JsonPath sub = Api.get(id).then().statusCode(200).extract().jsonPath();
        int quantity = sub.getInt("quantity");
        // every seat of the subscription is in exactly one batch: nothing was added or removed twice
        assertThat(remainingSeats(id)).isEqualTo(quantity);
        // the history is one serial chain: each change starts from the quantity the previous one left
        JsonPath events = Api.admin().queryParam("limit", 1000).get("/v1/subscriptions/" + id + "/events").then().extract().jsonPath();
        List<Integer> previous = events.getList("items.findAll { it.type == 'QuantityChanged' }.payload.previousQuantity");
        List<Integer> next = events.getList("items.findAll { it.type == 'QuantityChanged' }.payload.newQuantity");
        assertThat(previous).hasSizeGreaterThan(0);
        assertThat(previous.get(0)).isEqualTo(1);
        for (int i = 1; i < previous.size(); i++) {
            assertThat(previous.get(i)).isEqualTo(next.get(i - 1));
        }
        assertThat(next.get(next.size() - 1)).isEqualTo(quantity);
        // the version counts every committed change
        assertThat(sub.getLong("version")).isEqualTo(previous.size());
    }
}
