package dev.nce.console;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Catalog: offers with plans and effective-dated prices, and the uplift tiers with their effective dates. */
@Path("/catalog")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class CatalogPage {

    @Inject
    Template catalog;
    @Inject
    Services services;
    @Inject
    Page page;

    @GET
    public TemplateInstance get(@QueryParam("q") String q) {
        ApiResult offers = services.get(Backend.CATALOG, "/v1/offers", Services.query("q", q, "limit", 1000));
        ApiResult tiers = services.get(Backend.CATALOG, "/v1/uplift-tiers", Services.query("limit", 1000));
        return page.with(catalog.data("offers", page.items(offers)).data("tiers", page.items(tiers))
                .data("q", q == null ? "" : q).data("error", offers.ok() ? null : offers.problemText()), "catalog");
    }
}
