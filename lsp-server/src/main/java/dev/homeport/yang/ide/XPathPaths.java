package dev.homeport.yang.ide;

/**
 * The location path a cursor is in inside an XPath expression (must, when): the text from where that path starts
 * up to the cursor, in the form {@link PathSteps#parse} reads. {@code current()} at its start becomes the context
 * node and {@code ./} steps are dropped.
 */
final class XPathPaths {
    private XPathPaths() {
    }

    /**
     * The path ending at the end of {@code before} (the expression's text up to the cursor); an empty string where a
     * new path may start; null inside a string literal or a predicate, where the context is another node.
     */
    static String pathBefore(String before) {
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            }
        }
        if (quote != 0 || depth > 0) {
            return null;
        }
        int start = before.length();
        int brackets = 0;
        while (start > 0) {
            char c = before.charAt(start - 1);
            if (c == ']') {
                brackets++;
            } else if (c == '[') {
                brackets--;
            } else if (brackets == 0 && !(Names.isWordChar(c) || c == '/')) {
                break;
            }
            start--;
        }
        String path = before.substring(start);
        if (before.substring(0, start).endsWith("current()") && path.startsWith("/")) {
            path = path.substring(1); // current()/../x: the scan stopped at its ')'
        }
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path;
    }
}
