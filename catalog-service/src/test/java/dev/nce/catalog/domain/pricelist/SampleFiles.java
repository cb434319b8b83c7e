package dev.nce.catalog.domain.pricelist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sample price list (test resource, a copy of Microsoft's NCE license-based layout) and edited variants. */
public final class SampleFiles {

    public static final String SAMPLE = "pricelist/nce-pricelist-US-sample.csv";

    private SampleFiles() {}

    public static byte[] sample() {
        try (InputStream in = SampleFiles.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sampleText() {
        return new String(sample(), StandardCharsets.UTF_8);
    }

    /**
     * The next month's list (2026-01): Business Basic P1Y/Annual and P1Y/Monthly up 5 % from 2026-01-01 (cost 57.6 ->
     * 60.48 and 60.48 -> 63.50, ERP 72 -> 75.6 and 75.6 -> 79.38), the Cloud PC offer gone (ended), a new Copilot
     * offer added; every other row as in the sample.
     */
    public static byte[] nextMonth() {
        StringBuilder out = new StringBuilder();
        for (String line : sampleText().split("\r?\n")) {
            if (line.contains("EXAMPLE0W365")) {
                continue;
            }
            if (line.contains("CFQ7TTC0LH18,1,") && line.contains(",P1Y,Annual,")) {
                line = line.replace(",57.6,,,2025-04-01T00:00:00.0000000Z", ",60.48,,,2026-01-01T00:00:00.0000000Z")
                        .replace(",License,72,", ",License,75.6,").replace("Unchanged,", "Change,");
            } else if (line.contains("CFQ7TTC0LH18,1,") && line.contains(",P1Y,Monthly,")) {
                line = line.replace(",60.48,,,2025-04-01T00:00:00.0000000Z", ",63.50,,,2026-01-01T00:00:00.0000000Z")
                        .replace(",License,75.6,", ",License,79.38,").replace("Unchanged,", "Change,");
            }
            out.append(line).append("\r\n");
        }
        out.append("Add,Example Copilot,EXAMPLE0COP1,1,Example Copilot,Microsoft Corporation,New offer,,P1Y,Annual,"
                + "US,USD,360,,,2026-01-01T00:00:00.0000000Z,9999-11-30T23:59:59.0000000Z,License,360,Commercial,\r\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
