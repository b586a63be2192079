package dev.homeport.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.lsp.LspConnection.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The language server as an editor meets it: a real LSP4J client over piped streams and over a real WebSocket
 * (Jetty), the same scenarios on both. Each waits for what the server publishes, never for a fixed time.
 */
class LspServerTest {
    static final String APP = """
            module acme-app {
              yang-version 1.1;
              namespace "urn:acme:app";
              prefix app;
              revision 2024-01-01 { description "first"; }
              container settings {
                leaf load { type percent; }
              }
            }
            """;
    static final String TYPES = """
            module acme-types {
              yang-version 1.1;
              namespace "urn:acme:types";
              prefix at;
              revision 2024-01-01 { description "first"; }
              typedef percent { type uint8 { range "0..100"; } }
            }
            """;
    static final String USES_TYPES = """
            module acme-user {
              yang-version 1.1;
              namespace "urn:acme:user";
              prefix au;
              import acme-types { prefix at; }
              revision 2024-01-01 { description "first"; }
              leaf load { type at:percent; }
            }
            """;

    @TempDir
    Path dir;

    private YangLanguageServer.Options options() {
        return YangLanguageServer.Options.defaults().withSemanticDelay(Duration.ofMillis(50))
                .withModuleCache(dir.resolve("module-cache"));
    }

