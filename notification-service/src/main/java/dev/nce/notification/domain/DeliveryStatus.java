package dev.nce.notification.domain;

/** The status of one row of the notification list: one per notification and channel (per endpoint for WEBHOOK). */
public enum DeliveryStatus { SCHEDULED, SENT, FAILED, CANCELLED }
