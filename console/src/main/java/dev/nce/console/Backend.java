package dev.nce.console;

/** The four services the console reads, with the configuration key of each base URL. */
public enum Backend {
    CATALOG("catalog"), SUBSCRIPTION("subscription"), BILLING("billing"), NOTIFICATION("notification");

    private final String key;

    Backend(String key) {
        this.key = key;
    }

    /** {@code nce.console.<key>.url}. */
    public String urlProperty() {
        return "nce.console." + key + ".url";
    }

    public String label() {
        return key + "-service";
    }
}
