package dev.homeport.yang.model;

import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A statement's address that survives edits which change no statement structure (layout, comments, the text of
 * a description): the child indexes from the module statement down. Cached results are stored by these addresses
 * and mapped back onto the current tree.
 */
public final class StatementPaths {
    private StatementPaths() {
    }

    /** The child indexes from the module statement to {@code s}; empty for the module statement itself. */
    public static int[] of(Statement s) {
        Deque<Integer> path = new ArrayDeque<>();
        for (Statement c = s; c.parent() != null; c = c.parent()) {
            path.push(c.parent().children().indexOf(c));
        }
        int[] out = new int[path.size()];
        int i = 0;
        for (int p : path) {
            out[i++] = p;
        }
        return out;
    }

    /** The statement at {@code path} in {@code tree}, or null when the tree no longer has it. */
    public static Statement resolve(SyntaxTree tree, int[] path) {
        Statement s = tree.moduleStatement().orElse(null);
        for (int i = 0; s != null && i < path.length; i++) {
            s = path[i] < s.children().size() ? s.children().get(path[i]) : null;
        }
        return s;
    }
}
