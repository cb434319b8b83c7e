package dev.nce.subscription.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

@JsonIgnoreProperties(ignoreUnknown = true)
public record QuoteResponse(List<PriceAnswer> items) {}
