package dev.homeport.yang.ide;

import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.syntax.Token;
import dev.homeport.yang.syntax.TokenKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sub-statements in the canonical order of RFC 7950 section 14: the order in which the ABNF lists a statement's
 * sub-statements (module: header, linkage, meta, revisions, body). Alternatives the ABNF puts in one group
 * ({@code *(typedef-stmt / grouping-stmt)}, the data definitions, the body statements of a module) keep their
 * relative order. Extension statements and statements the parent's grammar does not know keep their places; the
 * known ones are sorted into the other places. Only text moves: each statement moves with the comments directly
 * above it (up to the previous statement) and a comment after it on its line; the whitespace between statements
 * stays where it is, so re-indenting afterwards gives the canonical layout.
 */
final class CanonicalOrder {
    private static final String DATA = "container|leaf|leaf-list|list|choice|anydata|anyxml|uses";
    private static final String BODY = "extension|feature|identity|typedef|grouping|" + DATA
            + "|augment|rpc|notification|deviation";
    private static final String META = "organization contact description reference";
    private static final Map<String, Map<String, Integer>> RANKS = new HashMap<>();

    static {
        rank("module", "yang-version namespace prefix import|include " + META + " revision " + BODY);
        rank("submodule", "yang-version belongs-to import|include " + META + " revision " + BODY);
        rank("import", "prefix revision-date description reference");
        rank("include", "revision-date description reference");
        rank("revision", "description reference");
        rank("belongs-to", "prefix");
        rank("extension", "argument status description reference");
        rank("argument", "yin-element");
        rank("identity", "if-feature base status description reference");
        rank("feature", "if-feature status description reference");
        rank("typedef", "type units default status description reference");
        rank("type", "fraction-digits range length pattern enum bit path require-instance base type");
        rank("range", "error-message error-app-tag description reference");
        rank("length", "error-message error-app-tag description reference");
        rank("pattern", "modifier error-message error-app-tag description reference");
        rank("must", "error-message error-app-tag description reference");
        rank("when", "description reference");
        rank("enum", "if-feature value status description reference");
        rank("bit", "if-feature position status description reference");
        rank("container", "when if-feature must presence config status description reference typedef|grouping "
                + DATA + " action notification");
        rank("leaf", "when if-feature type units must default config mandatory status description reference");
        rank("leaf-list", "when if-feature type units must default config min-elements max-elements ordered-by "
                + "status description reference");
        rank("list", "when if-feature must key unique config min-elements max-elements ordered-by status "
                + "description reference typedef|grouping " + DATA + " action notification");
        rank("choice", "when if-feature default config mandatory status description reference "
                + "case|choice|container|leaf|leaf-list|list|anydata|anyxml");
        rank("case", "when if-feature status description reference " + DATA);
        rank("anydata", "when if-feature must config mandatory status description reference");
        rank("anyxml", "when if-feature must config mandatory status description reference");
        rank("grouping", "status description reference typedef|grouping " + DATA + " action notification");
        rank("uses", "when if-feature status description reference refine augment");
        rank("refine", "if-feature must presence default config mandatory min-elements max-elements description "
                + "reference");
        rank("augment", "when if-feature status description reference " + DATA + "|case|action|notification");
        rank("rpc", "if-feature status description reference typedef|grouping input output");
        rank("action", "if-feature status description reference typedef|grouping input output");
        rank("input", "must typedef|grouping " + DATA);
        rank("output", "must typedef|grouping " + DATA);
        rank("notification", "if-feature must status description reference typedef|grouping " + DATA);
        rank("deviation", "description reference deviate");
        rank("deviate", "type units must unique default config mandatory min-elements max-elements");
    }

    private static void rank(String parent, String order) {
        Map<String, Integer> ranks = new HashMap<>();
        String[] groups = order.trim().split("\\s+");
        for (int i = 0; i < groups.length; i++) {
            for (String keyword : groups[i].split("\\|")) {
                ranks.putIfAbsent(keyword, i);
            }
        }
        RANKS.put(parent, ranks);
    }

    /** The canonical rank of {@code child} under {@code parent}; -1 where it keeps its place. */
    static int rank(Statement parent, Statement child) {
        if (parent == null || parent.isExtension() || child.isExtension()) {
            return -1;
        }
        Map<String, Integer> ranks = RANKS.get(parent.keyword());
        Integer r = ranks == null ? null : ranks.get(child.keyword());
        return r == null ? -1 : r;
    }

