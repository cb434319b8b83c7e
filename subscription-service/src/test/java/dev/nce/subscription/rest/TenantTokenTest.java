package dev.nce.subscription.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import dev.nce.testsupport.TokenMatrix;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 part 4: every route of this service's OpenAPI document with no token, an expired token, another key's,
 * alg none and another issuer's (401 unauthorized), and with customer B's token on customer A's customer and
 * subscription ids: answered exactly like unknown ids, nothing of A shown, A unchanged.
 */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(CatalogStandIn.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class TenantTokenTest {

    static final String OFFER = "CFQ7TTC0TENA:0001";
    /** Routes of the test's catalog stand-in (FakeCatalog), served by this test application only. */
    static final List<String> CATALOG_STAND_IN = List.of("/v1/offers", "/v1/price-quotes", "/v1/promotions");

    @TestHTTPResource("/")
    URL base;

    @Test
    void other_tenants_and_bad_tokens_see_nothing() throws Exception {
        FakeCatalog.register(OFFER, "10.00", "9.00", "P1Y/MONTHLY", "P1Y/ANNUAL");
        String a = Api.customer("Tenant Alpha Confidential");
        String subscription = Api.buy(a, OFFER, "P1Y", "MONTHLY", 7);
        String b = Api.customer("Tenant Beta");
        String before = Api.get(subscription).then().statusCode(200).extract().body().asString();

        TokenMatrix.Report report = TokenMatrix.run(base.toURI(), TestTokens.bearer(TestTokens.customer(b)),
                Map.of("customerId", a, "id", subscription), List.of(a, subscription, "Tenant Alpha Confidential"),
                CATALOG_STAND_IN);

        System.out.println("TenantTokenTest: " + report.routes() + " routes, " + report.calls() + " calls");
        assertThat(report.routes()).isGreaterThanOrEqualTo(20);
        assertThat(report.violations()).isEmpty();
        assertThat(Api.get(subscription).then().statusCode(200).extract().body().asString()).isEqualTo(before);
        assertThat(Api.subscriptionCount(a)).isEqualTo(1);
    }
}
