package dev.nce.catalog.domain.pricelist;

import java.util.List;

/** What an import's validation (or its apply) found: the diff, the findings per row and the renewal impact. */
public record ImportReport(int rows, List<String> offersAdded, List<String> offersChanged, List<String> offersEnded,
                           List<ImportWarning> warnings, List<RowOutcome> rowOutcomes,
                           List<RenewalImpact> renewalImpact, String error) {

    public static ImportReport failed(String error) {
        return new ImportReport(0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), error);
    }
}
