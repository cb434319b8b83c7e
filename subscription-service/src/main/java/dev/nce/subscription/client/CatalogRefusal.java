package dev.nce.subscription.client;

/** catalog-service answered with a 4xx that is a real answer (400/414 malformed, 404 unknown offer, 422 plan not sold): never retried. */
public class CatalogRefusal extends RuntimeException {

    private final int status;
    private final String code;

    public CatalogRefusal(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() { return status; }

    public String code() { return code; }
}
