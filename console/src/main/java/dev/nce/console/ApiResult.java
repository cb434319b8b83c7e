package dev.nce.console;

import com.fasterxml.jackson.databind.JsonNode;

/** One answer of a service: status, body as JSON (a problem+json when refused) and, for binary answers, the bytes. */
public record ApiResult(int status, JsonNode json, byte[] bytes, String contentType) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The refusal in words (API problem details), for the page. */
    public String problemText() {
        return ProblemText.of(status, json);
    }
}
