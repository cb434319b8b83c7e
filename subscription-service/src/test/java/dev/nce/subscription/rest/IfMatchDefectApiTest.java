package dev.nce.subscription.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 5: 200 concurrent "read quantity, PATCH quantity + 1" clients all got 200 and the quantity rose by 1.
 * Subscriptions answer a strong ETag of their version and honour If-Match (412 precondition-failed, API.md).
 */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
class IfMatchDefectApiTest {

    static final String OFFER = "CFQ7TTC0ETAG:0001";

    static {
        FakeCatalog.register(OFFER, "10.00", "9.50", "P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL");
    }

    @Test
    void a_stale_if_match_is_412_and_the_read_modify_write_race_loses_no_seat() throws Exception {
        String customer = Api.customer("ETag Racer");
        String id = Api.buy(customer, OFFER, "P1Y", "ANNUAL", 5);
        var read = Api.get(id).then().statusCode(200).extract();
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"" + read.path("version") + "\"");

        // ten clients read the same version and each PATCHes quantity + 1 with If-Match: one wins, nine get 412
        List<Integer> statuses = Api.race(10, () -> Api.json().header("If-Match", etag)
                .body("{\"quantity\":6}").patch("/v1/subscriptions/" + id).statusCode());
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);

        var after = Api.get(id).then().statusCode(200).body("quantity", equalTo(6)).extract();
        assertThat(after.header("ETag")).isNotEqualTo(etag).isEqualTo("\"" + after.path("version") + "\"");
        Api.json().header("If-Match", etag).body("{\"quantity\":7}").patch("/v1/subscriptions/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("code", equalTo("precondition-failed"));
        // the answer's ETag is the version a next If-Match must name
        String fresh = Api.json().header("If-Match", after.header("ETag")).body("{\"quantity\":7}")
                .patch("/v1/subscriptions/" + id).then().statusCode(200).body("quantity", equalTo(7)).extract().header("ETag");
        Api.get(id).then().header("ETag", equalTo(fresh));
        // without If-Match the change applies to the current state, as before
        Api.patch(id, "{\"quantity\":8}").then().statusCode(200).body("quantity", equalTo(8));
        // actions honour If-Match too
        Api.json().header("If-Match", fresh).post("/v1/subscriptions/" + id + "/suspend")
                .then().statusCode(412).body("code", equalTo("precondition-failed"));
    }
}
