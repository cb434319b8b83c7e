package dev.nce.billing.domain;

import java.util.regex.Pattern;

/**
 * Spreadsheet formula injection (issue 15 item 12, OWASP "CSV injection"): a text cell beginning with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return is run as a formula by spreadsheet programs, so it gets a
 * leading apostrophe. Plain numbers ({@code -12.34}, a credit) stay numbers.
 */
public final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("^[-+]?[0-9]+(\\.[0-9]+)?$");

    private CsvCells() {}

    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty() || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + cell;
        }
        return cell;
    }
}