    private static void open(LspConnection c, String uri, String text) {
        c.server().getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "yang", 1, text)));
    }

    /** Waits until the latest diagnostics for uri, at that version, satisfy the condition; returns them. */
    private static PublishDiagnosticsParams awaitDiagnostics(LspConnection c, String uri, int version,
                                                             java.util.function.Predicate<PublishDiagnosticsParams> ok) {
        await().atMost(LspConnection.timeout()).pollInterval(Duration.ofMillis(20)).until(() -> {
            PublishDiagnosticsParams p = c.client().latest(uri);
            return p != null && p.getVersion() != null && p.getVersion() == version && ok.test(p);
        });
        return c.client().latest(uri);
    }

    private static List<String> codes(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anErrorIsPublishedAndItsFixClearsIt(Transport transport) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        try (LspConnection c = LspConnection.open(transport, options())) {
            InitializeResult init = c.initialize(ws, null);
            assertThat(init.getCapabilities().getTextDocumentSync().getRight().getChange())
                    .isEqualTo(TextDocumentSyncKind.Incremental);
            assertThat(init.getCapabilities().getExecuteCommandProvider().getCommands())
                    .contains("homeport.fetchDeviceModules");
            String uri = ws.resolve("acme-app.yang").toUri().toString();
            open(c, uri, APP);
            PublishDiagnosticsParams first = awaitDiagnostics(c, uri, 1, p -> !p.getDiagnostics().isEmpty());
            assertThat(codes(first)).containsExactly("unknown-type");
            org.eclipse.lsp4j.Diagnostic d = first.getDiagnostics().get(0);
            // the range is the argument token 'percent' on line 7 (0-based 6), not the whole line
            assertThat(d.getRange()).isEqualTo(new Range(new Position(6, 21), new Position(6, 28)));
            assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(d.getSource()).isEqualTo("yang");

            // incremental fix: 'percent' -> 'uint8'
            c.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, 2), List.of(new TextDocumentContentChangeEvent(
                    new Range(new Position(6, 21), new Position(6, 28)), "uint8"))));
            awaitDiagnostics(c, uri, 2, p -> p.getDiagnostics().isEmpty());
            // the semantic pass (yangtools) agrees and publishes nothing new for version 2
            await().atMost(LspConnection.timeout()).until(() -> c.client().all(uri).size() >= 3);
            assertThat(c.client().latest(uri).getDiagnostics()).isEmpty();
            assertThat(c.client().latest(uri).getVersion()).isEqualTo(2);

            // closing clears the editor's list
            c.server().getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
            await().atMost(LspConnection.timeout()).until(() -> c.client().latest(uri).getVersion() == null
                    && c.client().latest(uri).getDiagnostics().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void yangtoolsErrorsFollowTheFastPass(Transport transport) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        String duplicate = APP.replace("leaf load { type percent; }", "leaf load { type uint8; }\n    leaf load { type string; }");
        try (LspConnection c = LspConnection.open(transport, options())) {
            c.initialize(ws, null);
            String uri = ws.resolve("acme-app.yang").toUri().toString();
            open(c, uri, duplicate);
            PublishDiagnosticsParams full = awaitDiagnostics(c, uri, 1, p -> codes(p).contains("duplicate-node"));
            // the fast pass (our checks) came first and did not have yangtools' verdict
            List<PublishDiagnosticsParams> all = c.client().all(uri);
            assertThat(codes(all.get(0))).doesNotContain("duplicate-node");
            assertThat(full.getDiagnostics()).allSatisfy(d -> assertThat(d.getRange().getStart().getLine()).isEqualTo(7));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void settingsChangeTheSeverityOfACode(Transport transport) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("acme-types.yang"), TYPES);
        String unused = USES_TYPES.replace("leaf load { type at:percent; }", "leaf load { type uint8; }");
        try (LspConnection c = LspConnection.open(transport, options())) {
            c.initialize(ws, LspSettings.json(List.of(), Map.of("unused-import", "error")));
            String uri = ws.resolve("acme-user.yang").toUri().toString();
            open(c, uri, unused);
            PublishDiagnosticsParams p = awaitDiagnostics(c, uri, 1, x -> codes(x).contains("unused-import"));
            assertThat(p.getDiagnostics()).singleElement()
                    .satisfies(d -> assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error));

            c.server().getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                    LspSettings.json(List.of(), Map.of("unused-import", "info"))));
            awaitDiagnostics(c, uri, 1, x -> x.getDiagnostics().size() == 1
                    && x.getDiagnostics().get(0).getSeverity() == DiagnosticSeverity.Information);

            c.server().getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                    LspSettings.json(List.of(), Map.of("unused-import", "off"))));
            awaitDiagnostics(c, uri, 1, x -> x.getDiagnostics().isEmpty());

            // a typo in the settings is shown to the user, and the valid rest still applies
            c.server().getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                    LspSettings.json(List.of(), Map.of("no-such-code", "off", "unused-import", "warning"))));
            awaitDiagnostics(c, uri, 1, x -> x.getDiagnostics().size() == 1
                    && x.getDiagnostics().get(0).getSeverity() == DiagnosticSeverity.Warning);
            assertThat(c.client().messages).anySatisfy(m -> assertThat(m.getMessage()).contains("no-such-code"));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aWatchedFileChangeResolvesAnImport(Transport transport) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        try (LspConnection c = LspConnection.open(transport, options())) {
            c.initialize(ws, null);
            // the server asks to watch .yang files
            await().atMost(LspConnection.timeout()).until(() -> !c.client().registrations.isEmpty());
            String uri = ws.resolve("acme-user.yang").toUri().toString();
            open(c, uri, USES_TYPES);
            awaitDiagnostics(c, uri, 1, x -> codes(x).contains("unresolved-import"));

            Path types = ws.resolve("acme-types.yang");
            Files.writeString(types, TYPES);
            c.server().getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                    new FileEvent(types.toUri().toString(), FileChangeType.Created))));
            awaitDiagnostics(c, uri, 1, x -> x.getDiagnostics().isEmpty());

            // the typedef changes on disk: the import's target is read again
            Files.writeString(types, TYPES.replace("typedef percent", "typedef ratio"));
            c.server().getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                    new FileEvent(types.toUri().toString(), FileChangeType.Changed))));
            awaitDiagnostics(c, uri, 1, x -> codes(x).contains("unknown-type"));

            Files.delete(types);
            c.server().getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                    new FileEvent(types.toUri().toString(), FileChangeType.Deleted))));
            awaitDiagnostics(c, uri, 1, x -> codes(x).contains("unresolved-import"));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void hostileInputKeepsTheServerUp(Transport transport) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        try (LspConnection c = LspConnection.open(transport, options())) {
            c.initialize(ws, null);
            // binary garbage
            StringBuilder garbage = new StringBuilder();
            java.util.Random r = new java.util.Random(42);
            for (int i = 0; i < 200_000; i++) {
                garbage.append((char) r.nextInt(0xD7FF));
            }
            String g = ws.resolve("garbage.yang").toUri().toString();
            open(c, g, garbage.toString());
            // a 10 MB module: many leaves, one error at the end
            StringBuilder big = new StringBuilder("module big {\n  yang-version 1.1;\n  namespace \"urn:big\";\n"
                    + "  prefix big;\n  container c {\n");
            int i = 0;
            while (big.length() < 10_000_000) {
                big.append("    leaf l").append(i++).append(" { type string; description \"padding padding\"; }\n");
            }
            big.append("    leaf last { type nothing; }\n  }\n}\n");
            String b = ws.resolve("big.yang").toUri().toString();
            open(c, b, big.toString());
            // changes to documents that are not open, and to nonsense URIs, are refused and reported, nothing more
            c.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(ws.resolve("never-opened.yang").toUri().toString(), 2),
                    List.of(new TextDocumentContentChangeEvent("x"))));
            c.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier("::not a uri::", 2),
                    List.of(new TextDocumentContentChangeEvent("x"))));

            PublishDiagnosticsParams gp = awaitDiagnostics(c, g, 1, x -> !x.getDiagnostics().isEmpty());
            assertThat(gp.getDiagnostics()).hasSizeLessThanOrEqualTo(1_001 + 5);
            awaitDiagnostics(c, b, 1, x -> codes(x).contains("unknown-type"));
            // yangtools gets through the 10 MB module too (its pass publishes a second time); waiting for it here
            // also keeps its compilation from running on beside the next test once this server closes
            await().atMost(LspConnection.timeout()).pollInterval(Duration.ofMillis(50))
                    .until(() -> c.client().all(b).size() >= 2);
            assertThat(codes(c.client().latest(b))).contains("unknown-type");

            // and a normal document still gets its answer afterwards
            String uri = ws.resolve("acme-app.yang").toUri().toString();
            open(c, uri, APP);
            awaitDiagnostics(c, uri, 1, x -> codes(x).equals(List.of("unknown-type")));
            assertThat(c.client().messages).anySatisfy(m -> assertThat(m.getMessage()).contains("never-opened.yang"));
            assertThat(c.server().shutdown().get(60, TimeUnit.SECONDS)).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void rapidEditsNeverPublishAnOlderVersionAfterANewerOne(Transport transport) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        String duplicate = APP.replace("leaf load { type percent; }", "leaf load { type uint8; }\n    leaf load { type string; }");
        try (LspConnection c = LspConnection.open(transport, YangLanguageServer.Options.defaults()
                .withSemanticDelay(Duration.ofMillis(5)).withModuleCache(dir.resolve("module-cache")))) {
            c.initialize(ws, null);
            String uri = ws.resolve("acme-app.yang").toUri().toString();
            open(c, uri, duplicate);
            // 40 edits, each toggling the second leaf's name: load (a duplicate, a yangtools error) <-> load2
            int version = 1;
            for (int i = 0; i < 40; i++) {
                version++;
                String replacement = i % 2 == 0 ? "load2" : "load";
                int width = i % 2 == 0 ? 4 : 5;
                c.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(
                        new Range(new Position(7, 9), new Position(7, 9 + width)), replacement))));
                Thread.sleep(i % 7); // jitter, so semantic passes start and get superseded at different points
            }
            // odd versions hold the duplicate: the last, 41, does
            boolean finalIsDuplicate = version % 2 == 1;
            int last = version;
            awaitDiagnostics(c, uri, last, x -> codes(x).contains("duplicate-node") == finalIsDuplicate
                    && (finalIsDuplicate || x.getDiagnostics().isEmpty()));
            List<Integer> versions = c.client().all(uri).stream().map(PublishDiagnosticsParams::getVersion).toList();
            assertThat(versions).isSorted();
            // every publication matches its own version's text: duplicate-node only on the duplicate versions
            for (PublishDiagnosticsParams p : c.client().all(uri)) {
                boolean duplicateVersion = (p.getVersion() - 1) % 2 == 0;
                if (!duplicateVersion) {
                    assertThat(codes(p)).as("version %d", p.getVersion()).doesNotContain("duplicate-node");
                }
            }
        }
    }
}
