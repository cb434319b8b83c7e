package dev.nce.billing.domain.recon;

import dev.nce.contracts.RuleViolation;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads Microsoft's new-commerce billed invoice reconciliation file with Apache Commons CSV (D25): columns by header
 * name (real files add or reorder columns), a UTF-8 byte order mark, dates as ISO ({@code 2025-06-11}, or an instant)
 * or {@code M/d/yyyy} (optionally with a time), amounts with any number of decimals.
 */
public final class ReconCsv {

    public static final List<String> REQUIRED = List.of("CustomerId", "SubscriptionId", "ChargeType", "Quantity",
            "Subtotal", "Currency", "ChargeStartDate", "ChargeEndDate");

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);
    private static final List<DateTimeFormatter> US_DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm", Locale.US));

    private ReconCsv() {}

    public static List<MicrosoftLine> parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get();
        List<MicrosoftLine> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> headers = new HashMap<>();
            parser.getHeaderNames().forEach(h -> headers.putIfAbsent(normal(h), h));
            for (String column : REQUIRED) {
                if (!headers.containsKey(normal(column))) {
                    throw RuleViolation.invalidField("file", "not a new-commerce reconciliation file: no column "
                            + column);
                }
            }
            int row = 0;
            for (CSVRecord record : parser) {
                row++;
                lines.add(line(row, new Fields(record, headers)));
            }
        } catch (IOException | IllegalStateException e) {
            throw RuleViolation.invalidField("file", "the CSV could not be read: " + e.getMessage());
        }
        return lines;
    }

    private static MicrosoftLine line(int row, Fields f) {
        try {
            int quantity = integer(f.get("Quantity"));
            String billable = f.get("BillableQuantity");
            BigDecimal rate = decimal(f.get("PCToBCExchangeRate"));
            return new MicrosoftLine(row, f.get("CustomerId"), f.get("CustomerName"), f.get("InvoiceNumber"),
                    f.get("OrderId"), f.get("ProductId"), f.get("SkuId"), f.get("ChargeType"),
                    decimal(f.get("UnitPrice")), decimal(f.get("EffectiveUnitPrice")), quantity,
                    billable == null ? quantity : integer(billable), decimal(f.get("Subtotal")), f.get("Currency"),
                    f.get("PricingCurrency") == null ? f.get("Currency") : f.get("PricingCurrency"),
                    rate == null ? BigDecimal.ONE : rate, f.get("SubscriptionId"), date(f.get("ChargeStartDate")),
                    date(f.get("ChargeEndDate")), f.get("TermAndBillingCycle"), f.get("BillingFrequency"),
                    f.get("PromotionId"), f.get("PriceAdjustmentDescription"), f.get("CreditReasonCode"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw RuleViolation.invalidField("file", "row " + row + ": " + e.getMessage());
        }
    }

    private record Fields(CSVRecord record, Map<String, String> headers) {
        String get(String column) {
            String header = headers.get(normal(column));
            if (header == null || !record.isSet(header)) {
                return null;
            }
            String value = record.get(header).trim();
            return value.isEmpty() ? null : value;
        }
    }

    private static String normal(String header) {
        return header.replace("\uFEFF", "").replace(" ", "").trim().toLowerCase(Locale.ROOT);
    }

    static BigDecimal decimal(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    static int integer(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a quantity is missing");
        }
        return new BigDecimal(text).intValueExact();
    }

    /** ISO date or instant, or Microsoft's {@code M/d/yyyy} with or without a time. */
    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        if (text.contains("/")) {
            for (DateTimeFormatter format : US_DATE_TIMES) {
                try {
                    return LocalDateTime.parse(text, format).toLocalDate();
                } catch (DateTimeParseException ignored) {
                    // next layout
                }
            }
            return LocalDate.parse(text, US_DATE);
        }
        if (text.length() > 10) {
            return text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")
                    ? OffsetDateTime.parse(text).toLocalDate() : LocalDateTime.parse(text).toLocalDate();
        }
        return LocalDate.parse(text);
    }
}
