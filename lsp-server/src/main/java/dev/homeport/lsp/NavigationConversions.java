package dev.homeport.lsp;

import dev.homeport.yang.ide.CompletionItem;
import dev.homeport.yang.ide.Highlight;
import dev.homeport.yang.ide.HoverInfo;
import dev.homeport.yang.ide.Location;
import dev.homeport.yang.ide.OutlineSymbol;
import dev.homeport.yang.ide.SymbolKind;
import dev.homeport.yang.ide.TextEdit;
import dev.homeport.yang.ide.WorkspaceEdit;
import dev.homeport.yang.ide.WorkspaceSymbol;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Core results of the editing features ({@code dev.homeport.yang.ide}) as LSP4J values: a field-by-field copy, the
 * core already gives editor ranges. {@code spell} turns a core URI into the string the client used for it.
 */
final class NavigationConversions {
    private NavigationConversions() {
    }

    static org.eclipse.lsp4j.Location toLsp(Location l, Function<URI, String> spell) {
        return new org.eclipse.lsp4j.Location(spell.apply(l.uri()), LspConversions.toLsp(l.range()));
    }

    static List<org.eclipse.lsp4j.Location> locations(List<Location> ls, Function<URI, String> spell) {
        return ls.stream().map(l -> toLsp(l, spell)).toList();
    }

    static DocumentHighlight toLsp(Highlight h) {
        return new DocumentHighlight(LspConversions.toLsp(h.range()),
                h.declaration() ? DocumentHighlightKind.Write : DocumentHighlightKind.Read);
    }

    static Hover toLsp(HoverInfo h) {
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, h.markdown()), LspConversions.toLsp(h.range()));
    }

    static DocumentSymbol toLsp(OutlineSymbol s) {
        DocumentSymbol d = new DocumentSymbol(s.name().isEmpty() ? "(unnamed)" : s.name(), toLsp(s.kind()),
                LspConversions.toLsp(s.range()), LspConversions.toLsp(s.selectionRange()), s.detail());
        List<DocumentSymbol> children = new ArrayList<>(s.children().size());
        for (OutlineSymbol c : s.children()) {
            children.add(toLsp(c));
        }
        d.setChildren(children);
        return d;
    }

    static org.eclipse.lsp4j.WorkspaceSymbol toLsp(WorkspaceSymbol s, Function<URI, String> spell) {
        org.eclipse.lsp4j.WorkspaceSymbol w = new org.eclipse.lsp4j.WorkspaceSymbol(s.name(), toLsp(s.kind()),
                Either.forLeft(toLsp(s.location(), spell)));
        w.setContainerName(s.module());
        return w;
    }

    static org.eclipse.lsp4j.SymbolKind toLsp(SymbolKind k) {
        return switch (k) {
            case MODULE, SUBMODULE -> org.eclipse.lsp4j.SymbolKind.Module;
            case IMPORT -> org.eclipse.lsp4j.SymbolKind.Namespace;
            case INCLUDE -> org.eclipse.lsp4j.SymbolKind.File;
            case REVISION -> org.eclipse.lsp4j.SymbolKind.Event;
            case TYPEDEF -> org.eclipse.lsp4j.SymbolKind.TypeParameter;
            case GROUPING -> org.eclipse.lsp4j.SymbolKind.Class;
            case IDENTITY -> org.eclipse.lsp4j.SymbolKind.Constant;
            case FEATURE -> org.eclipse.lsp4j.SymbolKind.Boolean;
            case EXTENSION -> org.eclipse.lsp4j.SymbolKind.Interface;
            case CONTAINER, INPUT, OUTPUT, EXTENSION_STATEMENT -> org.eclipse.lsp4j.SymbolKind.Struct;
            case LIST, LEAF_LIST -> org.eclipse.lsp4j.SymbolKind.Array;
            case LEAF -> org.eclipse.lsp4j.SymbolKind.Field;
            case CHOICE -> org.eclipse.lsp4j.SymbolKind.Enum;
            case CASE -> org.eclipse.lsp4j.SymbolKind.EnumMember;
            case ANYDATA, ANYXML -> org.eclipse.lsp4j.SymbolKind.Object;
            case RPC, ACTION -> org.eclipse.lsp4j.SymbolKind.Method;
            case NOTIFICATION -> org.eclipse.lsp4j.SymbolKind.Event;
            case AUGMENT, DEVIATION -> org.eclipse.lsp4j.SymbolKind.Operator;
            case USES -> org.eclipse.lsp4j.SymbolKind.Package;
        };
    }

    static org.eclipse.lsp4j.CompletionItem toLsp(CompletionItem c) {
        org.eclipse.lsp4j.CompletionItem i = new org.eclipse.lsp4j.CompletionItem(c.label());
        i.setKind(switch (c.kind()) {
            case KEYWORD -> CompletionItemKind.Keyword;
            case SNIPPET -> CompletionItemKind.Snippet;
            case VALUE, REVISION -> CompletionItemKind.Value;
            case MODULE -> CompletionItemKind.Module;
            case PREFIX -> CompletionItemKind.Reference;
            case BUILTIN_TYPE, TYPEDEF -> CompletionItemKind.TypeParameter;
            case GROUPING -> CompletionItemKind.Class;
            case IDENTITY -> CompletionItemKind.Constant;
            case FEATURE -> CompletionItemKind.Property;
            case SCHEMA_NODE -> CompletionItemKind.Field;
            case FUNCTION -> CompletionItemKind.Function;
        });
        i.setDetail(c.detail());
        i.setTextEdit(Either.forLeft(new org.eclipse.lsp4j.TextEdit(LspConversions.toLsp(c.range()), c.insertText())));
        i.setInsertTextFormat(c.snippet() ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
        return i;
    }

    static org.eclipse.lsp4j.WorkspaceEdit toLsp(WorkspaceEdit e, Function<URI, String> spell) {
        Map<String, List<org.eclipse.lsp4j.TextEdit>> changes = new LinkedHashMap<>();
        for (Map.Entry<URI, List<TextEdit>> c : e.changes().entrySet()) {
            changes.put(spell.apply(c.getKey()), c.getValue().stream().map(t -> new org.eclipse.lsp4j.TextEdit(
                    LspConversions.toLsp(t.range()), t.newText())).toList());
        }
        return new org.eclipse.lsp4j.WorkspaceEdit(changes);
    }

    /** A quick fix, naming the client's own diagnostic object it fixes. */
    static org.eclipse.lsp4j.CodeAction toLsp(dev.homeport.yang.ide.CodeAction a, org.eclipse.lsp4j.Diagnostic fixes,
            Function<URI, String> spell) {
        org.eclipse.lsp4j.CodeAction out = new org.eclipse.lsp4j.CodeAction(a.title());
        out.setKind(a.kind());
        out.setDiagnostics(List.of(fixes));
        out.setEdit(toLsp(a.edit(), spell));
        return out;
    }
}
