package dev.nce.kit.deadletter;

/** Thrown by a handler when a dependency (e.g. the catalog) is unreachable: the record is retried, never dead-lettered. */
public class TransientFailure extends RuntimeException {
    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
