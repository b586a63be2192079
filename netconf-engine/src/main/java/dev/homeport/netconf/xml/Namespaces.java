package dev.homeport.netconf.xml;

/** XML namespaces of the NETCONF RFCs the engine speaks. */
public final class Namespaces {
    public static final String BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";
    public static final String NOTIFICATION = "urn:ietf:params:xml:ns:netconf:notification:1.0";
    public static final String NOTIFICATION_STREAMS = "urn:ietf:params:xml:ns:netmod:notification";
    public static final String MONITORING = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";
    public static final String WITH_DEFAULTS = "urn:ietf:params:xml:ns:yang:ietf-netconf-with-defaults";
    public static final String WITH_DEFAULTS_ATTR = "urn:ietf:params:xml:ns:netconf:default:1.0";
    public static final String NMDA = "urn:ietf:params:xml:ns:yang:ietf-netconf-nmda";
    public static final String DATASTORES = "urn:ietf:params:xml:ns:yang:ietf-datastores";
    public static final String PARTIAL_LOCK = "urn:ietf:params:xml:ns:netconf:partial-lock:1.0";
    public static final String YANG_LIBRARY = "urn:ietf:params:xml:ns:yang:ietf-yang-library";
    public static final String NETCONF_NOTIFICATIONS = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";
    public static final String ORIGIN = "urn:ietf:params:xml:ns:yang:ietf-origin";
    public static final String YANG_1 = "urn:ietf:params:xml:ns:yang:1";

    private Namespaces() {
    }
}
