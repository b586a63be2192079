package dev.homeport.yang.editor;

import dev.homeport.yang.feature.DiagnosticSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editor's settings in the preference store, under the keys VS Code uses: {@code homeport.yang.path} (module
 * search path entries, one per line) and {@code homeport.yang.diagnostics} (severity per code, {@code code=level}
 * one per line; levels error, warning, info, off).
 */
public final class YangPreferences {
    public static final String PATH = "homeport.yang.path";
    public static final String DIAGNOSTICS = "homeport.yang.diagnostics";

    private YangPreferences() {
    }

    /** Non-empty, trimmed lines. */
    public static List<String> pathEntries(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text == null ? new String[0] : text.split("\\R")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    /**
     * The core's settings from {@code code=level} lines.
     *
     * @throws IllegalArgumentException naming a malformed line, an unknown code or level
     */
    public static DiagnosticSettings diagnosticSettings(String text) {
        Map<String, String> levels = new LinkedHashMap<>();
        for (String line : pathEntries(text)) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + line + "' is not code=level");
            }
            levels.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return DiagnosticSettings.parse(levels);
    }
}
