package dev.homeport.yang.feature;

import dev.homeport.yang.text.Severity;
import java.util.Locale;

/** What a user can set per diagnostic code: its severity, or {@link #OFF} to drop it. */
public enum SeverityLevel {
    ERROR, WARNING, INFO, OFF;

    /** The severity diagnostics get at this level; null for {@link #OFF}. */
    public Severity severity() {
        return switch (this) {
            case ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case INFO -> Severity.INFORMATION;
            case OFF -> null;
        };
    }

    /** {@code error}, {@code warning}, {@code info} (or {@code information}), {@code off} (or {@code none}), any case. */
    public static SeverityLevel parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "info", "information", "hint" -> INFO;
            case "off", "none", "ignore" -> OFF;
            default -> throw new IllegalArgumentException("unknown severity '" + text
                    + "': expected error, warning, info or off");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
