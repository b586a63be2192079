package dev.homeport.yang.text;

/** A range between two editor positions, the end excluded (as in LSP). */
public record Range(Position start, Position end) {
    public Range {
        if (start.compareTo(end) > 0) {
            throw new IllegalArgumentException("range start " + start + " is after its end " + end);
        }
    }

    public static Range of(int startLine, int startCharacter, int endLine, int endCharacter) {
        return new Range(new Position(startLine, startCharacter), new Position(endLine, endCharacter));
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
