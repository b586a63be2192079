package dev.homeport.yang.ide;

import dev.homeport.yang.check.CheckCodes;
import dev.homeport.yang.index.IndexCodes;
import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.ModuleKind;
import dev.homeport.yang.index.Revision;
import dev.homeport.yang.model.SourceTrees;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.LineMap;
import dev.homeport.yang.text.Span;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quick fixes, keyed on the diagnostic codes they fix:
 * <ul>
 *   <li>{@code unknown-prefix}: import a module whose own prefix is the unknown one (one action per module);</li>
 *   <li>{@code revision-not-found}: ask for the newest revision the index has;</li>
 *   <li>{@code requires-yang-1.1}: declare {@code yang-version 1.1} (replace the statement's argument or insert it);</li>
 *   <li>{@code unused-import}: delete the import, with its line when nothing else is on it.</li>
 * </ul>
 * The edits are computed on the text the index has for the source, the text the diagnostics were computed on.
 */
public final class CodeActionsFeature {
    // the checks' message names the prefix; the span of an XPath finding is the whole statement, so it cannot
    private static final Pattern PREFIX_IN_MESSAGE = Pattern.compile("^prefix '([^']+)'");

    private final SourceTrees trees;

    public CodeActionsFeature(SourceTrees trees) {
        this.trees = trees;
    }

    /** The fixes for those of {@code diagnostics} that overlap {@code span} (an empty span touching one counts). */
    public List<CodeAction> codeActions(URI uri, Span span, List<Diagnostic> diagnostics) {
        Snapshot snapshot = new Snapshot(trees);
        IndexedSource source = snapshot.source(uri);
        SyntaxTree tree = snapshot.tree(source);
        if (tree == null || tree.moduleStatement().isEmpty()) {
            return List.of();
        }
        Fixer fixer = new Fixer(snapshot, source, tree, source.uri());
        List<CodeAction> actions = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            if (!overlaps(d.span(), span)) {
                continue;
            }
            switch (d.code()) {
                case CheckCodes.UNKNOWN_PREFIX -> fixer.addImport(d, actions);
                case IndexCodes.REVISION_NOT_FOUND -> fixer.newestRevision(d, actions);
                case CheckCodes.REQUIRES_YANG_1_1 -> fixer.yangVersion11(d, actions);
                case CheckCodes.UNUSED_IMPORT -> fixer.removeImport(d, actions);
                default -> {
                    // no fix for this code
                }
            }
        }
        return actions;
    }

    private static boolean overlaps(Span a, Span b) {
        return a.start() <= b.end() && b.start() <= a.end();
    }

    private record Fixer(Snapshot snapshot, IndexedSource source, SyntaxTree tree, URI uri) {
        Statement module() {
            return tree.moduleStatement().orElseThrow();
        }

        CodeAction action(String title, Diagnostic d, Span span, String newText) {
            LineMap lines = tree.lines();
            TextEdit edit = new TextEdit(span, lines.range(span), newText);
            return new CodeAction(title, CodeAction.QUICK_FIX, d, new WorkspaceEdit(Map.of(uri, List.of(edit))));
        }

        void addImport(Diagnostic d, List<CodeAction> out) {
            Matcher m = PREFIX_IN_MESSAGE.matcher(d.message());
            if (!m.find()) {
                return;
            }
            String prefix = m.group(1);
            TreeSet<String> modules = new TreeSet<>();
            for (IndexedSource s : snapshot.index().sources()) {
                if (s.kind() == ModuleKind.MODULE && s.header() != null && prefix.equals(s.header().prefix())
                        && !Objects.equals(s.name(), source.name())) {
                    modules.add(s.name());
                }
            }
            Statement anchor = lastOf(module(), "import");
            if (anchor == null) {
                anchor = lastOf(module(), "prefix");
            }
            if (anchor == null) {
                anchor = lastOf(module(), "namespace");
            }
            if (anchor == null) {
                anchor = lastOf(module(), "belongs-to"); // a submodule without imports
            }
            if (anchor == null) {
                return;
            }
            int at = anchor.span().end();
            String indent = indentOf(anchor.span().start());
            for (String name : modules) {
                out.add(action("Import module '" + name + "' with prefix '" + prefix + "'", d, Span.at(at),
                        "\n" + indent + "import " + name + " { prefix " + prefix + "; }"));
            }
        }

        void newestRevision(Diagnostic d, List<CodeAction> out) {
            for (Statement ref : module().children()) {
                if (!ref.is("import") && !ref.is("include") || ref.argument() == null) {
                    continue;
                }
                Statement date = ref.firstChild("revision-date").orElse(null);
                if (date == null || date.argumentSpan() == null || !overlaps(date.argumentSpan(), d.span())) {
                    continue;
                }
                ModuleKind kind = ref.is("include") ? ModuleKind.SUBMODULE : ModuleKind.MODULE;
                Revision newest = null;
                for (IndexedSource s : snapshot.index().sourcesNamed(ref.argument())) {
                    if (s.kind() == kind && s.revision() != null && !s.uri().equals(uri)
                            && (newest == null || s.revision().compareTo(newest) > 0)) {
                        newest = s.revision();
                    }
                }
                if (newest != null) {
                    out.add(action("Use revision " + newest + " of '" + ref.argument() + "'", d, date.argumentSpan(),
                            newest.toString()));
                }
                return;
            }
        }

        void yangVersion11(Diagnostic d, List<CodeAction> out) {
            Statement module = module();
            Statement version = module.firstChild("yang-version").orElse(null);
            String title = "Declare yang-version 1.1";
            if (version != null && version.argumentSpan() != null) {
                out.add(action(title, d, version.argumentSpan(), "1.1"));
            } else if (version == null && !module.children().isEmpty()) {
                // RFC 7950 puts yang-version first in the module header
                Statement first = module.children().get(0);
                int lineStart = tree.lines().lineStart(tree.lines().line(first.span().start()));
                String indent = indentOf(first.span().start());
                if (lineStart + indent.length() == first.span().start()) {
                    out.add(action(title, d, Span.at(lineStart), indent + "yang-version 1.1;\n"));
                } else {
                    out.add(action(title, d, Span.at(first.span().start()), "yang-version 1.1; "));
                }
            }
        }

        void removeImport(Diagnostic d, List<CodeAction> out) {
            for (Statement imp : module().children("import")) {
                if (!imp.span().contains(d.span().start())) {
                    continue;
                }
                String text = tree.text();
                int start = imp.span().start();
                int end = imp.span().end();
                int lineStart = tree.lines().lineStart(tree.lines().line(start));
                int afterEnd = end;
                while (afterEnd < text.length() && (text.charAt(afterEnd) == ' ' || text.charAt(afterEnd) == '\t')) {
                    afterEnd++;
                }
                boolean aloneBefore = text.substring(lineStart, start).isBlank();
                boolean aloneAfter = afterEnd == text.length() || text.charAt(afterEnd) == '\n' || text.charAt(afterEnd) == '\r';
                Span delete;
                if (aloneBefore && aloneAfter) {
                    int lineEnd = afterEnd;
                    if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
                        lineEnd++;
                    }
                    if (lineEnd < text.length() && text.charAt(lineEnd) == '\n') {
                        lineEnd++;
                    }
                    delete = Span.of(lineStart, lineEnd);
                } else {
                    delete = Span.of(start, afterEnd);
                }
                out.add(action("Remove unused import '" + imp.argument() + "'", d, delete, ""));
                return;
            }
        }

        private static Statement lastOf(Statement parent, String keyword) {
            List<Statement> found = parent.children(keyword);
            return found.isEmpty() ? null : found.get(found.size() - 1);
        }

        /** The whitespace that starts the line of {@code offset}, up to the first other character. */
        private String indentOf(int offset) {
            String text = tree.text();
            int p = tree.lines().lineStart(tree.lines().line(offset));
            int q = p;
            while (q < text.length() && (text.charAt(q) == ' ' || text.charAt(q) == '\t')) {
                q++;
            }
            return text.substring(p, q);
        }
    }
}
