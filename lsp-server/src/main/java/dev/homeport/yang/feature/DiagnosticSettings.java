package dev.homeport.yang.feature;

import dev.homeport.yang.text.Diagnostic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The user's severity per diagnostic code (error, warning, info, off). Codes without a setting keep their default
 * ({@link DiagnosticCodes}). A plain immutable value: the LSP adapter maps {@code homeport.yang.diagnostics} to it,
 * the batch command maps {@code --severity code=level} options to it.
 */
public final class DiagnosticSettings {
    public static final DiagnosticSettings DEFAULTS = new DiagnosticSettings(Map.of());

    private final Map<String, SeverityLevel> levels;

    private DiagnosticSettings(Map<String, SeverityLevel> levels) {
        this.levels = Map.copyOf(levels);
    }

    public static DiagnosticSettings of(Map<String, SeverityLevel> levels) {
        return new DiagnosticSettings(levels);
    }

    /**
     * Settings from {@code code -> level} text, e.g. {@code {"unused-import": "off"}}. Unknown codes and levels are
     * refused with IllegalArgumentException naming them, so a typo does not silently do nothing.
     */
    public static DiagnosticSettings parse(Map<String, String> levels) {
        Map<String, SeverityLevel> parsed = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        levels.forEach((code, level) -> {
            if (DiagnosticCodes.find(code).isEmpty()) {
                unknown.add(code);
            } else {
                parsed.put(code, SeverityLevel.parse(level));
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown diagnostic code" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (see 'homeport check --list-codes')");
        }
        return new DiagnosticSettings(parsed);
    }

    public DiagnosticSettings with(String code, SeverityLevel level) {
        Map<String, SeverityLevel> copy = new LinkedHashMap<>(levels);
        copy.put(Objects.requireNonNull(code), Objects.requireNonNull(level));
        return new DiagnosticSettings(copy);
    }

    /** The level for a code: the user's if set, else the code's default, else what the diagnostic came with. */
    public SeverityLevel level(Diagnostic d) {
        SeverityLevel set = levels.get(d.code());
        if (set != null) {
            return set;
        }
        return switch (d.severity()) {
            case ERROR -> SeverityLevel.ERROR;
            case WARNING -> SeverityLevel.WARNING;
            case INFORMATION, HINT -> SeverityLevel.INFO;
        };
    }

    /** The diagnostics with the user's severities; those set to off are left out. */
    public List<Diagnostic> apply(Collection<Diagnostic> diagnostics) {
        List<Diagnostic> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            SeverityLevel level = levels.get(d.code());
            if (level == null) {
                out.add(d);
            } else if (level != SeverityLevel.OFF) {
                out.add(level.severity() == d.severity() ? d
                        : new Diagnostic(d.span(), level.severity(), d.code(), d.message()));
            }
        }
        return out;
    }

    public Map<String, SeverityLevel> levels() {
        return levels;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiagnosticSettings s && s.levels.equals(levels);
    }

    @Override
    public int hashCode() {
        return levels.hashCode();
    }

    @Override
    public String toString() {
        return "DiagnosticSettings" + levels;
    }
}
