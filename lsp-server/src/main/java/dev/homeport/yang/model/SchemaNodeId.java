package dev.homeport.yang.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A schema node identifier as augment, deviation and refine use them (RFC 7950 section 6.5): absolute
 * ({@code /a:b/a:c}) or descendant ({@code b/c}). Null from {@link #parse} when the text is not one.
 */
public record SchemaNodeId(boolean absolute, List<QualifiedName> segments) {

    public static SchemaNodeId parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        boolean absolute = t.startsWith("/");
        String body = absolute ? t.substring(1) : t;
        if (body.isEmpty()) {
            return null;
        }
        List<QualifiedName> segments = new ArrayList<>();
        for (String part : body.split("/", -1)) {
            QualifiedName q = QualifiedName.parse(part);
            if (!q.isValid() || part.trim().length() != part.length()) {
                return null;
            }
            segments.add(q);
        }
        return new SchemaNodeId(absolute, List.copyOf(segments));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            if (absolute || i > 0) {
                sb.append('/');
            }
            sb.append(segments.get(i));
        }
        return sb.toString();
    }
}
