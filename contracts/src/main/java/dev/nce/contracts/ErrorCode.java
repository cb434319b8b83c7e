package dev.nce.contracts;

/** The stable error codes of the API.md error table. */
public final class ErrorCode {
    private ErrorCode() {}

    public static final String VALIDATION_FAILED = "validation-failed";
    public static final String NOT_FOUND = "not-found";
    public static final String CANCELLATION_WINDOW_CLOSED = "cancellation-window-closed";
    public static final String REDUCTION_EXCEEDS_REFUNDABLE = "reduction-exceeds-refundable";
    public static final String NOTICE_PERIOD_PASSED = "notice-period-passed";
    public static final String SEAT_CAP_EXCEEDED = "seat-cap-exceeded";
    public static final String INVALID_STATE = "invalid-state";
    public static final String TERM_SHORTENING_NOT_ALLOWED = "term-shortening-not-allowed";
    public static final String CLOCK_BACKWARDS = "clock-backwards";
    public static final String SIMULATION_DISABLED = "simulation-disabled";
    public static final String CONCURRENT_MODIFICATION = "concurrent-modification";
    public static final String TERM_CHANGE_NOT_ALLOWED = "term-change-not-allowed";
    public static final String PERIOD_NOT_CLOSED = "period-not-closed";
    public static final String IDEMPOTENCY_KEY_IN_PROGRESS = "idempotency-key-in-progress";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String PLAN_NOT_AVAILABLE = "plan-not-available";
    public static final String UPGRADE_NOT_ELIGIBLE = "upgrade-not-eligible";
    public static final String COTERM_NOT_ALLOWED = "coterm-not-allowed";
    /** R-K2: the named promotion is not acquirable for this purchase (date, offer, plan or seats). */
    public static final String PROMOTION_NOT_ELIGIBLE = "promotion-not-eligible";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    public static final String CATALOG_UNAVAILABLE = "catalog-unavailable";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String INTERNAL_ERROR = "internal-error";
    /** An If-Match header whose version is not the resource's current version (API.md Conventions, 412). */
    public static final String PRECONDITION_FAILED = "precondition-failed";

    /** The HTTP status API.md gives each code. */
    public static int status(String code) {
        return switch (code) {
            case VALIDATION_FAILED -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case PRECONDITION_FAILED -> 412;
            case CANCELLATION_WINDOW_CLOSED, REDUCTION_EXCEEDS_REFUNDABLE, NOTICE_PERIOD_PASSED, SEAT_CAP_EXCEEDED,
                 INVALID_STATE, TERM_SHORTENING_NOT_ALLOWED, CLOCK_BACKWARDS, SIMULATION_DISABLED,
                 CONCURRENT_MODIFICATION, TERM_CHANGE_NOT_ALLOWED, PERIOD_NOT_CLOSED, IDEMPOTENCY_KEY_IN_PROGRESS -> 409;
            case PLAN_NOT_AVAILABLE, UPGRADE_NOT_ELIGIBLE, COTERM_NOT_ALLOWED, IDEMPOTENCY_KEY_REUSED, PROMOTION_NOT_ELIGIBLE -> 422;
            case CATALOG_UNAVAILABLE, SERVICE_UNAVAILABLE -> 503;
            default -> 500;
        };
    }
}
