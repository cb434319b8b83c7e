package dev.nce.catalog.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.catalog.CatalogTestDatabase;
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
 * Issue 16 part 4: every /v1 and /admin route of this service's OpenAPI document with no token, an expired token,
 * another key's, alg none, another issuer's and a non-JWT (401 unauthorized problem+json), and with a customer token
 * on unknown ids (problem+json, never 5xx).
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class CatalogTokenTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void bad_tokens_are_401_on_every_route() throws Exception {
        TokenMatrix.Report report = TokenMatrix.run(base.toURI(), TestTokens.bearer(TestTokens.customer("c-tenant-b")),
                Map.of(), List.of());
        System.out.println("CatalogTokenTest: " + report.routes() + " routes, " + report.calls() + " calls");
        assertThat(report.routes()).isGreaterThanOrEqualTo(10);
        assertThat(report.violations()).isEmpty();
    }
}
