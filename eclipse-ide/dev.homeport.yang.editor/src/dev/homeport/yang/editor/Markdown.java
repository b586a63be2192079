package dev.homeport.yang.editor;

/** The core's hover Markdown as plain text for a text hover: code fences and emphasis marks dropped. */
final class Markdown {
    private Markdown() {
    }

    static String toPlainText(String markdown) {
        StringBuilder out = new StringBuilder();
        for (String line : markdown.split("\\R", -1)) {
            if (line.strip().startsWith("```")) {
                continue;
            }
            if (line.strip().equals("---")) {
                out.append('\n');
                continue;
            }
            out.append(line.replace("**", "").replace("`", "")).append('\n');
        }
        return out.toString().strip();
    }
}
