package dev.homeport.lsp;

import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.LineMap;
import dev.homeport.yang.text.Position;
import dev.homeport.yang.text.Range;
import dev.homeport.yang.text.Severity;
import dev.homeport.yang.text.TextChange;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The one place where core values become LSP4J values and back. The core already computes UTF-16 positions, so
 * this is a field-by-field copy; the adapter that will serve LSP (a later task) uses only these conversions.
 */
public final class LspConversions {
    /** The {@code source} shown with every diagnostic. */
    public static final String SOURCE = "yang";

    private LspConversions() {
    }

    public static org.eclipse.lsp4j.Position toLsp(Position p) {
        return new org.eclipse.lsp4j.Position(p.line(), p.character());
    }

    public static org.eclipse.lsp4j.Range toLsp(Range r) {
        return new org.eclipse.lsp4j.Range(toLsp(r.start()), toLsp(r.end()));
    }

    public static DiagnosticSeverity toLsp(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFORMATION -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }

    public static org.eclipse.lsp4j.Diagnostic toLsp(Diagnostic d, LineMap lines) {
        org.eclipse.lsp4j.Diagnostic out = new org.eclipse.lsp4j.Diagnostic(toLsp(d.range(lines)), d.message(),
                toLsp(d.severity()), SOURCE, d.code());
        return out;
    }

    public static Position fromLsp(org.eclipse.lsp4j.Position p) {
        return new Position(Math.max(0, p.getLine()), Math.max(0, p.getCharacter()));
    }

    public static Range fromLsp(org.eclipse.lsp4j.Range r) {
        Position start = fromLsp(r.getStart());
        Position end = fromLsp(r.getEnd());
        return start.compareTo(end) <= 0 ? new Range(start, end) : new Range(end, start);
    }

    public static TextChange fromLsp(TextDocumentContentChangeEvent e) {
        return new TextChange(e.getRange() == null ? null : fromLsp(e.getRange()), e.getText());
    }

    public static Severity fromLsp(DiagnosticSeverity s) {
        return s == null ? Severity.ERROR : switch (s) {
            case Error -> Severity.ERROR;
            case Warning -> Severity.WARNING;
            case Information -> Severity.INFORMATION;
            case Hint -> Severity.HINT;
        };
    }

    /** A diagnostic the client sends back (code action context) in core terms; empty without a string code. */
    public static java.util.Optional<Diagnostic> fromLsp(org.eclipse.lsp4j.Diagnostic d, LineMap lines) {
        if (d.getRange() == null || d.getCode() == null || !d.getCode().isLeft() || d.getCode().getLeft() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Diagnostic(lines.span(fromLsp(d.getRange())), fromLsp(d.getSeverity()),
                d.getCode().getLeft(), d.getMessage() == null ? ""
                : d.getMessage().isLeft() ? d.getMessage().getLeft() : d.getMessage().getRight().getValue()));
    }
}
