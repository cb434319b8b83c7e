package dev.nce.contracts;

/** What happens at the renewal instant (D17). EXPIRE is set only by the platform (D15, D20, renewable=false). */
public enum EndOfTermAction { RENEW, EXTENDED_SERVICE_TERM, CANCEL, EXPIRE }
