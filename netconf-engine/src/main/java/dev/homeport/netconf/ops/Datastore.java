package dev.homeport.netconf.ops;

import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import java.util.Objects;

/** A configuration datastore of RFC 6241 (running, candidate, startup) or a URL (the :url capability). */
public final class Datastore {
    public static final Datastore RUNNING = new Datastore("running", null);
    public static final Datastore CANDIDATE = new Datastore("candidate", null);
    public static final Datastore STARTUP = new Datastore("startup", null);

    private final String name;
    private final String url;

    private Datastore(String name, String url) {
        this.name = name;
        this.url = url;
    }

    public static Datastore url(String url) {
        return new Datastore("url", Objects.requireNonNull(url));
    }

    /** running, candidate, startup, or a URL (anything with "://" or starting with "file:"). */
    public static Datastore parse(String s) {
        return switch (s) {
            case "running" -> RUNNING;
            case "candidate" -> CANDIDATE;
            case "startup" -> STARTUP;
            default -> {
                if (s.contains(":")) {
                    yield url(s);
                }
                throw new IllegalArgumentException("unknown datastore '" + s + "': use running, candidate, startup"
                        + " or a URL");
            }
        };
    }

    public String name() {
        return name;
    }

    public boolean isUrl() {
        return url != null;
    }

    /** The element inside source/target: {@code <running/>} or {@code <url>...</url>}. */
    public XmlFragment toXml() {
        var e = XmlFragment.element(Namespaces.BASE, name);
        return url != null ? e.text(url) : e;
    }

    @Override
    public String toString() {
        return url != null ? url : name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Datastore d && d.name.equals(name) && Objects.equals(d.url, url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, url);
    }
}
