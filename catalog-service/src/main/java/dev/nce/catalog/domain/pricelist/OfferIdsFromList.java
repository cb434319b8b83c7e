package dev.nce.catalog.domain.pricelist;

/** D22: offerId = ProductId + ":" + SkuId, a numeric SkuId left-padded to 4 digits ({@code 1} -> {@code 0001}). */
public final class OfferIdsFromList {

    static final int SKU_DIGITS = 4;

    private OfferIdsFromList() {}

    public static String offerId(String productId, String skuId) {
        String sku = skuId.trim();
        if (!sku.isEmpty() && sku.length() < SKU_DIGITS && sku.chars().allMatch(Character::isDigit)) {
            sku = "0".repeat(SKU_DIGITS - sku.length()) + sku;
        }
        return productId.trim() + ":" + sku;
    }
}
