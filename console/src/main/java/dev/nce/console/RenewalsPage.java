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
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renewals: one month as a calendar and a list (current and renewal price, monthly delta, end-of-term action, notice
 * deadline), filtered by term, billing and customer, and a bar chart of the renewal value of the next 12 months.
 */
@Path("/renewals")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class RenewalsPage {

    @Inject
    Template renewals;
    @Inject
    Services services;
    @Inject
    Page page;

    /** One calendar cell: a date of the month (null for padding) and its renewals. */
    @io.quarkus.qute.TemplateData
    public record Day(LocalDate date, List<Map<String, Object>> renewals) {
        public int dayOfMonth() {
            return date == null ? 0 : date.getDayOfMonth();
        }
    }

    @GET
    public TemplateInstance get(@QueryParam("month") String month, @QueryParam("term") String term,
                                @QueryParam("billing") String billing, @QueryParam("customerId") String customerId) {
        YearMonth ym = month(month);
        ApiResult r = services.get(Backend.SUBSCRIPTION, "/v1/renewals", Services.query("from", ym.atDay(1),
                "to", ym.atEndOfMonth(), "customerId", customerId, "limit", 1000));
        List<Map<String, Object>> rows = page.items(r).stream()
                .filter(x -> term == null || term.isBlank() || term.equals(x.get("term")))
                .filter(x -> billing == null || billing.isBlank() || billing.equals(x.get("billing"))).toList();
        // the chart: renewal value (renewal price x next quantity) per month, 12 months from the shown one
        ApiResult year = services.get(Backend.SUBSCRIPTION, "/v1/renewals", Services.query("from", ym.atDay(1),
                "to", ym.plusMonths(11).atEndOfMonth(), "customerId", customerId, "limit", 1000));
        TreeMap<String, BigDecimal> value = new TreeMap<>();
        for (int i = 0; i < 12; i++) {
            value.put(ym.plusMonths(i).toString(), BigDecimal.ZERO);
        }
        for (Map<String, Object> x : page.items(year)) {
            if ((term != null && !term.isBlank() && !term.equals(x.get("term")))
                    || (billing != null && !billing.isBlank() && !billing.equals(x.get("billing")))
                    || x.get("renewalUnitPrice") == null) {
                continue;
            }
            String key = x.get("renewalDate").toString().substring(0, 7);
            Object next = x.getOrDefault("nextQuantity", x.get("quantity"));
            value.merge(key, new BigDecimal(x.get("renewalUnitPrice").toString())
                    .multiply(new BigDecimal(next.toString())), BigDecimal::add);
        }
        return page.with(renewals.data("rows", rows).data("weeks", weeks(ym, rows))
                .data("month", ym.toString()).data("monthName", ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + " " + ym.getYear())
                .data("prev", ym.minusMonths(1).toString()).data("next", ym.plusMonths(1).toString())
                .data("term", term == null ? "" : term).data("billing", billing == null ? "" : billing)
                .data("customerId", customerId == null ? "" : customerId)
                .data("chartLabels", String.join(",", value.keySet().stream().map(k -> "\"" + k + "\"").toList()))
                .data("chartValues", String.join(",", value.values().stream().map(BigDecimal::toPlainString).toList()))
                .data("error", r.ok() ? null : r.problemText()), "renewals");
    }

    private YearMonth month(String month) {
        if (month != null && !month.isBlank()) {
            try {
                return YearMonth.parse(month.trim());
            } catch (DateTimeParseException ignored) {
                // fall back to the platform month
            }
        }
        return YearMonth.from(LocalDate.parse(page.now().substring(0, 10)));
    }

    /** Monday-first weeks of the month, padded with empty cells. */
    static List<List<Day>> weeks(YearMonth ym, List<Map<String, Object>> rows) {
        List<List<Day>> weeks = new ArrayList<>();
        List<Day> week = new ArrayList<>();
        int pad = ym.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        for (int i = 0; i < pad; i++) {
            week.add(new Day(null, List.of()));
        }
        for (int d = 1; d <= ym.lengthOfMonth(); d++) {
            LocalDate date = ym.atDay(d);
            week.add(new Day(date, rows.stream().filter(x -> date.toString().equals(x.get("renewalDate"))).toList()));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(new Day(null, List.of()));
            }
            weeks.add(week);
        }
        return weeks;
    }
}
