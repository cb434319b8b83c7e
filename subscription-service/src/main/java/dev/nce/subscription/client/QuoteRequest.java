package dev.nce.subscription.client;

import java.util.List;

public record QuoteRequest(List<QuoteItem> items) {}
