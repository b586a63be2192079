package dev.homeport.yang.text;

import java.util.Arrays;

/**
 * Converts between character offsets and editor positions of one text. Line breaks are LF, CR LF and a lone CR,
 * as in LSP. Columns are UTF-16 code units, which is what a Java string index is, so a column is simply the
 * offset minus the line's start. Built in one linear pass; each lookup is a binary search.
 */
public final class LineMap {
    private final int length;
    private final int[] lineStarts;
    /** Per line, the offset just past its last character, before the line break. */
    private final int[] contentEnds;

    private LineMap(int length, int[] lineStarts, int[] contentEnds) {
        this.length = length;
        this.lineStarts = lineStarts;
        this.contentEnds = contentEnds;
    }

    public static LineMap of(CharSequence text) {
        int n = text.length();
        int[] starts = new int[64];
        int[] ends = new int[64];
        int count = 0;
        int lineStart = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int contentEnd = i;
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count + 1 >= starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                    ends = Arrays.copyOf(ends, ends.length * 2);
                }
                starts[count] = lineStart;
                ends[count] = contentEnd;
                count++;
                lineStart = i + 1;
            }
        }
        starts[count] = lineStart;
        ends[count] = n;
        count++;
        return new LineMap(n, Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
    }

    public int lineCount() {
        return lineStarts.length;
    }

    public int textLength() {
        return length;
    }

    /** Offset of the first character of {@code line}. */
    public int lineStart(int line) {
        return lineStarts[line];
    }

    /** Offset just past the last character of {@code line}, before its line break. */
    public int lineEnd(int line) {
        return contentEnds[line];
    }

    /** The line that holds {@code offset}; offsets past the end belong to the last line. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, clamp(offset));
        return i >= 0 ? i : -i - 2;
    }

    /** The position of {@code offset}; an offset inside a CR LF break maps to the end of its line. */
    public Position position(int offset) {
        int o = clamp(offset);
        int line = line(o);
        return new Position(line, Math.min(o, contentEnds[line]) - lineStarts[line]);
    }

    public Range range(Span span) {
        return new Range(position(span.start()), position(span.end()));
    }

    /**
     * The offset of a position. As LSP asks, a line past the end means the end of the text and a column past the
     * end of its line means the end of that line (before the line break).
     */
    public int offset(Position position) {
        if (position.line() >= lineStarts.length) {
            return length;
        }
        int line = position.line();
        return (int) Math.min((long) lineStarts[line] + position.character(), contentEnds[line]);
    }

    public Span span(Range range) {
        int s = offset(range.start());
        int e = offset(range.end());
        return new Span(s, Math.max(s, e));
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, length));
    }
}
