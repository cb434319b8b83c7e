package dev.nce.catalog.domain.pricelist;

import dev.nce.contracts.RuleViolation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads Microsoft's NCE license-based price list (D22) with Apache Commons CSV: columns by header name (any order,
 * extra columns ignored), a UTF-8 byte order mark, zero-width characters inside values, quoted text with commas and
 * doubled quotes, ISO instants with 7 fraction digits and the old US format ({@code 2/1/2019 12:00:00 AM}), the open
 * bounds 1753 and 9999, SkuIds without leading zeros and {@code PreviousValues} written as a Python dict literal. A
 * row that cannot be read (a bad number or date) becomes a warning, not a failed import.
 */
public final class PriceListParser {

    /** Columns the importer needs; a file without one of them is not a price list (400). */
    public static final List<String> REQUIRED = List.of("ProductId", "SkuId", "SkuTitle", "TermDuration",
            "BillingPlan", "Currency", "UnitPrice", "ERP Price", "EffectiveStartDate", "EffectiveEndDate");

    /** D22: these years mean an open bound (Microsoft writes 1753-01-02 and 9999-11-30). */
    static final int OPEN_START_YEAR = 1753;
    static final int OPEN_END_YEAR = 9999;

    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF]");
    private static final Pattern PYTHON_PAIR =
            Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'\\s*:\\s*'((?:[^'\\\\]|\\\\.)*)'");
    private static final List<DateTimeFormatter> US_FORMATS = List.of(
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm", Locale.US));
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);

    /** The parsed rows and the rows that could not be read ({@code unreadable-row} warnings). */
    public record Parsed(List<PriceListRow> rows, List<ImportWarning> warnings, int dataRows) {}

    private PriceListParser() {}

    /** The CSV bytes of an upload: the file itself, or the first .csv entry of a zip. */
    public static byte[] unpack(byte[] upload) {
        if (upload.length >= 4 && upload[0] == 'P' && upload[1] == 'K' && upload[2] == 3 && upload[3] == 4) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(upload))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (!entry.isDirectory() && entry.getName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                        return readAll(zip);
                    }
                }
            } catch (IOException e) {
                throw RuleViolation.invalidField("file", "the zip could not be read: " + e.getMessage());
            }
            throw RuleViolation.invalidField("file", "the zip holds no .csv file");
        }
        return upload;
    }

    public static Parsed parse(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // UTF-8 byte order mark
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(false).get();
        List<PriceListRow> rows = new ArrayList<>();
        List<ImportWarning> warnings = new ArrayList<>();
        int dataRows = 0;
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, String> headers = headerNames(parser.getHeaderNames());
            for (String column : REQUIRED) {
                if (!headers.containsKey(normal(column))) {
                    throw RuleViolation.invalidField("file", "not an NCE license-based price list: no column "
                            + column);
                }
            }
            for (CSVRecord record : parser) {
                dataRows++;
                int row = dataRows;
                try {
                    rows.add(row(row, record, headers));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    warnings.add(new ImportWarning(row, ImportWarning.UNREADABLE_ROW, e.getMessage()));
                }
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw RuleViolation.invalidField("file", "the CSV could not be read: " + e.getMessage());
        }
        return new Parsed(rows, warnings, dataRows);
    }

    private static PriceListRow row(int row, CSVRecord record, Map<String, String> headers) {
        String productId = required(record, headers, "ProductId");
        String skuId = required(record, headers, "SkuId");
        return new PriceListRow(row,
                value(record, headers, "ChangeIndicator"),
                value(record, headers, "ProductTitle"),
                productId, skuId,
                value(record, headers, "SkuTitle"),
                required(record, headers, "TermDuration"),
                required(record, headers, "BillingPlan"),
                value(record, headers, "Market"),
                required(record, headers, "Currency"),
                amount(required(record, headers, "UnitPrice"), "UnitPrice"),
                amount(required(record, headers, "ERP Price"), "ERP Price"),
                date(value(record, headers, "EffectiveStartDate"), OPEN_START_YEAR),
                date(value(record, headers, "EffectiveEndDate"), OPEN_END_YEAR),
                value(record, headers, "Segment"),
                value(record, headers, "Tags"),
                previousValues(value(record, headers, "PreviousValues")));
    }

    /** Header names as written, keyed by their normal form (case, spaces and zero-width characters ignored). */
    private static Map<String, String> headerNames(List<String> names) {
        Map<String, String> byNormal = new LinkedHashMap<>();
        for (String name : names) {
            byNormal.putIfAbsent(normal(name), name);
        }
        return byNormal;
    }

    private static String normal(String header) {
        return clean(header).replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /** A value with zero-width characters removed and outer spaces trimmed; null when absent or blank. */
    private static String value(CSVRecord record, Map<String, String> headers, String column) {
        String header = headers.get(normal(column));
        if (header == null || !record.isSet(header)) {
            return null;
        }
        String text = clean(record.get(header));
        return text.isEmpty() ? null : text;
    }

    private static String required(CSVRecord record, Map<String, String> headers, String column) {
        String text = value(record, headers, column);
        if (text == null) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return text;
    }

    static String clean(String text) {
        return ZERO_WIDTH.matcher(text).replaceAll("").trim();
    }

    static BigDecimal amount(String text, String column) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a number");
        }
    }

    /**
     * A date from an ISO instant or date, or Microsoft's old US format; null for the open bound year. An end instant
     * such as {@code 2025-11-30T23:59:59} is the day it falls on (the last day of sale).
     */
    static LocalDate date(String text, int openYear) {
        if (text == null) {
            return null;
        }
        LocalDate date = parseDate(text);
        return date.getYear() == openYear ? null : date;
    }

    private static LocalDate parseDate(String text) {
        if (text.contains("/")) {
            for (DateTimeFormatter format : US_FORMATS) {
                try {
                    return LocalDateTime.parse(text, format).toLocalDate();
                } catch (DateTimeParseException ignored) {
                    // next layout
                }
            }
            return LocalDate.parse(text, US_DATE);
        }
        if (text.length() == 10) {
            return LocalDate.parse(text);
        }
        if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text)).atZone(ZoneOffset.UTC).toLocalDate();
        }
        return LocalDateTime.parse(text).toLocalDate();
    }

    /** {@code {'ERP Price': '1440', 'UnitPrice': '1008'}} (a Python dict literal) as a map. */
    static Map<String, String> previousValues(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null) {
            return values;
        }
        Matcher matcher = PYTHON_PAIR.matcher(text);
        while (matcher.find()) {
            values.put(unescape(matcher.group(1)), unescape(matcher.group(2)));
        }
        return values;
    }

    private static String unescape(String text) {
        return text.replaceAll("\\\\(.)", "$1");
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
