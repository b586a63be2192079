package dev.homeport.yang.text;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An immutable snapshot of one text as an editor has it: its URI, the editor's version number and the text.
 * Edits make a new snapshot, so readers on other threads keep a consistent view.
 */
public final class Document {
    private final URI uri;
    private final int version;
    private final String text;
    private volatile LineMap lines;

    public Document(URI uri, int version, String text) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.version = version;
        this.text = Objects.requireNonNull(text, "text");
    }

    public URI uri() {
        return uri;
    }

    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    public LineMap lines() {
        LineMap l = lines;
        if (l == null) {
            l = LineMap.of(text);
            lines = l;
        }
        return l;
    }

    public Position position(int offset) {
        return lines().position(offset);
    }

    public int offset(Position position) {
        return lines().offset(position);
    }

    public Range range(Span span) {
        return lines().range(span);
    }

    /**
     * Applies an editor's changes in order, each against the text the previous one produced (LSP
     * {@code didChange} semantics), and returns the new snapshot.
     */
    public Document apply(List<TextChange> changes, int newVersion) {
        String current = text;
        LineMap currentLines = lines();
        for (TextChange change : changes) {
            if (change.range() == null) {
                current = change.text();
            } else {
                Span span = currentLines.span(change.range());
                current = current.substring(0, span.start()) + change.text() + current.substring(span.end());
            }
            currentLines = LineMap.of(current);
        }
        Document next = new Document(uri, newVersion, current);
        next.lines = currentLines;
        return next;
    }

    @Override
    public String toString() {
        return uri + " v" + version + " (" + text.length() + " chars)";
    }
}
