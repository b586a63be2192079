package dev.homeport.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import dev.homeport.netconf.testing.FreePorts;
import dev.homeport.netconf.testing.YumaDevice;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code homeport.fetchDeviceModules} against the real yuma123 device (netconfd behind OpenSSH, from the engine's
 * test harness): a module that imports one of the device's modules resolves once the command has run.
 */
class FetchDeviceModulesTest {
    static final String USES_TOASTER = """
            module acme-kitchen {
              yang-version 1.1;
              namespace "urn:acme:kitchen";
              prefix k;
              import toaster { prefix toast; }
              revision 2024-01-01 { description "first"; }
              augment "/toast:toaster" {
                leaf colour { type string; }
              }
            }
            """;

    @TempDir
    Path dir;
    YumaDevice device;

    @AfterEach
    void stop() {
        if (device != null) {
            device.close();
        }
    }

    private LspConnection connect(Path cache) throws Exception {
        return LspConnection.open(LspConnection.Transport.PIPES, YangLanguageServer.Options.defaults()
                .withSemanticDelay(Duration.ofMillis(50)).withModuleCache(cache));
    }

    private static List<String> codes(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList();
    }

    private JsonObject login() {
        JsonObject a = new JsonObject();
        a.addProperty("user", device.user());
        a.addProperty("password", device.password());
        a.addProperty("acceptNewHostKey", true);
        a.addProperty("knownHosts", dir.resolve("known_hosts").toString());
        return a;
    }

    @Test
    void downloadedModulesResolveTheImport() throws Exception {
        device = YumaDevice.start();
        Path cache = dir.resolve("cache");
        Path ws = Files.createDirectories(dir.resolve("ws"));
        try (LspConnection c = connect(cache)) {
            c.initialize(ws, null);
            String uri = ws.resolve("acme-kitchen.yang").toUri().toString();
            c.server().getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, "yang", 1, USES_TOASTER)));
            await().atMost(LspConnection.timeout()).until(() -> c.client().latest(uri) != null
                    && codes(c.client().latest(uri)).contains("unresolved-import"));

            JsonObject args = login();
            args.addProperty("host", device.host());
            args.addProperty("port", device.port());
            ExecuteCommandParams params = new ExecuteCommandParams("homeport.fetchDeviceModules", List.of(args));
            params.setWorkDoneToken("fetch-1");
            Object result = c.server().getWorkspaceService().executeCommand(params).get(3, TimeUnit.MINUTES);

            // LSP4J hands an untyped result to the client as a map
            Map<?, ?> summary = (Map<?, ?>) result;
            assertThat(((Number) summary.get("modules")).intValue()).isGreaterThan(20);
            assertThat((List<?>) summary.get("failed")).isEmpty();
            try (Stream<Path> files = Files.list(cache)) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("toaster@"));
            }
            // the import resolves and the augment finds /toast:toaster in the device's module: no diagnostics at all
            await().atMost(LspConnection.timeout()).untilAsserted(() ->
                    assertThat(c.client().latest(uri).getDiagnostics()).isEmpty());
            // progress went out under the client's token, from begin to end
            assertThat(c.client().progress).allSatisfy(p -> assertThat(p.getToken().getLeft()).isEqualTo("fetch-1"));
            assertThat(c.client().progress.get(0).getValue().getLeft()).isInstanceOf(WorkDoneProgressBegin.class);
            assertThat(c.client().progress.get(c.client().progress.size() - 1).getValue().getLeft())
                    .isInstanceOf(WorkDoneProgressEnd.class);
            assertThat(c.client().progress.size()).isGreaterThan(20); // one report per module at least
        }
    }

    @Test
    void aDeviceCallingHomeIsFetchedToo() throws Exception {
        device = YumaDevice.start();
        Path cache = dir.resolve("cache");
        Path ws = Files.createDirectories(dir.resolve("ws"));
        try (LspConnection c = connect(cache)) {
            c.initialize(ws, null);
            String uri = ws.resolve("acme-kitchen.yang").toUri().toString();
            c.server().getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, "yang", 1, USES_TOASTER)));
            int port = FreePorts.next();
            JsonObject args = login();
            JsonObject callHome = new JsonObject();
            callHome.addProperty("address", "127.0.0.1");
            callHome.addProperty("port", port);
            callHome.addProperty("timeoutSeconds", 120);
            args.add("callHome", callHome);
            CompletableFuture<Object> fetch = c.server().getWorkspaceService().executeCommand(
                    new ExecuteCommandParams("homeport.fetchDeviceModules", List.of(args)));
            // the listener is up once the server says so; then the device calls
            await().atMost(LspConnection.timeout()).until(() -> c.client().messages.stream()
                    .anyMatch(m -> m.getMessage().contains("call home on 127.0.0.1:" + port)));
            device.callHome("127.0.0.1", port, 1, 1);
            Object result = fetch.get(3, TimeUnit.MINUTES);
            Map<?, ?> summary = (Map<?, ?>) result;
            assertThat((List<?>) summary.get("failed")).isEmpty();
            assertThat(((Number) summary.get("modules")).intValue()).isGreaterThan(20);
            assertThat((String) summary.get("device")).contains("127.100.");
            await().atMost(LspConnection.timeout()).untilAsserted(() ->
                    assertThat(c.client().latest(uri).getDiagnostics()).isEmpty());
        }
    }

    @Test
    void cancellingAWaitForCallHomeClosesTheListener() throws Exception {
        try (LspConnection c = connect(dir.resolve("cache"))) {
            c.initialize(Files.createDirectories(dir.resolve("ws")), null);
            int port = FreePorts.next();
            JsonObject args = new JsonObject();
            args.addProperty("user", "nobody");
            JsonObject callHome = new JsonObject();
            callHome.addProperty("address", "127.0.0.1");
            callHome.addProperty("port", port);
            args.add("callHome", callHome);
            CompletableFuture<Object> fetch = c.server().getWorkspaceService().executeCommand(
                    new ExecuteCommandParams("homeport.fetchDeviceModules", List.of(args)));
            await().atMost(LspConnection.timeout()).until(() -> c.client().messages.stream()
                    .anyMatch(m -> m.getMessage().contains("call home on 127.0.0.1:" + port)));
            assertThat(bindable(port)).as("the listener holds the port").isFalse();
            fetch.cancel(true); // LSP4J sends $/cancelRequest
            await().atMost(Duration.ofSeconds(30)).until(() -> bindable(port));
        }
    }

    @Test
    void badArgumentsAndUnreachableDevicesAreClearErrors() throws Exception {
        try (LspConnection c = connect(dir.resolve("cache"))) {
            c.initialize(Files.createDirectories(dir.resolve("ws")), null);
            JsonObject noHost = new JsonObject();
            noHost.addProperty("user", "u");
            assertThatThrownBy(() -> c.server().getWorkspaceService().executeCommand(
                    new ExecuteCommandParams("homeport.fetchDeviceModules", List.of(noHost))).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ResponseErrorException.class)
                    .hasMessageContaining("'host' is required");

            JsonObject closedPort = new JsonObject();
            closedPort.addProperty("user", "u");
            closedPort.addProperty("password", "secret-password-123");
            closedPort.addProperty("host", "127.0.0.1");
            closedPort.addProperty("port", FreePorts.next());
            assertThatThrownBy(() -> c.server().getWorkspaceService().executeCommand(
                    new ExecuteCommandParams("homeport.fetchDeviceModules", List.of(closedPort))).get(2, TimeUnit.MINUTES))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ResponseErrorException.class)
                    .hasMessageContaining("127.0.0.1")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-password-123"));
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
