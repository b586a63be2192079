package dev.homeport.netconf.server.sim;

import dev.homeport.netconf.data.DataDiff;
import dev.homeport.netconf.data.DataPaths;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import java.util.List;

/**
 * The RFC 6470 events a NETCONF server sends about itself: configuration changes (with the changed nodes),
 * session start and end, and confirmed-commit progress. Built as XML; the device checks each against the schema
 * when it logs it.
 */
final class ServerEvents {
    /** More edit entries than this in one netconf-config-change say nothing more (RFC 6470: the list MAY be cut). */
    static final int MAX_EDITS = 100;

    private ServerEvents() {
    }

    private static XmlFragment.Element event(String name) {
        return XmlFragment.element(Namespaces.NETCONF_NOTIFICATIONS, name);
    }

    private static void session(XmlFragment.Element e, DeviceSession ds) {
        e.leaf("username", ds.username).leaf("session-id", Long.toString(ds.id()));
        if (isIpAddress(ds.sourceHost)) {
            e.leaf("source-host", ds.sourceHost);
        }
    }

    static boolean isIpAddress(String host) {
        return host != null && (host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (host.contains(":")
                && host.matches("[0-9A-Fa-f:.]+")));
    }

    static XmlFragment.Element sessionStart(DeviceSession ds) {
        XmlFragment.Element e = event("netconf-session-start");
        session(e, ds);
        return e;
    }

    static XmlFragment.Element sessionEnd(DeviceSession ds, String reason) {
        XmlFragment.Element e = event("netconf-session-end");
        session(e, ds);
        if ("killed".equals(reason)) {
            e.leaf("killed-by", Long.toString(ds.killedBy));
        }
        return e.leaf("termination-reason", reason);
    }

    /** {@code ds} null: a change made by the server itself (a confirmed commit rolled back on timeout). */
    static XmlFragment.Element configChange(Profile profile, DeviceSession ds, String datastore,
                                            List<DataDiff.Change> changes) {
        XmlFragment.Element e = event("netconf-config-change");
        XmlFragment.Element by = XmlFragment.element(Namespaces.NETCONF_NOTIFICATIONS, "changed-by");
        if (ds == null) {
            by.empty("server");
        } else {
            session(by, ds);
        }
        e.child(by).leaf("datastore", datastore);
        DataPaths paths = profile.paths();
        int n = 0;
        for (DataDiff.Change c : changes) {
            if (n++ == MAX_EDITS) {
                break;
            }
            // a list's new order has no instance-identifier of its own: its parent is reported, merged
            DataPaths.InstanceIdentifier target = paths.instanceIdentifier(c.reordered()
                    ? c.path().getParent() : c.path());
            XmlFragment.Element t = XmlFragment.element(Namespaces.NETCONF_NOTIFICATIONS, "target")
                    .text(target.xpath());
            target.namespaces().forEach((prefix, ns) -> t.attr("xmlns:" + prefix, ns));
            e.child(XmlFragment.element(Namespaces.NETCONF_NOTIFICATIONS, "edit").child(t)
                    .leaf("operation", c.reordered() ? "merge" : c.kind().keyword()));
        }
        return e;
    }

    /** {@code timeoutSeconds} below 0: none reported (events other than start and extend). */
    static XmlFragment.Element confirmedCommit(DeviceSession ds, String confirmEvent, long timeoutSeconds) {
        XmlFragment.Element e = event("netconf-confirmed-commit");
        if (!"timeout".equals(confirmEvent)) {
            if (ds != null) {
                session(e, ds);
            } else {
                e.leaf("username", "").leaf("session-id", "0");
            }
        }
        e.leaf("confirm-event", confirmEvent);
        if (timeoutSeconds >= 0) {
            e.leaf("timeout", Long.toString(timeoutSeconds));
        }
        return e;
    }
}
