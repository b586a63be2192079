package dev.homeport.yang.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The argument of a leafref {@code path} (RFC 7950 section 9.9.2 and the ABNF of section 14): an absolute path
 * ({@code /a:b[k = current()/../x]/c}), a relative path ({@code ../../b/c}) or, in YANG 1.1,
 * {@code deref(relative-path)/relative-path}. Whitespace may appear between tokens.
 *
 * @param ups   the number of leading {@code ../} of a relative path
 * @param deref the path inside {@code deref(...)}, or null
 */
public record LeafrefPath(boolean absolute, int ups, List<Step> steps, LeafrefPath deref) {

    public record Step(QualifiedName name, List<Predicate> predicates) {
    }

    /** {@code [key = current()/../../a/b]}: {@code ups} is the number of {@code ..} after {@code current()/}. */
    public record Predicate(QualifiedName key, int ups, List<QualifiedName> names) {
    }

    /** Thrown for a path that does not follow the grammar; {@code offset} is where in the text it goes wrong. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int offset;

        SyntaxError(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    public static LeafrefPath parse(String text) throws SyntaxError {
        Parser p = new Parser(text);
        LeafrefPath path = p.pathArg();
        p.skipSpace();
        if (!p.atEnd()) {
            throw p.error("unexpected '" + p.rest() + "'");
        }
        return path;
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        LeafrefPath pathArg() throws SyntaxError {
            skipSpace();
            if (lookingAtFunction("deref")) {
                i += "deref".length();
                skipSpace();
                expect('(');
                LeafrefPath inner = pathStr();
                skipSpace();
                expect(')');
                skipSpace();
                expect('/');
                skipSpace();
                LeafrefPath rest = relative();
                return new LeafrefPath(false, rest.ups, rest.steps, inner);
            }
            return pathStr();
        }

        LeafrefPath pathStr() throws SyntaxError {
            skipSpace();
            if (peek() == '/') {
                List<Step> steps = new ArrayList<>();
                while (peek() == '/') {
                    i++;
                    skipSpace();
                    steps.add(step());
                    skipSpace();
                }
                return new LeafrefPath(true, 0, List.copyOf(steps), null);
            }
            return relative();
        }

        LeafrefPath relative() throws SyntaxError {
            int ups = 0;
            while (s.startsWith("..", i)) {
                i += 2;
                skipSpace();
                expect('/');
                skipSpace();
                ups++;
            }
            if (ups == 0) {
                throw error("a relative path starts with '../'");
            }
            List<Step> steps = new ArrayList<>();
            steps.add(step());
            skipSpace();
            while (peek() == '/') {
                i++;
                skipSpace();
                steps.add(step());
                skipSpace();
            }
            return new LeafrefPath(false, ups, List.copyOf(steps), null);
        }

        Step step() throws SyntaxError {
            QualifiedName name = nodeIdentifier();
            List<Predicate> predicates = new ArrayList<>();
            skipSpace();
            while (peek() == '[') {
                i++;
                skipSpace();
                QualifiedName key = nodeIdentifier();
                skipSpace();
                expect('=');
                skipSpace();
                if (!lookingAtFunction("current")) {
                    throw error("a path predicate compares with current()/...");
                }
                i += "current".length();
                skipSpace();
                expect('(');
                skipSpace();
                expect(')');
                skipSpace();
                expect('/');
                skipSpace();
                int ups = 0;
                while (s.startsWith("..", i)) {
                    i += 2;
                    skipSpace();
                    expect('/');
                    skipSpace();
                    ups++;
                }
                if (ups == 0) {
                    throw error("current() is followed by '../'");
                }
                List<QualifiedName> names = new ArrayList<>();
                names.add(nodeIdentifier());
                skipSpace();
                while (peek() == '/') {
                    i++;
                    skipSpace();
                    names.add(nodeIdentifier());
                    skipSpace();
                }
                expect(']');
                skipSpace();
                predicates.add(new Predicate(key, ups, List.copyOf(names)));
            }
            return new Step(name, List.copyOf(predicates));
        }

        QualifiedName nodeIdentifier() throws SyntaxError {
            int start = i;
            while (i < s.length() && isNameChar(s.charAt(i))) {
                i++;
            }
            String text = s.substring(start, i);
            QualifiedName q = QualifiedName.parse(text);
            if (text.isEmpty() || !q.isValid()) {
                i = start;
                throw error(text.isEmpty() ? "expected a node name" : "'" + text + "' is not a node name");
            }
            return q;
        }

        private static boolean isNameChar(char c) {
            return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':');
        }

        boolean lookingAtFunction(String name) {
            if (!s.startsWith(name, i)) {
                return false;
            }
            int j = i + name.length();
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            return j < s.length() && s.charAt(j) == '(';
        }

        void expect(char c) throws SyntaxError {
            if (peek() != c) {
                throw error("expected '" + c + "'" + (atEnd() ? " at the end" : " at '" + rest() + "'"));
            }
            i++;
        }

        char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        boolean atEnd() {
            return i >= s.length();
        }

        String rest() {
            String r = s.substring(i);
            return r.length() > 20 ? r.substring(0, 20) + "..." : r;
        }

        void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        SyntaxError error(String message) {
            return new SyntaxError(message, i);
        }
    }
}
