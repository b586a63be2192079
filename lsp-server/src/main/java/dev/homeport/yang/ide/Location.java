package dev.homeport.yang.ide;

import dev.homeport.yang.text.Range;
import dev.homeport.yang.text.Span;
import java.net.URI;

/**
 * A place in a source of the workspace: its URI, the offsets and the same as an editor range (line and UTF-16
 * column of the text the index has for that URI, which is the open document's text when it is open).
 */
public record Location(URI uri, Span span, Range range) {
    @Override
    public String toString() {
        return uri + "@" + range;
    }
}
