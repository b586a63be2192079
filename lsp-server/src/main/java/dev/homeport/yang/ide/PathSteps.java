package dev.homeport.yang.ide;

import dev.homeport.yang.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * The beginning of a schema node identifier or leafref path, up to a cursor: whether it is absolute, how many
 * {@code ../} it starts with, the complete steps before the cursor and the step being typed ({@code partial}).
 * Predicates ({@code [...]}) are skipped. Null from {@link #parse} when the text is not the start of a path we can
 * follow (inside a predicate, {@code deref()}, a malformed step).
 */
record PathSteps(boolean absolute, int ups, List<QualifiedName> steps, String partial) {

    static PathSteps parse(String text) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        if (depth > 0) {
            return null;
        }
        String t = sb.toString();
        if (t.startsWith("deref(")) {
            return null;
        }
        boolean absolute = t.startsWith("/");
        int ups = 0;
        if (absolute) {
            t = t.substring(1);
        } else {
            while (t.startsWith("../")) {
                ups++;
                t = t.substring(3);
            }
        }
        String[] parts = t.split("/", -1);
        List<QualifiedName> steps = new ArrayList<>();
        for (int i = 0; i < parts.length - 1; i++) {
            QualifiedName q = QualifiedName.parse(parts[i]);
            if (!q.isValid()) {
                return null;
            }
            steps.add(q);
        }
        return new PathSteps(absolute, ups, List.copyOf(steps), parts[parts.length - 1]);
    }

    /** The steps with the partial one as the last, when it is a valid name. */
    List<QualifiedName> withPartial() {
        List<QualifiedName> all = new ArrayList<>(steps);
        QualifiedName q = QualifiedName.parse(partial);
        if (!partial.isEmpty() && q.isValid()) {
            all.add(q);
        }
        return all;
    }
}
