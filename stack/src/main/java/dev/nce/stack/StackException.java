package dev.nce.stack;

/** A failure the user can act on; its message is one line, printed as is by {@code ./nce}. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
