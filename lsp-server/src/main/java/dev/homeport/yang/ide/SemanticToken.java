package dev.homeport.yang.ide;

import java.util.List;
import java.util.Locale;

/** One classified piece of text on one line (zero-based line, UTF-16 start column and length). */
public record SemanticToken(int line, int character, int length, Type type) {

    /**
     * The classes, in legend order: {@link #legendName()} is the LSP standard token type an adapter announces, and
     * the ordinal is the index {@link #encode} writes.
     */
    public enum Type {
        KEYWORD("keyword"), EXTENSION("macro"), PREFIX("namespace"), TYPE("type"), DEFINITION("property"),
        REFERENCE("variable"), STRING("string"), NUMBER("number"), COMMENT("comment"), OPERATOR("operator");

        private final String legendName;

        Type(String legendName) {
            this.legendName = legendName;
        }

        public String legendName() {
            return legendName;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The LSP legend: token type names in ordinal order. */
    public static List<String> legend() {
        return java.util.Arrays.stream(Type.values()).map(Type::legendName).toList();
    }

    /** LSP's relative encoding: per token delta line, delta start, length, type index, modifiers (none). */
    public static int[] encode(List<SemanticToken> tokens) {
        int[] out = new int[tokens.size() * 5];
        int line = 0;
        int character = 0;
        int i = 0;
        for (SemanticToken t : tokens) {
            out[i++] = t.line - line;
            out[i++] = t.line == line ? t.character - character : t.character;
            out[i++] = t.length;
            out[i++] = t.type.ordinal();
            out[i++] = 0;
            line = t.line;
            character = t.character;
        }
        return out;
    }
}
