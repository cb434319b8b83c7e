package dev.nce.notification.domain;

/** A readable message: e-mail subject and plain-text body (webhooks carry both plus the facts as JSON). */
public record RenderedMessage(String subject, String body, EndOfTermOutcome outcome) {}