    /** The children of {@code parent} (null: the top level) in canonical order. */
    static List<Statement> ordered(Statement parent, List<Statement> children) {
        List<Statement> known = new ArrayList<>();
        for (Statement c : children) {
            if (rank(parent, c) >= 0) {
                known.add(c);
            }
        }
        known.sort(java.util.Comparator.comparingInt(c -> rank(parent, c))); // stable: a group keeps its order
        List<Statement> out = new ArrayList<>(children.size());
        int k = 0;
        for (Statement c : children) {
            out.add(rank(parent, c) >= 0 ? known.get(k++) : c);
        }
        return out;
    }

    /** The text with every block's statements in canonical order (the same text when it already is). */
    static String reorder(SyntaxTree tree) {
        StringBuilder out = new StringBuilder(tree.text().length());
        new Writer(tree).inner(null, 0, tree.text().length(), tree.statements(), out);
        return out.toString();
    }

    /** The statements, depth first, in the order {@link #reorder} writes them (to check its result against). */
    static List<Statement> expectedOrder(SyntaxTree tree) {
        List<Statement> out = new ArrayList<>();
        java.util.Deque<Object[]> stack = new java.util.ArrayDeque<>();
        stack.push(new Object[] {null, ordered(null, tree.statements()), 0});
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            @SuppressWarnings("unchecked")
            List<Statement> list = (List<Statement>) top[1];
            int i = (Integer) top[2];
            if (i == list.size()) {
                stack.pop();
                continue;
            }
            top[2] = i + 1;
            Statement s = list.get(i);
            out.add(s);
            stack.push(new Object[] {s, ordered(s, s.children()), 0});
        }
        return out;
    }

    private static final class Writer {
        private final String text;
        private final List<Token> tokens;
        private final dev.homeport.yang.text.LineMap lines;

        Writer(SyntaxTree tree) {
            this.text = tree.text();
            this.tokens = tree.tokens();
            this.lines = tree.lines();
        }

        /** The text of [from, to) — a block's inside, or the whole file — with {@code children} reordered. */
        void inner(Statement parent, int from, int to, List<Statement> children, StringBuilder out) {
            int n = children.size();
            if (n == 0) {
                out.append(text, from, to);
                return;
            }
            int[] start = new int[n]; // with the comments above
            int[] end = new int[n]; // with a comment after it on its line
            int previous = from;
            for (int i = 0; i < n; i++) {
                Statement c = children.get(i);
                start[i] = commentsAbove(c, previous);
                end[i] = commentAfter(c, i + 1 < n ? children.get(i + 1).span().start() : to);
                previous = end[i];
            }
            List<Statement> order = ordered(parent, children);
            java.util.Map<Statement, Integer> index = new java.util.IdentityHashMap<>();
            for (int i = 0; i < n; i++) {
                index.put(children.get(i), i);
            }
            out.append(text, from, start[0]);
            for (int k = 0; k < n; k++) {
                int i = index.get(order.get(k));
                statement(children.get(i), start[i], end[i], out);
                String gap = text.substring(end[k], k + 1 < n ? start[k + 1] : to);
                if (endsInLineComment(end[i]) && gap.indexOf('\n') < 0) {
                    out.append('\n'); // what follows would otherwise be inside the comment
                }
                out.append(gap);
            }
        }

        private void statement(Statement s, int from, int to, StringBuilder out) {
            Token open = s.terminator();
            Token close = s.closeBrace();
            if (s.hasBlock() && close != null) {
                out.append(text, from, open.end());
                inner(s, open.end(), close.start(), s.children(), out);
                out.append(text, close.start(), to);
            } else {
                out.append(text, from, to);
            }
        }

        /** Where the comments directly above {@code s} start: those after {@code limit} (the previous statement). */
        private int commentsAbove(Statement s, int limit) {
            int at = s.span().start();
            int i = s.keywordToken().index() - 1;
            while (i >= 0 && tokens.get(i).kind().isComment() && tokens.get(i).start() >= limit) {
                at = tokens.get(i).start();
                i--;
            }
            return at;
        }

        /** The end of {@code s}, with a comment that follows it on the same line (before {@code limit}). */
        private int commentAfter(Statement s, int limit) {
            int end = s.span().end();
            Token last = s.hasBlock() && s.closeBrace() != null ? s.closeBrace() : s.terminator();
            if (last == null || last.index() + 1 >= tokens.size()) {
                return end;
            }
            Token next = tokens.get(last.index() + 1);
            if (next.kind().isComment() && next.end() <= limit
                    && lines.line(next.start()) == lines.line(end)) {
                return next.end();
            }
            return end;
        }

        private boolean endsInLineComment(int end) {
            int i = indexEndingAt(end);
            return i >= 0 && tokens.get(i).kind() == TokenKind.LINE_COMMENT;
        }

        private int indexEndingAt(int end) {
            int lo = 0;
            int hi = tokens.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int e = tokens.get(mid).end();
                if (e < end) {
                    lo = mid + 1;
                } else if (e > end) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }
    }
}
