package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 18: the seller profile of the first start comes from Helm values (billing.sellerProfile). */
class SellerProfileValuesTest {

    @Test
    void theValuesProfileReachesBillingAsJsonAndNothingIsSetWithoutOne() throws Exception {
        assertFalse(Chart.rendered(Chart.Variant.DEFAULT).typed(ConfigMap.class, Chart.n("billing-service-config"))
                .getData().containsKey("NCE_SELLER_PROFILE_INITIAL"));
        Manifest manifest = Manifest.parse(Chart.template(Repo.chartDir(), List.of(), Map.of(
                "billing.sellerProfile.legalName", "Contoso Cloud GmbH",
                "billing.sellerProfile.address.country", "DE",
                "billing.sellerProfile.taxRegistrations[0].taxId", "DE123456789")));
        String json = manifest.typed(ConfigMap.class, Chart.n("billing-service-config")).getData().get("NCE_SELLER_PROFILE_INITIAL");
        JsonNode profile = new ObjectMapper().readTree(json);
        assertEquals("Contoso Cloud GmbH", profile.path("legalName").asText());
        assertEquals("DE", profile.path("address").path("country").asText());
        assertEquals("DE123456789", profile.path("taxRegistrations").path(0).path("taxId").asText());
    }
}
