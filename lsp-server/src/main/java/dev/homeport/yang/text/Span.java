package dev.homeport.yang.text;

/**
 * A half-open range of character offsets {@code [start, end)} into a text. Offsets count UTF-16 code units, the
 * unit of Java strings and of LSP positions, so no conversion is needed between the two.
 */
public record Span(int start, int end) implements Comparable<Span> {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    public static Span of(int start, int end) {
        return new Span(start, end);
    }

    /** An empty span at {@code offset}: where something is missing, e.g. a ';'. */
    public static Span at(int offset) {
        return new Span(offset, offset);
    }

    public int length() {
        return end - start;
    }

    public boolean isEmpty() {
        return start == end;
    }

    /** True when {@code offset} lies inside, the end excluded. */
    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    /** True when {@code offset} lies inside or right at the end (where a cursor after the last character is). */
    public boolean touches(int offset) {
        return offset >= start && offset <= end;
    }

    public boolean contains(Span other) {
        return other.start >= start && other.end <= end;
    }

    public Span cover(Span other) {
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }

    public String textIn(CharSequence text) {
        return text.subSequence(start, end).toString();
    }

    @Override
    public int compareTo(Span o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
