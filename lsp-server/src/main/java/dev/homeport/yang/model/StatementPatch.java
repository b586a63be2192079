package dev.homeport.yang.model;

import dev.homeport.yang.syntax.Statement;

/**
 * A change to a statement before yangtools sees it, so that one known problem does not hide the others: yangtools
 * stops at the first reactor phase with an error, and some errors (ranges outside their type) carry no position.
 * {@link Action#REMOVE} leaves the statement out; {@link Action#REPLACE_TYPE} turns a {@code type} statement into
 * {@code type string;} where leaving it out would only cause another error (a leaf needs a type).
 */
public record StatementPatch(Statement statement, Action action) {
    public enum Action {
        REMOVE, REPLACE_TYPE
    }

    public static StatementPatch remove(Statement s) {
        return new StatementPatch(s, Action.REMOVE);
    }

    /** Replaces the {@code type} statement that holds {@code s} (or {@code s} itself if it is one). */
    public static StatementPatch replaceType(Statement s) {
        Statement t = s;
        while (t != null && !t.is("type")) {
            t = t.parent();
        }
        // the outermost type: a broken member of a union makes the whole union a string
        while (t != null && t.parent() != null && t.parent().is("type")) {
            t = t.parent();
        }
        return t == null ? remove(s) : new StatementPatch(t, Action.REPLACE_TYPE);
    }
}
