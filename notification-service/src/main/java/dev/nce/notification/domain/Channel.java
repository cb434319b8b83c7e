package dev.nce.notification.domain;

/** How a notification reaches the customer (API.md notification-service). */
public enum Channel { EMAIL, WEBHOOK }
