package dev.homeport.yang.ide;

import dev.homeport.yang.text.Diagnostic;

/**
 * A quick fix: what the editor shows ({@code title}), the diagnostic it fixes (its {@code code} is the key the
 * fix was chosen by) and the edit that fixes it.
 */
public record CodeAction(String title, String kind, Diagnostic diagnostic, WorkspaceEdit edit) {
    /** LSP's code action kind for fixes of diagnostics. */
    public static final String QUICK_FIX = "quickfix";

    public String diagnosticCode() {
        return diagnostic.code();
    }
}
