package dev.nce.kit;

import static io.restassured.RestAssured.given;

import dev.nce.kit.testapp.KitTestDatabase;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Issue 15 item 13: Swagger UI, /q/openapi and /q/metrics were open in production; there they need a partner role. */
@QuarkusTest
@TestProfile(OpsEndpointsProdProfileDefectTest.Prod.class)
@QuarkusTestResource(KitTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class OpsEndpointsProdProfileDefectTest {

    /** The kit's defaults as the prod profile reads them. */
    public static class Prod implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() { return "prod"; }
    }

    @Test
    void openapi_swagger_and_metrics_need_a_partner_role_in_prod_and_health_stays_open() {
        for (String path : new String[] {"/q/openapi", "/q/metrics", "/q/swagger-ui/"}) {
            given().get(path).then().statusCode(401);
            given().header("Authorization", TestTokens.bearer(TestTokens.customer("c-ops"))).get(path)
                    .then().statusCode(403);
        }
        given().header("Authorization", TestTokens.bearer(TestTokens.partnerAdmin())).get("/q/openapi").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(TestTokens.partnerAdmin())).get("/q/metrics").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }
}
