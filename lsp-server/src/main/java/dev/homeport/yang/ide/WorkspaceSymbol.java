package dev.homeport.yang.ide;

/** A named definition found by a workspace symbol search: its name, kind, the module it is in and where. */
public record WorkspaceSymbol(String name, SymbolKind kind, String module, Location location) {
}
