package dev.nce.catalog.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nce.catalog.domain.pricelist.ImportReport;
import dev.nce.catalog.domain.pricelist.ImportWarning;
import dev.nce.catalog.domain.pricelist.PriceListOptions;
import dev.nce.catalog.domain.pricelist.PriceRule;
import dev.nce.catalog.domain.pricelist.RenewalImpact;
import dev.nce.catalog.domain.pricelist.RowOutcome;
import dev.nce.catalog.service.PriceListImportService;
import dev.nce.catalog.service.PriceListImportService.ImportView;
import dev.nce.catalog.service.PriceListValidator;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import dev.nce.kit.auth.Caller;
import dev.nce.kit.clock.PlatformClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** API.md "Price-list imports" (D22): upload and validate (partner-admin, billing-admin), read, apply (partner-admin). */
@Path("/v1/price-list-imports")
@Produces(MediaType.APPLICATION_JSON)
public class PriceListImportResource {

    static final String BILLING_ADMIN = "billing-admin";
    static final String AUDITOR = "auditor";
    private static final Set<String> OPTION_FIELDS = Set.of("market", "month", "segments", "priceRule");
    private static final Set<String> RULE_FIELDS = Set.of("basis", "percent");

    @Inject
    PriceListImportService imports;
    @Inject
    PriceListValidator validator;
    @Inject
    Caller caller;
    @Inject
    PlatformClock clock;
    @Inject
    ObjectMapper json;

    /** The import as GET answers it; counts and the offer ids of the diff, findings, renewal impact. */
    public record ImportJson(UUID importId, String status, String market, String month, List<String> segments,
                             Map<String, String> priceRule, Integer rows, Integer offersAdded, Integer offersChanged,
                             Integer offersEnded, List<String> addedOfferIds, List<String> changedOfferIds,
                             List<String> endedOfferIds, List<ImportWarning> warnings,
                             List<RenewalImpactJson> renewalImpact, List<RowOutcome> rowOutcomes, String error,
                             String fileSha256, Instant createdAt, Instant appliedAt) {

        static ImportJson of(ImportView view) {
            ImportReport r = view.report();
            PriceListOptions o = view.options();
            Map<String, String> rule = Map.of("basis", o.priceRule().basis().name(),
                    "percent", o.priceRule().percent().toPlainString());
            return new ImportJson(view.importId(), view.status().name(), o.market(), o.month().toString(),
                    o.segments(), rule, r == null ? null : r.rows(), r == null ? null : r.offersAdded().size(),
                    r == null ? null : r.offersChanged().size(), r == null ? null : r.offersEnded().size(),
                    r == null ? List.of() : r.offersAdded(), r == null ? List.of() : r.offersChanged(),
                    r == null ? List.of() : r.offersEnded(), r == null ? List.of() : r.warnings(),
                    r == null ? List.of() : r.renewalImpact().stream().map(RenewalImpactJson::of).toList(),
                    r == null ? List.of() : r.rowOutcomes(), r == null ? null : r.error(), view.fileSha256(),
                    view.createdAt(), view.appliedAt());
        }
    }

    public record RenewalImpactJson(String subscriptionId, String customerId, String offerId, String renewalDate,
                                    String currentUnitPrice, String renewalUnitPrice, String currency) {
        static RenewalImpactJson of(RenewalImpact i) {
            return new RenewalImpactJson(i.subscriptionId(), i.customerId(), i.offerId(), i.renewalDate().toString(),
                    i.currentUnitPrice().toPlainString(), i.renewalUnitPrice().toPlainString(), i.currency());
        }
    }

