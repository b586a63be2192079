package dev.homeport.yang.text;

/**
 * A place in a text as an editor shows it: zero-based line and zero-based column counted in UTF-16 code units
 * (what LSP calls {@code character}).
 */
public record Position(int line, int character) implements Comparable<Position> {
    public Position {
        if (line < 0 || character < 0) {
            throw new IllegalArgumentException("invalid position " + line + ":" + character);
        }
    }

    @Override
    public int compareTo(Position o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(character, o.character);
    }

    @Override
    public String toString() {
        return line + ":" + character;
    }
}
