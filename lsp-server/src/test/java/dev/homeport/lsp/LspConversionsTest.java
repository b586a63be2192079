package dev.homeport.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.syntax.SyntaxCodes;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.text.Range;
import dev.homeport.yang.text.TextChange;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

class LspConversionsTest {

    @Test
    void aSyntaxDiagnosticBecomesAnLspDiagnosticWithUtf16Positions() {
        SyntaxTree tree = SyntaxTree.parse("module m {\n  description \"\uD83D\uDE00\" leaf x;\n}");
        org.eclipse.lsp4j.Diagnostic d = LspConversions.toLsp(tree.diagnostics().get(0), tree.lines());
        assertThat(d.getCode().getLeft()).isEqualTo(SyntaxCodes.MISSING_SEMICOLON);
        assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
        assertThat(d.getSource()).isEqualTo("yang");
        // after `  description "😀"`: 2 + 11 + 1 + 4 (quote, two UTF-16 units, quote) = 18
        assertThat(d.getRange()).isEqualTo(new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(1, 18),
                new org.eclipse.lsp4j.Position(1, 18)));
    }

    @Test
    void changeEventsBecomeTextChanges() {
        TextDocumentContentChangeEvent ranged = new TextDocumentContentChangeEvent(
                new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(1, 2), new org.eclipse.lsp4j.Position(1, 4)), "x");
        assertThat(LspConversions.fromLsp(ranged)).isEqualTo(new TextChange(Range.of(1, 2, 1, 4), "x"));
        assertThat(LspConversions.fromLsp(new TextDocumentContentChangeEvent("all"))).isEqualTo(TextChange.full("all"));
    }
}
