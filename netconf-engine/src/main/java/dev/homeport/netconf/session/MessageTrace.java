package dev.homeport.netconf.session;

import java.util.regex.Pattern;

/** Observes every NETCONF message of a session, for console views and --trace. Secrets are redacted first. */
@FunctionalInterface
public interface MessageTrace {
    enum Direction { IN, OUT }

    void message(String peer, Direction direction, String xml);

    /** Wraps a trace so that it never sees passwords or private keys carried in data (e.g. ietf-system users). */
    static MessageTrace redacting(MessageTrace delegate) {
        return (peer, dir, xml) -> delegate.message(peer, dir, Redaction.redact(xml));
    }

    final class Redaction {
        private static final Pattern SECRET = Pattern.compile(
                "(<(?:[\\w.-]+:)?(password|private-key|secret|passphrase|cleartext-password|key-data)(?:\\s[^>]*)?>)"
                        // the content: text and CDATA sections (a CDATA password must not slip through)
                        + "((?:[^<]|<!\\[CDATA\\[.*?]]>)*)(</(?:[\\w.-]+:)?\\2\\s*>)", Pattern.DOTALL);

        private Redaction() {
        }

        public static String redact(String xml) {
            if (xml.indexOf('<') < 0) {
                return xml;
            }
            return SECRET.matcher(xml).replaceAll("$1*****$4");
        }
    }
}
