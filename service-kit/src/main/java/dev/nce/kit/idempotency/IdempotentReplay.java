package dev.nce.kit.idempotency;

import jakarta.ws.rs.core.Response;

/** Short-circuits a repeated request with the stored first answer. */
public class IdempotentReplay extends RuntimeException {
    private final transient Response response;

    public IdempotentReplay(Response response) {
        super("idempotent replay", null, false, false);
        this.response = response;
    }

    public Response response() { return response; }
}
