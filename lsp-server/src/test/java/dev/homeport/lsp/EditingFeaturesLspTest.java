package dev.homeport.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonPrimitive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each editing feature of {@code dev.homeport.yang.ide} through LSP: a real LSP4J client over pipes, a workspace of
 * two modules on disk (base, app importing it), app open in the editor. The cursor is the {@code |} in app's text.
 * The features' own behaviour is tested in the core; these prove the mapping: capabilities, positions, ranges,
 * URIs, kinds and errors as an editor receives them.
 */
class EditingFeaturesLspTest {
    static final String BASE = """
            module base {
              yang-version 1.1;
              namespace "urn:base";
              prefix b;
              typedef percent { type uint8 { range "0..100"; } }
              grouping endpoint {
                leaf address { type string; }
              }
              container interfaces {
                leaf load { type percent; }
              }
            }
            """;
    static final String APP = """
            module app {
              yang-version 1.1;
              namespace "urn:app";
              prefix a;
              import base { prefix b; }
              leaf speed { type b:percent; }
              leaf other { type b:percent; }
              container c { uses b:endpoint; }
            }
            """;

    @TempDir
    Path dir;
    LspConnection c;
    InitializeResult init;
    Path ws;
    String appUri;
    String baseUri;

    @BeforeEach
    void start() throws Exception {
        ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("base.yang"), BASE);
        Files.writeString(ws.resolve("app.yang"), APP);
        // the request bound has its own tests (RequestBoundsTest); here a loaded machine must not cancel answers
        c = LspConnection.open(LspConnection.Transport.PIPES, YangLanguageServer.Options.defaults()
                .withSemanticDelay(Duration.ofMillis(50)).withModuleCache(dir.resolve("cache"))
                .withRequestTimeout(Duration.ofSeconds(60)));
        init = c.initialize(ws, null);
        assertThat(init.getCapabilities().getDefinitionProvider().getLeft()).isTrue();
        appUri = ws.resolve("app.yang").toUri().toString();
        baseUri = ws.resolve("base.yang").toUri().toString();
    }

    @AfterEach
    void stop() throws Exception {
        c.close();
    }

    /** Opens app with the cursor at the '|' of {@code marked} and returns the cursor's position. */
    private Position open(String marked) {
        int at = marked.indexOf('|');
        String text = marked.substring(0, at) + marked.substring(at + 1);
        String before = text.substring(0, at);
        int line = (int) before.chars().filter(ch -> ch == '\n').count();
        int column = at - (before.lastIndexOf('\n') + 1);
        c.server().getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(appUri, "yang", 1, text)));
        await().atMost(LspConnection.timeout()).until(() -> c.client().latest(appUri) != null);
        return new Position(line, column);
    }

    private TextDocumentIdentifier app() {
        return new TextDocumentIdentifier(appUri);
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    @Test
    void definitionGoesToTheTypedefInTheImportedModule() throws Exception {
        Position p = open(APP.replace("leaf speed { type b:percent; }", "leaf speed { type b:per|cent; }"));
        List<? extends Location> ls = get(c.server().getTextDocumentService().definition(
                new DefinitionParams(app(), p))).getLeft();
        assertThat(ls).singleElement().satisfies(l -> {
            assertThat(l.getUri()).isEqualTo(baseUri);
            // 'percent' in "  typedef percent {" on line 5 (0-based 4)
            assertThat(l.getRange()).isEqualTo(new Range(new Position(4, 10), new Position(4, 17)));
        });
    }

    @Test
    void referencesFindBothUsesAndTheDeclaration() throws Exception {
        Position p = open(APP.replace("leaf other { type b:percent; }", "leaf other { type b:perc|ent; }"));
        ReferenceParams params = new ReferenceParams(app(), p, new ReferenceContext(true));
        List<? extends Location> ls = get(c.server().getTextDocumentService().references(params));
        assertThat(ls).extracting(Location::getUri).containsExactlyInAnyOrder(baseUri, baseUri, appUri, appUri);
        assertThat(ls).filteredOn(l -> l.getUri().equals(appUri)).extracting(l -> l.getRange().getStart().getLine())
                .containsExactlyInAnyOrder(5, 6);
    }

    @Test
    void documentHighlightMarksTheOccurrencesInThisDocument() throws Exception {
        Position p = open(APP.replace("import base { prefix b; }", "import base { prefix |b; }"));
        List<? extends DocumentHighlight> hs = get(c.server().getTextDocumentService().documentHighlight(
                new DocumentHighlightParams(app(), p)));
        // the prefix declaration (write) and its three uses (read)
        assertThat(hs).hasSize(4);
        assertThat(hs).filteredOn(h -> h.getKind() == DocumentHighlightKind.Write).singleElement()
                .satisfies(h -> assertThat(h.getRange().getStart()).isEqualTo(new Position(4, 23)));
    }

    @Test
    void hoverShowsMarkdownAboutTheTypedef() throws Exception {
        Position p = open(APP.replace("leaf speed { type b:percent; }", "leaf speed { type b:perc|ent; }"));
        Hover h = get(c.server().getTextDocumentService().hover(new HoverParams(app(), p)));
        assertThat(h.getContents().getRight().getKind()).isEqualTo("markdown");
        assertThat(h.getContents().getRight().getValue()).contains("typedef percent").contains("uint8");
        assertThat(h.getRange().getStart().getLine()).isEqualTo(5);
        // nothing to say about whitespace: null, not an error
        Position blank = new Position(5, 0); // the indentation before 'leaf speed'
        assertThat(get(c.server().getTextDocumentService().hover(new HoverParams(app(), blank)))).isNull();
    }

    @Test
    void documentSymbolsAreTheModulesOutline() throws Exception {
        open(APP.replace("module app", "module |app"));
        List<DocumentSymbol> symbols = get(c.server().getTextDocumentService().documentSymbol(
                new DocumentSymbolParams(app()))).stream().map(e -> e.getRight()).toList();
        assertThat(symbols).singleElement().satisfies(m -> {
            assertThat(m.getName()).isEqualTo("app");
            assertThat(m.getKind()).isEqualTo(SymbolKind.Module);
            assertThat(m.getChildren()).extracting(DocumentSymbol::getName).contains("speed", "other", "c");
            assertThat(m.getChildren()).filteredOn(s -> s.getName().equals("c")).singleElement()
                    .satisfies(s -> assertThat(s.getKind()).isEqualTo(SymbolKind.Struct));
        });
    }

    @Test
    void workspaceSymbolsSearchEveryModule() throws Exception {
        open(APP.replace("module app", "module |app"));
        List<? extends WorkspaceSymbol> found = get(c.server().getWorkspaceService().symbol(
                new WorkspaceSymbolParams("percent"))).getRight();
        assertThat(found).anySatisfy(s -> {
            assertThat(s.getName()).isEqualTo("percent");
            assertThat(s.getKind()).isEqualTo(SymbolKind.TypeParameter);
            assertThat(s.getContainerName()).isEqualTo("base");
            assertThat(s.getLocation().getLeft().getUri()).isEqualTo(baseUri);
        });
    }

    @Test
    void completionOffersTypedefsWithTheirPrefix() throws Exception {
        Position p = open(APP.replace("leaf other { type b:percent; }", "leaf other { type b:pe|; }"));
        List<CompletionItem> items = get(c.server().getTextDocumentService().completion(
                new CompletionParams(app(), p))).getRight().getItems();
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.getLabel()).isEqualTo("b:percent");
            assertThat(i.getKind()).isEqualTo(CompletionItemKind.TypeParameter);
            TextEdit edit = i.getTextEdit().getLeft();
            assertThat(edit.getNewText()).isEqualTo("b:percent");
            // replaces the word typed so far, "b:pe", on line 7 (0-based 6)
            assertThat(edit.getRange()).isEqualTo(new Range(new Position(6, 20), new Position(6, 24)));
        });
        // keyword snippets are marked as snippets
        Position k = open(APP.replace("container c { uses b:endpoint; }", "container c { uses b:endpoint; }\n  le|"));
        List<CompletionItem> keywords = get(c.server().getTextDocumentService().completion(
                new CompletionParams(app(), k))).getRight().getItems();
        assertThat(keywords).anySatisfy(i -> {
            assertThat(i.getLabel()).isEqualTo("leaf");
            assertThat(i.getInsertTextFormat()).isEqualTo(InsertTextFormat.Snippet);
        });
    }

    @Test
    void completionStepsThroughSchemaNodesInMustAndWhen() throws Exception {
        String withIf = APP.replace("prefix b;", "prefix if;").replace("b:", "if:");
        Position p = open(withIf.replace("leaf other { type if:percent; }",
                "leaf other { type if:percent; must \"/if:interfaces/if:|\"; }"));
        List<CompletionItem> items = get(c.server().getTextDocumentService().completion(
                new CompletionParams(app(), p))).getRight().getItems();
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.getLabel()).isEqualTo("if:load");
            assertThat(i.getKind()).isEqualTo(CompletionItemKind.Field);
            // replaces the "if:" typed after the last '/'
            assertThat(i.getTextEdit().getLeft().getRange()).isEqualTo(new Range(
                    new Position(6, p.getCharacter() - 3), p));
        });
        Position up = open(withIf.replace("container c { uses if:endpoint; }",
                "container c { uses if:endpoint; leaf x { type string; when \"../|\"; } }"));
        List<CompletionItem> siblings = get(c.server().getTextDocumentService().completion(
                new CompletionParams(app(), up))).getRight().getItems();
        assertThat(siblings).extracting(CompletionItem::getLabel).containsExactlyInAnyOrder("a:address", "a:x");
    }

    @Test
    void renameEditsEveryModuleAndRefusesWhatItCannotRename() throws Exception {
        Position p = open(APP.replace("leaf speed { type b:percent; }", "leaf speed { type b:perc|ent; }"));
        Range prepared = get(c.server().getTextDocumentService().prepareRename(new PrepareRenameParams(app(), p)))
                .getFirst();
        assertThat(prepared).isEqualTo(new Range(new Position(5, 22), new Position(5, 29)));
        WorkspaceEdit edit = get(c.server().getTextDocumentService().rename(new RenameParams(app(), p, "share")));
        assertThat(edit.getChanges()).containsOnlyKeys(appUri, baseUri);
        assertThat(edit.getChanges().get(appUri)).hasSize(2).allSatisfy(e -> assertThat(e.getNewText()).isEqualTo("share"));
        assertThat(edit.getChanges().get(baseUri)).hasSize(2);

        assertThatThrownBy(() -> get(c.server().getTextDocumentService().rename(new RenameParams(app(), p, "not valid!"))))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ResponseErrorException.class);
    }

    @Test
    void showTreeCommandReturnsTheTreeDiagram() throws Exception {
        open(APP.replace("module app", "module |app"));
        Object tree = get(c.server().getWorkspaceService().executeCommand(new ExecuteCommandParams("homeport.showTree",
                List.of(new JsonPrimitive(appUri)))));
        assertThat(tree).isInstanceOf(String.class);
        assertThat((String) tree).startsWith("module: app").contains("+--rw speed?").contains("+--rw c");
    }

    @Test
    void foldingRangesCoverTheBlocks() throws Exception {
        open(APP.replace("module app", "module |app").replace("container c { uses b:endpoint; }",
                "container c {\n    uses b:endpoint;\n  }"));
        List<org.eclipse.lsp4j.FoldingRange> ranges = get(c.server().getTextDocumentService().foldingRange(
                new org.eclipse.lsp4j.FoldingRangeRequestParams(app())));
        // the module (lines 0..) and the container (lines 7..8), as line ranges
        assertThat(ranges).anySatisfy(r -> {
            assertThat(r.getStartLine()).isEqualTo(7);
            assertThat(r.getKind()).isEqualTo("region");
        });
        assertThat(ranges).anySatisfy(r -> assertThat(r.getStartLine()).isZero());
    }

    @Test
    void formattingReindents() throws Exception {
        open(APP.replace("module app", "module |app").replace("  leaf other", "        leaf other"));
        org.eclipse.lsp4j.DocumentFormattingParams params = new org.eclipse.lsp4j.DocumentFormattingParams(app(),
                new org.eclipse.lsp4j.FormattingOptions(2, true));
        List<? extends TextEdit> edits = get(c.server().getTextDocumentService().formatting(params));
        assertThat(edits).isNotEmpty();
        assertThat(edits).allSatisfy(e -> assertThat(e.getRange().getStart().getLine()).isEqualTo(6));
    }

    @Test
    void formattingPutsStatementsInCanonicalOrderWhenTheSettingSaysSo() throws Exception {
        String scrambled = APP.replace("module app", "module |app").replace("  yang-version 1.1;\n", "")
                .replace("  prefix a;\n", "  prefix a;\n  yang-version 1.1;\n");
        open(scrambled);
        org.eclipse.lsp4j.DocumentFormattingParams params = new org.eclipse.lsp4j.DocumentFormattingParams(app(),
                new org.eclipse.lsp4j.FormattingOptions(2, true));
        assertThat(get(c.server().getTextDocumentService().formatting(params))).as("off by default").isEmpty();
        c.server().getWorkspaceService().didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(
                com.google.gson.JsonParser.parseString(
                        "{\"homeport\": {\"yang\": {\"format\": {\"canonicalOrder\": true}}}}")));
        List<? extends TextEdit> edits = get(c.server().getTextDocumentService().formatting(params));
        // yang-version moves up before namespace: one edit over lines 1 to 3
        assertThat(edits).singleElement().satisfies(e -> {
            assertThat(e.getRange().getStart().getLine()).isEqualTo(1);
            assertThat(e.getNewText()).startsWith("yang-version 1.1;\n  namespace \"urn:app\";\n  prefix a");
        });
    }

    @Test
    void semanticTokensAreEncodedAgainstTheAnnouncedLegend() throws Exception {
        open(APP.replace("module app", "module |app"));
        List<String> legend = init.getCapabilities().getSemanticTokensProvider().getLegend().getTokenTypes();
        org.eclipse.lsp4j.SemanticTokens full = get(c.server().getTextDocumentService().semanticTokensFull(
                new org.eclipse.lsp4j.SemanticTokensParams(app())));
        List<Integer> data = full.getData();
        assertThat(data).isNotEmpty();
        assertThat(data.size() % 5).isZero();
        // the first token is the keyword 'module' at line 0, column 0, 6 characters long
        assertThat(data.subList(0, 4)).containsExactly(0, 0, 6, legend.indexOf("keyword"));
        org.eclipse.lsp4j.SemanticTokens range = get(c.server().getTextDocumentService().semanticTokensRange(
                new org.eclipse.lsp4j.SemanticTokensRangeParams(app(), new Range(new Position(5, 0), new Position(6, 0)))));
        assertThat(range.getData()).isNotEmpty().hasSizeLessThan(data.size());
    }

    @Test
    void codeActionRemovesAnUnusedImportAndTheDiagnosticGoes() throws Exception {
        assertThat(init.getCapabilities().getCodeActionProvider().getRight().getCodeActionKinds())
                .containsExactly(org.eclipse.lsp4j.CodeActionKind.QuickFix);
        Position p = open(APP.replace("import base", "import |base").replace("b:percent", "uint8")
                .replace("  container c { uses b:endpoint; }\n", ""));
        await().atMost(LspConnection.timeout()).until(() -> c.client().latest(appUri).getDiagnostics().stream()
                .anyMatch(d -> "unused-import".equals(d.getCode().getLeft())));
        List<org.eclipse.lsp4j.Diagnostic> published = c.client().latest(appUri).getDiagnostics();
        org.eclipse.lsp4j.CodeActionParams params = new org.eclipse.lsp4j.CodeActionParams(app(), new Range(p, p),
                new org.eclipse.lsp4j.CodeActionContext(published));
        List<org.eclipse.lsp4j.jsonrpc.messages.Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>> actions =
                get(c.server().getTextDocumentService().codeAction(params));
        assertThat(actions).hasSize(1);
        org.eclipse.lsp4j.CodeAction action = actions.get(0).getRight();
        assertThat(action.getTitle()).isEqualTo("Remove unused import 'base'");
        assertThat(action.getKind()).isEqualTo(org.eclipse.lsp4j.CodeActionKind.QuickFix);
        assertThat(action.getDiagnostics()).singleElement()
                .satisfies(d -> assertThat(d.getCode().getLeft()).isEqualTo("unused-import"));
        List<TextEdit> edits = action.getEdit().getChanges().get(appUri);
        assertThat(edits).singleElement().satisfies(e -> {
            assertThat(e.getRange()).isEqualTo(new Range(new Position(4, 0), new Position(5, 0)));
            assertThat(e.getNewText()).isEmpty();
        });
        c.server().getTextDocumentService().didChange(new org.eclipse.lsp4j.DidChangeTextDocumentParams(
                new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(appUri, 2),
                List.of(new org.eclipse.lsp4j.TextDocumentContentChangeEvent(edits.get(0).getRange(), ""))));
        await().atMost(LspConnection.timeout()).until(() -> c.client().latest(appUri).getVersion() != null
                && c.client().latest(appUri).getVersion() == 2 && c.client().latest(appUri).getDiagnostics().stream()
                        .noneMatch(d -> "unused-import".equals(d.getCode().getLeft())));
    }
}
