package dev.homeport.yang.text;

import java.util.Objects;

/**
 * A problem found in one text. {@code span} is in character offsets of that text; {@link #range(LineMap)} gives
 * the editor range. {@code code} is a stable, machine-readable name (e.g. {@code missing-semicolon}) that tests,
 * quick fixes and suppressions key on; {@code message} is for people.
 */
public record Diagnostic(Span span, Severity severity, String code, String message) {
    public Diagnostic {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(Span span, String code, String message) {
        return new Diagnostic(span, Severity.ERROR, code, message);
    }

    public static Diagnostic warning(Span span, String code, String message) {
        return new Diagnostic(span, Severity.WARNING, code, message);
    }

    public Range range(LineMap lines) {
        return lines.range(span);
    }

    @Override
    public String toString() {
        return severity + " " + code + " " + span + ": " + message;
    }
}
