package dev.nce.catalog;

import static io.restassured.RestAssured.given;

import dev.nce.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Helpers for REST tests: tokens, unique offer ids, a typical offer body. */
public final class CatalogApi {

    public static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());
    public static final String CUSTOMER = TestTokens.bearer(TestTokens.customer("c-1"));

    private CatalogApi() {}

    public static RequestSpecification admin() {
        return given().header("Authorization", ADMIN);
    }

    public static RequestSpecification customer() {
        return given().header("Authorization", CUSTOMER);
    }

    /** A fresh well-formed offer id, so test classes sharing one database never collide. */
    public static String newOfferId() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 11).toUpperCase(Locale.ROOT) + ":0001";
    }

    /** An M365 E3-like offer: every plan, B 32 -> 36 on 2022-03-01 (R-A8), B3 34, and a native AUD list. */
    public static String e3Body(String name) {
        return """
                {"name": "%s", "productFamily": "Microsoft 365",
                 "plans": [{"term":"P1M","billing":"MONTHLY"},{"term":"P1Y","billing":"MONTHLY"},{"term":"P1Y","billing":"ANNUAL"},
                           {"term":"P3Y","billing":"MONTHLY"},{"term":"P3Y","billing":"ANNUAL"},{"term":"P3Y","billing":"TRIENNIAL"}],
                 "prices": [{"effectiveFrom":"2022-01-01","currency":"USD","basePrice":"32.00","p3yBasePrice":"30.00"},
                            {"effectiveFrom":"2022-03-01","currency":"USD","basePrice":"36.00","p3yBasePrice":"34.00"},
                            {"effectiveFrom":"2022-01-01","currency":"AUD","basePrice":"49.00","p3yBasePrice":"47.00"},
                            {"effectiveFrom":"2022-01-01","currency":"JPY","basePrice":"4350","p3yBasePrice":"4100"}],
                 "capGroup": null, "trialAvailable": true}
                """.formatted(name);
    }

    public static Response put(String offerId, String body) {
        return admin().contentType(ContentType.JSON).body(body).put("/v1/offers/" + offerId);
    }

    public static String createE3() {
        String id = newOfferId();
        put(id, e3Body("Microsoft 365 E3 " + id)).then().statusCode(201);
        return id;
    }

    /** The catalog's now (GET /admin/clock). */
    public static Instant now() {
        return Instant.parse(admin().get("/admin/clock").then().statusCode(200).extract().path("now"));
    }
}
