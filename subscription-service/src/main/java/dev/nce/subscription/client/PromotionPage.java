package dev.nce.subscription.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of GET /v1/promotions: {totalCount, items}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PromotionPage(int totalCount, List<PromotionAnswer> items) {}
