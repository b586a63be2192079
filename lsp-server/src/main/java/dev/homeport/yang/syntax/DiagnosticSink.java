package dev.homeport.yang.syntax;

import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Severity;
import dev.homeport.yang.text.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects a file's syntax problems up to a limit, so that binary garbage cannot produce millions of
 * diagnostics; past the limit one summary diagnostic says how many more there were.
 */
final class DiagnosticSink {
    private final int limit;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int dropped;
    private Span firstDropped;

    DiagnosticSink(int limit) {
        this.limit = limit;
    }

    void error(Span span, String code, String message) {
        add(span, Severity.ERROR, code, message);
    }

    void warning(Span span, String code, String message) {
        add(span, Severity.WARNING, code, message);
    }

    void add(Span span, Severity severity, String code, String message) {
        if (diagnostics.size() < limit) {
            diagnostics.add(new Diagnostic(span, severity, code, message));
        } else {
            if (dropped++ == 0) {
                firstDropped = span;
            }
        }
    }

    /** The diagnostics in text order, then the summary of dropped ones if any. */
    List<Diagnostic> finish() {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.sort(Comparator.comparing(Diagnostic::span));
        if (dropped > 0) {
            all.add(Diagnostic.error(firstDropped, SyntaxCodes.TOO_MANY_PROBLEMS,
                    dropped + " more syntax problems after the first " + limit + " are not shown"));
        }
        return List.copyOf(all);
    }
}
