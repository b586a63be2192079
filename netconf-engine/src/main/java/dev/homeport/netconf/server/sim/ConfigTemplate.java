package dev.homeport.netconf.server.sim;

import java.io.Reader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration written once and repeated: the text of the {@code <repeat>} element (namespace
 * {@value Profile#TEMPLATE_NS}) is written N times with {@code {i}} replaced by the repetition's number (from 0), and
 * {@code {i/256%256}} and the like by integer arithmetic on it ({@code + - * / %}, left to right). The expansion is
 * streamed, never held whole: a template of 100k interfaces costs the parser's time, not 20 MB of text.
 */
final class ConfigTemplate {
    private static final Pattern REPEAT = Pattern.compile(
            "<([A-Za-z_][\\w.-]*:)?repeat\\b[^>]*>(.*?)</\\1?repeat\\s*>", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{i([^}]*)}");
    private static final Pattern OP = Pattern.compile("\\s*([-+*/%])\\s*(\\d+)");

    private final String before;
    private final String body;
    private final String after;

    private ConfigTemplate(String before, String body, String after) {
        this.before = before;
        this.body = body;
        this.after = after;
    }

    /** Parses the template text; it must hold exactly one repeat element. */
    static ConfigTemplate parse(String text) {
        String t = text.strip();
        if (t.startsWith("<?xml")) {
            t = t.substring(t.indexOf("?>") + 2);
        }
        Matcher m = REPEAT.matcher(t);
        if (!m.find()) {
            throw new IllegalArgumentException("a config template needs a <repeat xmlns=\"" + Profile.TEMPLATE_NS
                    + "\"> element");
        }
        return new ConfigTemplate(t.substring(0, m.start()), m.group(2), t.substring(m.end()));
    }

    /** The whole document, {@code count} repetitions, wrapped in one root element for the parser. */
    Reader expand(int count) {
        return new Reader() {
            private int next = -1;
            private String chunk = "<config>" + before;
            private int pos;

            @Override
            public int read(char[] buf, int off, int len) {
                while (pos == chunk.length()) {
                    if (next == Integer.MAX_VALUE) {
                        return -1;
                    }
                    next++;
                    if (next < count) {
                        chunk = substitute(body, next);
                    } else {
                        chunk = after + "</config>";
                        next = Integer.MAX_VALUE;
                    }
                    pos = 0;
                }
                int n = Math.min(len, chunk.length() - pos);
                chunk.getChars(pos, pos + n, buf, off);
                pos += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    static String substitute(String text, long i) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder(text.length() + 16);
        while (m.find()) {
            m.appendReplacement(sb, Long.toString(evaluate(i, m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static long evaluate(long i, String ops) {
        long v = i;
        Matcher m = OP.matcher(ops);
        int at = 0;
        while (m.find() && m.start() == at) {
            long n = Long.parseLong(m.group(2));
            v = switch (m.group(1)) {
                case "+" -> v + n;
                case "-" -> v - n;
                case "*" -> v * n;
                case "/" -> v / n;
                default -> v % n;
            };
            at = m.end();
        }
        if (at != ops.length()) {
            throw new IllegalArgumentException("bad placeholder {i" + ops + "}: use {i}, {i/256%256}, {i+1}...");
        }
        return v;
    }
}
