package dev.homeport.netconf.schema;

/** How a device uses a module (RFC 7895 conformance-type, RFC 8525 module vs import-only-module). */
public enum Conformance {
    /** The device implements the module's data, RPCs and notifications. */
    IMPLEMENT,
    /** Only its definitions (types, groupings, identities) are used by other modules. */
    IMPORT,
    /** The source does not say (hello, netconf-state); treated as implemented. */
    UNKNOWN
}