    public record Accepted(UUID importId, String status) {}

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Caller.PARTNER_ADMIN, BILLING_ADMIN})
    @Operation(summary = "Upload a Microsoft NCE price list",
            description = "multipart/form-data: file (Microsoft's NCE license-based price list CSV, or a zip of it) "
                    + "and options (JSON {market, month, segments, priceRule: {basis: ERP|COST, percent}}). "
                    + "Validation against the catalog runs at once in the background (D22). The same file "
                    + "(SHA-256) with the same options answers the existing import with 200.")
    @APIResponse(responseCode = "202", description = "{importId, status: VALIDATING}")
    @APIResponse(responseCode = "200", description = "the existing import of this file and options")
    @APIResponse(responseCode = "400", description = "validation-failed: no file, not a price list, bad options")
    @APIResponse(responseCode = "403", description = "forbidden")
    public Response upload(@RestForm("file") FileUpload file, @RestForm("options") String options) {
        if (file == null) {
            throw RuleViolation.invalidField("file", "the price list file is required");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw RuleViolation.invalidField("file", "the file could not be read");
        }
        if (bytes.length == 0) {
            throw RuleViolation.invalidField("file", "the file is empty");
        }
        PriceListImportService.Submitted submitted = imports.submit(bytes, file.fileName(), options(options),
                caller.subject());
        if (submitted.created()) {
            validator.schedule(submitted.view().importId());
            return Response.status(202).entity(new Accepted(submitted.view().importId(), "VALIDATING")).build();
        }
        return Response.ok(ImportJson.of(submitted.view())).build();
    }

    @GET
    @Path("/{importId}")
    @RolesAllowed({Caller.PARTNER_ADMIN, BILLING_ADMIN, AUDITOR})
    @Operation(summary = "One price-list import",
            description = "Status VALIDATING|VALIDATED|APPLIED|FAILED; rows, offers added/changed/ended, warnings "
                    + "{row, code, detail}, rowOutcomes, renewal impact (renewals in the next 60 days whose price the "
                    + "import changes).")
    @APIResponse(responseCode = "200", description = "the import")
    @APIResponse(responseCode = "404", description = "not-found")
    public ImportJson get(@PathParam("importId") String importId) {
        return ImportJson.of(imports.get(id(importId)));
    }

    @POST
    @Path("/{importId}/apply")
    @RolesAllowed(Caller.PARTNER_ADMIN)
    @Operation(summary = "Apply a validated price-list import",
            description = "One transaction: every added, changed or ended offer is written and published (one offer "
                    + "event each, through the outbox). A price already in force is never rewritten (D22).")
    @APIResponse(responseCode = "200", description = "the applied import")
    @APIResponse(responseCode = "404", description = "not-found")
    @APIResponse(responseCode = "409", description = "invalid-state: not VALIDATED (still validating, failed, or "
            + "already applied)")
    public ImportJson apply(@PathParam("importId") String importId) {
        return ImportJson.of(imports.apply(id(importId), caller.subject()));
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, null, "price-list import " + text + " not found", Map.of());
        }
    }

    /** The options part: every field optional; month defaults to the catalog's current month. */
    private PriceListOptions options(String text) {
        JsonNode node;
        try {
            node = text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException e) {
            throw RuleViolation.invalidField("options", "options is not JSON");
        }
        if (!node.isObject()) {
            throw RuleViolation.invalidField("options", "options must be a JSON object");
        }
        unknown(node, OPTION_FIELDS, "options");
        String market = textOf(node, "market", "options.market");
        String monthText = textOf(node, "month", "options.month");
        YearMonth month;
        try {
            month = monthText == null ? YearMonth.from(clock.now().atZone(ZoneOffset.UTC)) : YearMonth.parse(monthText);
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalidField("options.month", "month must be YYYY-MM");
        }
        List<String> segments = new ArrayList<>();
        JsonNode seg = node.get("segments");
        if (seg != null && !seg.isNull()) {
            if (!seg.isArray()) {
                throw RuleViolation.invalidField("options.segments", "segments must be a list of names");
            }
            for (int i = 0; i < seg.size(); i++) {
                if (!seg.get(i).isTextual() || seg.get(i).asText().isBlank()) {
                    throw RuleViolation.invalidField("options.segments[" + i + "]", "a segment name is required");
                }
                segments.add(seg.get(i).asText().trim());
            }
        }
        return new PriceListOptions(market, month, segments, rule(node.get("priceRule")));
    }

    private static PriceRule rule(JsonNode node) {
        if (node == null || node.isNull()) {
            return PriceRule.DEFAULT;
        }
        if (!node.isObject()) {
            throw RuleViolation.invalidField("options.priceRule", "priceRule must be {basis, percent}");
        }
        unknown(node, RULE_FIELDS, "options.priceRule");
        String basis = textOf(node, "basis", "options.priceRule.basis");
        PriceRule.Basis b;
        try {
            b = basis == null ? PriceRule.Basis.ERP : PriceRule.Basis.valueOf(basis);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalidField("options.priceRule.basis", "basis must be ERP or COST");
        }
        JsonNode percentNode = node.get("percent");
        BigDecimal percent = BigDecimal.ZERO;
        if (percentNode != null && !percentNode.isNull()) {
            try {
                percent = new BigDecimal(percentNode.asText());
            } catch (NumberFormatException e) {
                throw RuleViolation.invalidField("options.priceRule.percent", "percent must be a number");
            }
        }
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0 && b == PriceRule.Basis.ERP
                || percent.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw RuleViolation.invalidField("options.priceRule.percent", "percent is out of range");
        }
        return new PriceRule(b, percent);
    }

    private static void unknown(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw RuleViolation.invalidField(prefix + "." + name, "unknown field " + name);
            }
        }
    }

    private static String textOf(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw RuleViolation.invalidField(field, name + " must be a string");
        }
        return value.asText().isBlank() ? null : value.asText().trim();
    }
}
