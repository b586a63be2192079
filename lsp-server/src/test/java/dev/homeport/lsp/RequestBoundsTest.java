package dev.homeport.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonPrimitive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request has a bound ({@link YangLanguageServer.Options#requestTimeout()}): on hostile documents (a 10 MB
 * module, 10,000 nested blocks, binary garbage, unterminated strings, a module that imports itself) every request
 * type answers, or is cancelled with {@code RequestCancelled}, within it, and the server answers a normal request
 * afterwards. Work that overruns its bound, or that the client cancels, is interrupted and left behind: the next
 * request does not wait for it.
 */
class RequestBoundsTest {
    private static final Duration BOUND = Duration.ofSeconds(5);
    /**
     * The bound ends when the answer leaves the server; on a shared, loaded machine writing, piping and parsing a large
     * answer (semantic tokens of a 10 MB module are tens of MB of JSON) comes on top.
     */
    private static final Duration SLACK = Duration.ofSeconds(10);

    private static final String NORMAL = """
            module normal {
              yang-version 1.1;
              namespace "urn:normal";
              prefix n;
              typedef percent { type uint8; }
              leaf load { type percent; }
            }
            """;

    @TempDir
    Path dir;

    static Map<String, String> hostileDocuments() {
        Map<String, String> docs = new LinkedHashMap<>();
        StringBuilder big = new StringBuilder("module big {\n  yang-version 1.1;\n  namespace \"urn:big\";\n"
                + "  prefix big;\n  typedef t { type string; }\n  container c {\n");
        for (int i = 0; big.length() < 10_000_000; i++) {
            big.append("    leaf l").append(i).append(" { type t; description \"padding padding\"; }\n");
        }
        big.append("    leaf last { type nothing; }\n  }\n}\n");
        docs.put("big.yang", big.toString());
        docs.put("nested.yang", "module nested { prefix n; namespace \"urn:n\";\n" + "container c {\n".repeat(10_000)
                + "leaf x { type string; }\n" + "}\n".repeat(10_000) + "}\n");
        docs.put("braces.yang", "{".repeat(10_000) + "}".repeat(5_000));
        StringBuilder garbage = new StringBuilder();
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 300_000; i++) {
            garbage.append((char) r.nextInt(0x10000));
        }
        docs.put("garbage.yang", garbage.toString());
        docs.put("unterminated.yang", "module u { prefix u; namespace \"urn:u\";\n  leaf x { type string; default 'open\n"
                + "  description \"also open\n  leaf y { type \"string; }\n".repeat(2_000));
        docs.put("selfie.yang", """
                module selfie {
                  yang-version 1.1;
                  namespace "urn:selfie";
                  prefix s;
                  import selfie { prefix again; }
                  include selfie;
                  typedef t { type again:t; }
                  grouping g { uses again:g; }
                  container c { uses g; leaf l { type again:t; must "/again:c/again:l"; } }
                  augment "/again:c" { leaf m { type t; } }
                }
                """);
        return docs;
    }

    @Test
    void everyRequestOnHostileInputAnswersWithinItsBound() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Map<String, String> docs = hostileDocuments();
        try (LspConnection c = LspConnection.open(LspConnection.Transport.PIPES, YangLanguageServer.Options.defaults()
                .withSemanticDelay(Duration.ofMillis(50)).withModuleCache(dir.resolve("cache"))
                .withRequestTimeout(BOUND))) {
            c.initialize(ws, null);
            LanguageServer s = c.server();
            int answered = 0;
            int cancelled = 0;
            for (Map.Entry<String, String> doc : docs.entrySet()) {
                String uri = ws.resolve(doc.getKey()).toUri().toString();
                String text = doc.getValue();
                s.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yang", 1, text)));
                TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
                for (Position p : positions(text)) {
                    for (Map.Entry<String, Supplier<CompletableFuture<?>>> request : requests(s, id, p).entrySet()) {
                        String what = doc.getKey() + " " + request.getKey() + " at " + p;
                        switch (outcome(what, request.getValue())) {
                            case ANSWERED -> answered++;
                            case CANCELLED -> cancelled++;
                        }
                    }
                }
            }
            assertThat(answered).as("most requests are answered, not cancelled").isGreaterThan(cancelled);
            // a normal document still gets its answer afterwards
            String uri = ws.resolve("normal.yang").toUri().toString();
            s.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yang", 1, NORMAL)));
            // its diagnostics mean the service thread is through the work queued before (so the hover's bound is its own)
            await().atMost(LspConnection.timeout()).until(() -> c.client().latest(uri) != null);
            Hover hover = s.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                    new Position(5, 21))).get(60, TimeUnit.SECONDS);
            assertThat(hover.getContents().getRight().getValue()).contains("percent").contains("uint8");
        }
    }

    private enum Outcome { ANSWERED, CANCELLED }

    /** Sends one request and requires its answer, or its cancellation for overrunning, within the bound. */
    private static Outcome outcome(String what, Supplier<CompletableFuture<?>> request) throws InterruptedException {
        CompletableFuture<?> f = request.get();
        try {
            f.get(BOUND.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
            return Outcome.ANSWERED;
        } catch (java.util.concurrent.TimeoutException e) {
            return fail(what + " was not answered within its bound of " + BOUND);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResponseErrorException rex) {
                int code = rex.getResponseError().getCode();
                if (code == ResponseErrorCode.RequestCancelled.getValue()) {
                    assertThat(rex.getMessage()).as(what).contains("took too long");
                    return Outcome.CANCELLED;
                }
                // a refused rename is the request's answer
                assertThat(code).as(what + ": " + rex.getMessage()).isEqualTo(ResponseErrorCode.RequestFailed.getValue());
                return Outcome.ANSWERED;
            }
            return fail(what + " failed: " + e.getCause());
        }
    }

    private static List<Position> positions(String text) {
        String[] lines = text.split("\n", -1);
        List<Position> out = new ArrayList<>();
        out.add(new Position(0, Math.min(8, lines[0].length())));
        int mid = lines.length / 2;
        out.add(new Position(mid, lines[mid].length() / 2));
        out.add(new Position(lines.length - 1, lines[lines.length - 1].length()));
        return out;
    }

    private static Map<String, Supplier<CompletableFuture<?>>> requests(LanguageServer s, TextDocumentIdentifier id,
            Position p) {
        var docs = s.getTextDocumentService();
        Map<String, Supplier<CompletableFuture<?>>> r = new LinkedHashMap<>();
        r.put("completion", () -> docs.completion(new CompletionParams(id, p)));
        r.put("hover", () -> docs.hover(new HoverParams(id, p)));
        r.put("definition", () -> docs.definition(new DefinitionParams(id, p)));
        r.put("references", () -> docs.references(new ReferenceParams(id, p, new ReferenceContext(true))));
        r.put("highlight", () -> docs.documentHighlight(new DocumentHighlightParams(id, p)));
        r.put("prepareRename", () -> docs.prepareRename(new PrepareRenameParams(id, p)));
        r.put("rename", () -> docs.rename(new RenameParams(id, p, "renamed")));
        r.put("codeAction", () -> docs.codeAction(new CodeActionParams(id, new Range(new Position(0, 0), p),
                new CodeActionContext(List.of()))));
        if (p.getLine() == 0) { // whole-document requests once per document
            r.put("documentSymbol", () -> docs.documentSymbol(new DocumentSymbolParams(id)));
            r.put("formatting", () -> docs.formatting(new DocumentFormattingParams(id, new FormattingOptions(2, true))));
            r.put("semanticTokens", () -> docs.semanticTokensFull(new SemanticTokensParams(id)));
            r.put("semanticTokensRange", () -> docs.semanticTokensRange(new SemanticTokensRangeParams(id,
                    new Range(new Position(0, 0), new Position(500, 0)))));
            r.put("foldingRange", () -> docs.foldingRange(new FoldingRangeRequestParams(id)));
            r.put("workspaceSymbol", () -> s.getWorkspaceService().symbol(new WorkspaceSymbolParams("l1")));
            r.put("showTree", () -> s.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                    "homeport.showTree", List.of(new JsonPrimitive(id.getUri())))));
        }
        return r;
    }

    // ---------------------------------------------------------------- the bound itself, on the server's request path

    @Test
    void workOverItsBoundIsCancelledInterruptedAndLeftBehind() throws Exception {
        YangLanguageServer server = new YangLanguageServer(YangLanguageServer.Options.defaults()
                .withModuleCache(dir.resolve("cache")).withRequestTimeout(Duration.ofMillis(300)), code -> { });
        try {
            CountDownLatch started = new CountDownLatch(1);
            AtomicBoolean interrupted = new AtomicBoolean();
            CompletableFuture<String> stuck = server.request("a stuck request", cancel -> {
                started.countDown();
                try {
                    Thread.sleep(Duration.ofMinutes(10));
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
                return "late";
            });
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(stuck).failsWithin(Duration.ofSeconds(30)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(ResponseErrorException.class)
                    .satisfies(e -> {
                        ResponseErrorException rex = (ResponseErrorException) e;
                        assertThat(rex.getResponseError().getCode()).isEqualTo(ResponseErrorCode.RequestCancelled.getValue());
                        assertThat(rex.getMessage()).isEqualTo("a stuck request took too long (over 300 ms) and was cancelled");
                    });
            await().atMost(Duration.ofSeconds(30)).untilTrue(interrupted);
            // the service thread went on: the next request is answered
            assertThat(server.request("next", cancel -> "answer")).succeedsWithin(Duration.ofSeconds(30)).isEqualTo("answer");
        } finally {
            server.close();
        }
    }

    @Test
    void aCancelledRequestIsInterruptedAndTheNextOneAnswered() throws Exception {
        YangLanguageServer server = new YangLanguageServer(YangLanguageServer.Options.defaults()
                .withModuleCache(dir.resolve("cache")).withRequestTimeout(Duration.ofMinutes(5)), code -> { });
        try {
            CountDownLatch started = new CountDownLatch(1);
            AtomicBoolean interrupted = new AtomicBoolean();
            CompletableFuture<String> running = server.request("a long request", cancel -> {
                started.countDown();
                try {
                    Thread.sleep(Duration.ofMinutes(10));
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
                return "late";
            });
            AtomicBoolean ran = new AtomicBoolean();
            CompletableFuture<String> queued = server.request("a queued request", cancel -> {
                ran.set(true);
                return "ran";
            });
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            // LSP4J cancels the request's future when $/cancelRequest arrives
            queued.cancel(true);
            running.cancel(true);
            await().atMost(Duration.ofSeconds(30)).untilTrue(interrupted);
            assertThat(server.request("next", cancel -> "answer")).succeedsWithin(Duration.ofSeconds(30)).isEqualTo("answer");
            assertThat(ran).as("a request cancelled before it started never runs").isFalse();
        } finally {
            server.close();
        }
    }

    @Test
    void cancelRequestFromTheClientEndsTheRequestAndTheServerCarriesOn() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        try (LspConnection c = LspConnection.open(LspConnection.Transport.PIPES, YangLanguageServer.Options.defaults()
                .withModuleCache(dir.resolve("cache")))) {
            c.initialize(ws, null);
            String big = ws.resolve("big.yang").toUri().toString();
            c.server().getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(big, "yang", 1,
                    hostileDocuments().get("big.yang").substring(0, 1_000_000) + "\n}}\n")));
            // queued behind the 1 MB open; cancel(true) sends $/cancelRequest
            CompletableFuture<?> tokens = c.server().getTextDocumentService().semanticTokensFull(
                    new SemanticTokensParams(new TextDocumentIdentifier(big)));
            tokens.cancel(true);
            assertThat(tokens).isCancelled();
            String uri = ws.resolve("normal.yang").toUri().toString();
            c.server().getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yang", 1, NORMAL)));
            await().atMost(LspConnection.timeout()).until(() -> c.client().latest(uri) != null);
            Hover hover = c.server().getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                    new Position(5, 21))).get(60, TimeUnit.SECONDS);
            assertThat(hover.getContents().getRight().getValue()).contains("percent");
        } catch (CancellationException e) {
            fail("only the cancelled request ends: " + e);
        }
    }
}
