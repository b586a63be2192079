package dev.homeport.browser.core;

import dev.homeport.netconf.session.MessageTrace;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.SafeXml;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every NETCONF message in and out of the browser's sessions, as the engine's {@link MessageTrace} reports them
 * (already redacted by the engine), for the Console view. Bounded: the newest {@value #MAX_MESSAGES} messages and
 * at most {@value #MAX_TOTAL_CHARS} characters in all, each kept up to {@value #MAX_CHARS} characters (a 100k-entry
 * get-config reply is not kept whole twice).
 */
public final class MessageLog {
    public static final int MAX_MESSAGES = 5000;
    public static final int MAX_CHARS = 1 << 20;
    public static final long MAX_TOTAL_CHARS = 32L << 20;
    /** Leaves whose content never reaches the console, whatever the engine's text redaction missed (CDATA...). */
    static final Set<String> SECRET_LEAVES = Set.of("password", "private-key", "secret", "passphrase",
            "cleartext-password", "key-data");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    /** One message: when it was seen, the session's peer ({@code host:port}), in or out, and its XML. */
    public record Entry(long seq, Instant time, String peer, MessageTrace.Direction direction, String xml, int droppedChars) {
        /** A header line and the message pretty-printed, with secret leaves masked. */
        public String format() {
            String arrow = direction == MessageTrace.Direction.OUT ? ">>> to " : "<<< from ";
            String header = "---- " + TIME.format(time) + " " + arrow + peer
                    + (droppedChars > 0 ? " (" + droppedChars + " more characters not kept)" : "") + "\n";
            return header + pretty(xml) + "\n";
        }
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long nextSeq;
    private long totalChars;
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();

    /** The trace to give the engine's sessions (SessionOptions.withTrace). */
    public MessageTrace trace() {
        return (peer, direction, xml) -> add(peer, direction, xml);
    }

    void add(String peer, MessageTrace.Direction direction, String xml) {
        // the engine redacts before calling a trace; do it again so that a trace wired elsewhere is safe too
        String text = MessageTrace.Redaction.redact(xml);
        int dropped = Math.max(0, text.length() - MAX_CHARS);
        Entry e;
        synchronized (entries) {
            e = new Entry(++nextSeq, Instant.now(), peer, direction,
                    dropped > 0 ? text.substring(0, MAX_CHARS) : text, dropped);
            entries.addLast(e);
            totalChars += e.xml().length();
            while (entries.size() > MAX_MESSAGES || totalChars > MAX_TOTAL_CHARS) {
                totalChars -= entries.removeFirst().xml().length();
            }
        }
        listeners.forEach(l -> l.accept(e));
    }

    /** The kept messages of one peer, oldest first. */
    public List<Entry> entries(String peer) {
        return entries(peer, 0);
    }

    /** The kept messages of one peer newer than {@code afterSeq}, oldest first. */
    public List<Entry> entries(String peer, long afterSeq) {
        List<Entry> out = new ArrayList<>();
        synchronized (entries) {
            for (Entry e : entries) {
                if (e.seq() > afterSeq && e.peer().equals(peer)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    public void addListener(Consumer<Entry> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<Entry> l) {
        listeners.remove(l);
    }

    /** Indented XML with the content of secret leaves replaced; text that does not parse is shown masked as is. */
    static String pretty(String xml) {
        try {
            Document d = SafeXml.parse(xml);
            mask(d.getDocumentElement());
            return SafeXml.pretty(d.getDocumentElement()).strip();
        } catch (MalformedXmlException | RuntimeException e) {
            return maskText(xml);
        }
    }

    private static final java.util.regex.Pattern SECRET_TEXT = java.util.regex.Pattern.compile(
            "(<(?:[\\w.-]+:)?(" + String.join("|", SECRET_LEAVES) + ")(?:\\s[^>]*)?>)(.*?)(</(?:[\\w.-]+:)?\\2\\s*>)",
            java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern SECRET_OPEN = java.util.regex.Pattern.compile(
            "<(?:[\\w.-]+:)?(" + String.join("|", SECRET_LEAVES) + ")(?:\\s[^>]*)?(?<!/)>");

    /** For text that is not XML (a message cut at MAX_CHARS): mask every secret leaf, also with CDATA or unclosed. */
    static String maskText(String xml) {
        String masked = SECRET_TEXT.matcher(xml).replaceAll("$1*****$4");
        java.util.regex.Matcher open = SECRET_OPEN.matcher(masked);
        int from = 0;
        while (open.find(from)) {
            int after = open.end();
            if (!masked.startsWith("*****</", after)) {
                return masked.substring(0, after) + "***** (rest not shown)";
            }
            from = after;
        }
        return masked;
    }

    private static void mask(Element e) {
        String name = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
        if (SECRET_LEAVES.contains(name)) {
            while (e.getFirstChild() != null) {
                e.removeChild(e.getFirstChild());
            }
            e.appendChild(e.getOwnerDocument().createTextNode("*****"));
            return;
        }
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element child) {
                mask(child);
            }
        }
    }
}
