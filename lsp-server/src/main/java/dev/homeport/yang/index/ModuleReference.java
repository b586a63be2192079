package dev.homeport.yang.index;

import dev.homeport.yang.text.Span;

/**
 * An {@code import}, {@code include} or {@code belongs-to} in a module's header: the name it refers to, the
 * revision-date it asks for (null for any), and where in the text the statement, the name and the date are.
 */
public record ModuleReference(Kind kind, String name, Revision revisionDate, String prefix, Span span, Span nameSpan,
        Span revisionDateSpan) {

    public enum Kind {
        IMPORT("import"), INCLUDE("include"), BELONGS_TO("belongs-to");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /** The kind of source this reference needs: a submodule for an include, else a module. */
    public ModuleKind targetKind() {
        return kind == Kind.INCLUDE ? ModuleKind.SUBMODULE : ModuleKind.MODULE;
    }

    @Override
    public String toString() {
        return kind.keyword + " " + name + (revisionDate == null ? "" : "@" + revisionDate);
    }
}
