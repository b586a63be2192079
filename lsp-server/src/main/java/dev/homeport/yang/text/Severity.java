package dev.homeport.yang.text;

/** How bad a diagnostic is; the order and meaning follow LSP's DiagnosticSeverity. */
public enum Severity {
    ERROR, WARNING, INFORMATION, HINT
}
