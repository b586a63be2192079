package dev.homeport.netconf.message;

/** Capability URIs of RFC 6241 and the RFCs that extend it. */
public final class Capability {
    public static final String BASE_1_0 = "urn:ietf:params:netconf:base:1.0";
    public static final String BASE_1_1 = "urn:ietf:params:netconf:base:1.1";
    public static final String WRITABLE_RUNNING = "urn:ietf:params:netconf:capability:writable-running:1.0";
    public static final String CANDIDATE = "urn:ietf:params:netconf:capability:candidate:1.0";
    public static final String CONFIRMED_COMMIT_1_0 = "urn:ietf:params:netconf:capability:confirmed-commit:1.0";
    public static final String CONFIRMED_COMMIT_1_1 = "urn:ietf:params:netconf:capability:confirmed-commit:1.1";
    public static final String ROLLBACK_ON_ERROR = "urn:ietf:params:netconf:capability:rollback-on-error:1.0";
    public static final String VALIDATE_1_0 = "urn:ietf:params:netconf:capability:validate:1.0";
    public static final String VALIDATE_1_1 = "urn:ietf:params:netconf:capability:validate:1.1";
    public static final String STARTUP = "urn:ietf:params:netconf:capability:startup:1.0";
    public static final String URL = "urn:ietf:params:netconf:capability:url:1.0";
    public static final String XPATH = "urn:ietf:params:netconf:capability:xpath:1.0";
    public static final String NOTIFICATION = "urn:ietf:params:netconf:capability:notification:1.0";
    public static final String INTERLEAVE = "urn:ietf:params:netconf:capability:interleave:1.0";
    public static final String PARTIAL_LOCK = "urn:ietf:params:netconf:capability:partial-lock:1.0";
    public static final String WITH_DEFAULTS = "urn:ietf:params:netconf:capability:with-defaults:1.0";
    public static final String YANG_LIBRARY_1_0 = "urn:ietf:params:netconf:capability:yang-library:1.0";
    public static final String YANG_LIBRARY_1_1 = "urn:ietf:params:netconf:capability:yang-library:1.1";
    public static final String MONITORING = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";
    public static final String NMDA = "urn:ietf:params:xml:ns:yang:ietf-netconf-nmda";

    private Capability() {
    }

    /** The URI without its query part: capabilities are compared on that. */
    public static String withoutQuery(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }
}
