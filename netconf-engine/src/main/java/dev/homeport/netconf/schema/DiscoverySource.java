package dev.homeport.netconf.schema;

/** Where a device's module list can come from, in order of precedence (see {@link DeviceModules}). */
public enum DiscoverySource {
    /** RFC 8525 {@code /yang-library} (module sets, datastores). */
    YANG_LIBRARY("RFC 8525 /yang-library"),
    /** RFC 7895 {@code /modules-state}, the older (now deprecated) YANG library. */
    MODULES_STATE("RFC 7895 /modules-state"),
    /** Module capabilities in the hello (RFC 6020/7950 section 5.6.4). */
    HELLO("hello capabilities"),
    /** RFC 6022 {@code /netconf-state/schemas}: what get-schema can return. */
    NETCONF_MONITORING("RFC 6022 /netconf-state/schemas");

    private final String description;

    DiscoverySource(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True for sources that state features, deviations and conformance, not only which files exist. */
    public boolean describesImplementation() {
        return this != NETCONF_MONITORING;
    }
}
