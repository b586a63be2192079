package dev.homeport.yang.testing;

import dev.homeport.yang.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Test input whose positions are marked in the text itself (LemMinX style): {@code [[...]]} marks a span,
 * {@code [[]]} an empty span, and, in {@link #withCursor(String)} input, a single {@code |} marks an offset.
 * The markers are removed from {@link #text()}; spans and the cursor are offsets into the cleaned text.
 */
public record Marked(String text, List<Span> spans, int cursor) {

    public static Marked of(String marked) {
        StringBuilder text = new StringBuilder(marked.length());
        List<Span> spans = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < marked.length(); i++) {
            if (marked.startsWith("[[", i)) {
                if (open >= 0) {
                    throw new IllegalArgumentException("nested [[ at " + i);
                }
                open = text.length();
                i++;
            } else if (marked.startsWith("]]", i) && open >= 0) {
                spans.add(Span.of(open, text.length()));
                open = -1;
                i++;
            } else {
                text.append(marked.charAt(i));
            }
        }
        if (open >= 0) {
            throw new IllegalArgumentException("unclosed [[");
        }
        return new Marked(text.toString(), List.copyOf(spans), -1);
    }

    public static Marked withCursor(String marked) {
        int bar = marked.indexOf('|');
        if (bar < 0 || marked.indexOf('|', bar + 1) >= 0) {
            throw new IllegalArgumentException("expected exactly one | in the input");
        }
        Marked rest = of(marked.substring(0, bar) + marked.substring(bar + 1));
        String before = marked.substring(0, bar);
        int markers = before.split("\\[\\[", -1).length - 1 + before.split("]]", -1).length - 1;
        return new Marked(rest.text, rest.spans, bar - 2 * markers);
    }

    public Span span() {
        if (spans.size() != 1) {
            throw new IllegalStateException("expected one marked span, found " + spans.size());
        }
        return spans.get(0);
    }
}
