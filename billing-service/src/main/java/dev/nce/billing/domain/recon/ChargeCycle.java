package dev.nce.billing.domain.recon;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * D25: Microsoft's lines of one subscription and one charge period, netted: the -old/+new {@code addQuantity} /
 * {@code removeQuantity} pair of a seat change (Microsoft credits the old quantity and charges the new one) and a
 * same-day {@code cancelImmediate} against its purchase add up to what Microsoft really billed for the period.
 */
public record ChargeCycle(String microsoftSubscriptionId, String microsoftCustomerId, String customerName,
                          LocalDate chargeStart, LocalDate chargeEnd, List<MicrosoftLine> lines) {

    /** The seats billed for the period after netting. */
    public int netQuantity() {
        return lines.stream().mapToInt(MicrosoftLine::billableQuantity).sum();
    }

    /** Microsoft's amount for the period (the subtotals, before tax). */
    public BigDecimal microsoftAmount() {
        return lines.stream().map(MicrosoftLine::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether a -old/+new seat-change pair was netted here. */
    public boolean nettedPair() {
        boolean negative = false;
        boolean positive = false;
        for (MicrosoftLine line : lines) {
            if (isSeatChange(line)) {
                negative |= line.billableQuantity() < 0;
                positive |= line.billableQuantity() > 0;
            }
        }
        return negative && positive;
    }

    public boolean cancelled() {
        return lines.stream().anyMatch(MicrosoftLine::isCancellation);
    }

    public boolean promoted() {
        return lines.stream().anyMatch(MicrosoftLine::isPromoted);
    }

    public boolean creditAdjusted() {
        return lines.stream().anyMatch(MicrosoftLine::isCreditAdjustment);
    }

    public MicrosoftLine first() {
        return lines.get(0);
    }

    static boolean isSeatChange(MicrosoftLine line) {
        return "addQuantity".equalsIgnoreCase(line.chargeType()) || "removeQuantity".equalsIgnoreCase(line.chargeType());
    }

    /** Lines grouped by (Microsoft subscription, charge start, charge end), in file order. */
    public static List<ChargeCycle> net(List<MicrosoftLine> lines) {
        Map<String, List<MicrosoftLine>> groups = new LinkedHashMap<>();
        for (MicrosoftLine line : lines) {
            groups.computeIfAbsent(line.subscriptionId() + "|" + line.chargeStartDate() + "|" + line.chargeEndDate(),
                    k -> new ArrayList<>()).add(line);
        }
        List<ChargeCycle> cycles = new ArrayList<>();
        for (List<MicrosoftLine> group : groups.values()) {
            MicrosoftLine first = group.get(0);
            cycles.add(new ChargeCycle(first.subscriptionId(), first.microsoftCustomerId(), first.customerName(),
                    first.chargeStartDate(), first.chargeEndDate(), List.copyOf(group)));
        }
        return cycles;
    }
}
