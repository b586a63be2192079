package dev.homeport.lsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.lsp.RecordingClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./homeport lsp --stdio} as an editor starts it: a separate process through the real launcher, LSP over its
 * stdin/stdout, an LSP4J client on the other end. Runs after 'package' (failsafe).
 */
class LspLauncherIT {
    @TempDir
    Path dir;

    @Test
    void stdioAnswersInitializePublishesDiagnosticsAndExitsZeroAfterShutdown() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        ProcessBuilder pb = new ProcessBuilder(CheckLauncherIT.projectRoot().resolve("homeport").toString(), "lsp",
                "--stdio").directory(ws.toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().put("HOMEPORT_MODULE_CACHE", dir.resolve("cache").toString());
        Process p = pb.start();
        try {
            RecordingClient client = new RecordingClient();
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, p.getInputStream(),
                    p.getOutputStream());
            launcher.startListening();
            LanguageServer server = launcher.getRemoteProxy();
            InitializeParams init = new InitializeParams();
            init.setProcessId((int) ProcessHandle.current().pid());
            init.setWorkspaceFolders(List.of(new WorkspaceFolder(ws.toUri().toString(), "ws")));
            InitializeResult r = server.initialize(init).get(3, TimeUnit.MINUTES);
            assertThat(r.getServerInfo().getName()).isEqualTo("homeport-yang");
            assertThat(r.getCapabilities().getTextDocumentSync()).isNotNull();
            server.initialized(new InitializedParams());

            String uri = ws.resolve("m.yang").toUri().toString();
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yang", 1,
                    "module m { yang-version 1.1; namespace \"urn:m\"; prefix m; leaf x { type nope; } }")));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (client.latest(uri) == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(client.latest(uri)).as(stderr()).isNotNull();
            assertThat(client.latest(uri).getDiagnostics()).anySatisfy(d ->
                    assertThat(d.getCode().getLeft()).isEqualTo("unknown-type"));

            assertThat(server.shutdown().get(1, TimeUnit.MINUTES)).isNull();
            server.exit();
            assertThat(p.waitFor(1, TimeUnit.MINUTES)).as("the server process ends after exit").isTrue();
            assertThat(p.exitValue()).as(stderr()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void stdioExitsWithAMessageWhenAClientAnnouncesAHugeMessage() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        ProcessBuilder pb = new ProcessBuilder(CheckLauncherIT.projectRoot().resolve("homeport").toString(), "lsp",
                "--stdio", "--max-message-bytes", "65536").directory(ws.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().put("HOMEPORT_MODULE_CACHE", dir.resolve("cache").toString());
        Process p = pb.start();
        try {
            p.getOutputStream().write("Content-Length: 2000000000\r\n\r\n{\"jsonrpc\"".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII));
            p.getOutputStream().flush();
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the server process ends").isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(stderr()).contains("refusing an LSP message of 2000000000 bytes").contains("65536");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aBadWebSocketPortIsAUsageError() throws Exception {
        Process p = new ProcessBuilder(CheckLauncherIT.projectRoot().resolve("homeport").toString(), "lsp",
                "--websocket", "not-a-port").directory(dir.toFile()).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err).contains("not-a-port").contains("is not a port number");
    }

    @Test
    void websocketServesEachConnectionAndReportsItsUrl() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        ProcessBuilder pb = new ProcessBuilder(CheckLauncherIT.projectRoot().resolve("homeport").toString(), "lsp",
                "--websocket", "127.0.0.1:0").directory(ws.toFile());
        pb.environment().put("HOMEPORT_MODULE_CACHE", dir.resolve("cache").toString());
        Process p = pb.start();
        try {
            java.io.BufferedReader err = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream(),
                    StandardCharsets.UTF_8));
            String url = null;
            for (String line; url == null && (line = err.readLine()) != null; ) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("serving LSP on (ws://127\\.0\\.0\\.1:\\d+/lsp)")
                        .matcher(line);
                if (m.find()) {
                    url = m.group(1);
                }
            }
            assertThat(url).as("the server prints its URL").isNotNull();
            Thread.ofVirtual().start(() -> { // keep draining stderr
                try {
                    err.transferTo(java.io.Writer.nullWriter());
                } catch (IOException e) {
                    // the process ended
                }
            });
            // two editors at once: each gets its own server; one exiting leaves the other serving
            try (dev.homeport.lsp.LspConnection a = dev.homeport.lsp.LspConnection.websocket(java.net.URI.create(url));
                 dev.homeport.lsp.LspConnection b = dev.homeport.lsp.LspConnection.websocket(java.net.URI.create(url))) {
                a.initialize(ws, null);
                b.initialize(ws, null);
                String uri = ws.resolve("m.yang").toUri().toString();
                a.server().shutdown().get(1, TimeUnit.MINUTES);
                a.server().exit();
                b.server().getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri,
                        "yang", 1, "module m { yang-version 1.1; namespace \"urn:m\"; prefix m; leaf x { type nope; } }")));
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (b.client().latest(uri) == null && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(b.client().latest(uri)).isNotNull();
                assertThat(b.client().latest(uri).getDiagnostics()).anySatisfy(d ->
                        assertThat(d.getCode().getLeft()).isEqualTo("unknown-type"));
                assertThat(a.client().diagnostics).isEmpty();
            }
            assertThat(p.isAlive()).as("the WebSocket server outlives its connections").isTrue();
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
    }

    @Test
    void serveEditorServesThePageAndItsAssetsBesideLsp() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        ProcessBuilder pb = new ProcessBuilder(CheckLauncherIT.projectRoot().resolve("homeport").toString(), "lsp",
                "--serve-editor", "127.0.0.1:0").directory(ws.toFile());
        pb.environment().put("HOMEPORT_MODULE_CACHE", dir.resolve("cache").toString());
        Process p = pb.start();
        try {
            java.io.BufferedReader err = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream(),
                    StandardCharsets.UTF_8));
            String base = null;
            for (String line; base == null && (line = err.readLine()) != null; ) {
                java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("serving the YANG editor on (http://127\\.0\\.0\\.1:\\d+)/ \\(LSP on ws://").matcher(line);
                if (m.find()) {
                    base = m.group(1);
                }
            }
            assertThat(base).as("the server prints the page's URL").isNotNull();
            Thread.ofVirtual().start(() -> {
                try {
                    err.transferTo(java.io.Writer.nullWriter());
                } catch (IOException e) {
                    // the process ended
                }
            });
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.util.function.Function<String, java.net.http.HttpResponse<String>> get = path -> {
                try {
                    return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(path)).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            };
            var page = get.apply(base + "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body()).contains("<script type=\"module\" src=\"editor.js\">");
            var script = get.apply(base + "/editor.js");
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.body()).contains("textDocument/didOpen");
            assertThat(get.apply(base + "/editor.worker.js").statusCode()).isEqualTo(200);
            assertThat(get.apply(base + "/nope.js").statusCode()).isEqualTo(404);
            assertThat(get.apply(base + "/dev/homeport/lsp/cli/LspMain.class").statusCode()).isEqualTo(404);
            // the page's /lsp is the language server, as for --websocket
            try (dev.homeport.lsp.LspConnection c = dev.homeport.lsp.LspConnection.websocket(
                    java.net.URI.create(base.replace("http://", "ws://") + "/lsp"))) {
                InitializeResult init = c.initialize(ws, null);
                assertThat(init.getCapabilities().getHoverProvider()).isNotNull();
            }
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
    }

    private String stderr() throws IOException {
        Path f = dir.resolve("stderr.txt");
        return Files.exists(f) ? Files.readString(f) : "";
    }
}
