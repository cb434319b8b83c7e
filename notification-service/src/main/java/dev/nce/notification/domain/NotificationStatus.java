package dev.nce.notification.domain;

/** A notification's own state: waiting for its due instant, processed (deliveries released), or skipped. */
public enum NotificationStatus { SCHEDULED, PROCESSED, CANCELLED }
