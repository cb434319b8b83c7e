package dev.nce.console;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A refused request in words for staff (API.md error table): the problem's own detail, introduced by what the code
 * means, with the figures the details carry (refundable seats, the deadline) spelled out.
 */
public final class ProblemText {

    private ProblemText() {}

    public static String of(int status, JsonNode problem) {
        if (problem == null || problem.isMissingNode() || problem.isNull() || !problem.isObject()) {
            return "The service answered " + status + " without details.";
        }
        String code = problem.path("code").asText("");
        String detail = problem.path("detail").asText(problem.path("title").asText(""));
        String lead = switch (code) {
            case "reduction-exceeds-refundable" -> "Too many seats to remove: only "
                    + problem.path("refundableQuantity").asText("0") + " can still be removed"
                    + (problem.path("allowedUntil").isTextual() ? " (until " + problem.path("allowedUntil").asText() + ")" : "")
                    + ".";
            case "cancellation-window-closed" -> "The cancellation window has closed.";
            case "notice-period-passed" -> "The notice deadline "
                    + problem.path("noticeDeadline").asText("") + " has passed; the next term can no longer be changed.";
            case "invalid-state" -> "Not allowed in the subscription's current state.";
            case "seat-cap-exceeded" -> "The customer's seat cap would be exceeded.";
            case "validation-failed" -> "The request is not valid"
                    + (problem.path("field").isTextual() ? " (" + problem.path("field").asText() + ")" : "") + ".";
            case "forbidden" -> "Your role may not do this.";
            case "unauthorized" -> "Your sign-in has expired; sign in again.";
            case "not-found" -> "Not found.";
            case "period-not-closed" -> "That period has not ended yet on the platform clock.";
            case "clock-backward" -> "The clock only moves forward.";
            case "unavailable" -> "The service is not answering; try again shortly.";
            case "catalog-unavailable" -> "The catalog is unavailable; nothing was changed, try again.";
            case "precondition-failed" -> "Someone changed it meanwhile; reload and try again.";
            default -> "Refused (" + status + (code.isEmpty() ? "" : " " + code) + ").";
        };
        return detail.isBlank() || lead.contains(detail) ? lead : lead + " " + detail;
    }
}
