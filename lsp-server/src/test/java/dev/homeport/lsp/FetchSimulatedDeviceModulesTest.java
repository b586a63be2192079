package dev.homeport.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import dev.homeport.netconf.server.host.CallHome;
import dev.homeport.netconf.server.host.CallHomePolicy;
import dev.homeport.netconf.server.host.SshDeviceHost;
import dev.homeport.netconf.server.sim.Profile;
import dev.homeport.netconf.server.sim.SimulatedDevice;
import dev.homeport.netconf.transport.ssh.HostKeys;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code homeport.fetchDeviceModules} against the engine's device simulator ({@code server.sim}, hosted by
 * {@code server.host.SshDeviceHost} in this JVM, over real SSH on 127.0.0.1). The simulated device runs a profile of
 * its own whose module ({@code acme-gateway}) exists nowhere but on the device, so the workspace's import of it can
 * only resolve through what the command downloaded. Both ways the command reaches a device: it connects, and it
 * listens (port 0) until the device calls home (RFC 8071).
 */
class FetchSimulatedDeviceModulesTest {
    static final String DEVICE_MODULE = """
            module acme-gateway {
              yang-version 1.1;
              namespace "urn:acme:gateway";
              prefix gw;
              revision 2026-11-22 { description "first"; }
              container gateway {
                leaf uplink { type string; }
              }
            }
            """;
    static final String USES_GATEWAY = """
            module acme-site {
              yang-version 1.1;
              namespace "urn:acme:site";
              prefix site;
              import acme-gateway { prefix gw; }
              revision 2026-11-22 { description "first"; }
              augment "/gw:gateway" {
                leaf site-name { type string; }
              }
            }
            """;
    static final String TOKEN = "fetch-sim";

    @TempDir
    Path dir;
    SshDeviceHost host;
    SimulatedDevice device;

    @BeforeEach
    void startDevice() throws Exception {
        Path profileDir = Files.createDirectories(dir.resolve("acme-gateway-profile"));
        Files.writeString(profileDir.resolve("profile.properties"),
                "description=a gateway with a module of its own\nconfig=config.xml\n");
        Files.writeString(profileDir.resolve("config.xml"),
                "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><gateway xmlns=\"urn:acme:gateway\"><uplink>wan0</uplink></gateway></config>\n");
        Path yang = Files.createDirectories(profileDir.resolve("yang"));
        Files.writeString(yang.resolve("acme-gateway@2026-11-22.yang"), DEVICE_MODULE);
        device = SimulatedDevice.create("acme-gw-1", Profile.load(profileDir));
        host = SshDeviceHost.start();
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private LspConnection connect(Path cache) throws Exception {
        return LspConnection.open(LspConnection.Transport.PIPES, YangLanguageServer.Options.defaults()
                .withSemanticDelay(Duration.ofMillis(50)).withModuleCache(cache));
    }

    private static List<String> codes(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList();
    }

    /** The simulator's default login (admin/admin); a fresh known-hosts file, so the key is learnt, not known. */
    private JsonObject login() {
        JsonObject a = new JsonObject();
        a.addProperty("user", "admin");
        a.addProperty("password", "admin");
        a.addProperty("acceptNewHostKey", true);
        a.addProperty("knownHosts", dir.resolve("known_hosts").toString());
        return a;
    }

    /** Opens the importing document and waits until its import is reported unresolved: the module is not here yet. */
    private String openImporter(LspConnection c, Path ws) {
        String uri = ws.resolve("acme-site.yang").toUri().toString();
        c.server().getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "yang", 1, USES_GATEWAY)));
        await().atMost(LspConnection.timeout()).until(() -> c.client().latest(uri) != null
                && codes(c.client().latest(uri)).contains("unresolved-import"));
        return uri;
    }

    /** The summary, the cache and the document: the device's module was stored and the import now resolves. */
    private static void assertFetched(Object result, Path cache, LspConnection c, String uri) throws Exception {
        Map<?, ?> summary = (Map<?, ?>) result; // LSP4J hands an untyped result to the client as a map
        assertThat((List<?>) summary.get("failed")).isEmpty();
        assertThat(((Number) summary.get("downloaded")).intValue()).as("nothing was cached before").isPositive();
        assertThat(Path.of((String) summary.get("cacheDirectory"))).isEqualTo(cache);
        assertThat(cache.resolve("acme-gateway@2026-11-22.yang")).hasContent(DEVICE_MODULE);
        // the import resolves and the augment finds /gw:gateway in the downloaded module: no diagnostics at all
        await().atMost(LspConnection.timeout()).untilAsserted(() ->
                assertThat(c.client().latest(uri).getDiagnostics()).isEmpty());
    }

    /** Work-done progress under the client's token: one begin, reports (one per module at least), one end, last. */
    private static void assertProgress(List<ProgressParams> progress, String endMessage) {
        assertThat(progress).isNotEmpty()
                .allSatisfy(p -> assertThat(p.getToken().getLeft()).isEqualTo(TOKEN));
        List<WorkDoneProgressNotification> values = progress.stream().map(p -> p.getValue().getLeft()).toList();
        assertThat(values.get(0)).isInstanceOf(WorkDoneProgressBegin.class);
        assertThat(values.get(values.size() - 1)).isInstanceOf(WorkDoneProgressEnd.class);
        assertThat(((WorkDoneProgressEnd) values.get(values.size() - 1)).getMessage()).isEqualTo(endMessage);
        assertThat(values.stream().filter(WorkDoneProgressBegin.class::isInstance)).hasSize(1);
        assertThat(values.stream().filter(WorkDoneProgressEnd.class::isInstance)).hasSize(1);
        assertThat(values.stream().filter(WorkDoneProgressReport.class::isInstance)
                .map(v -> ((WorkDoneProgressReport) v).getMessage()))
                .anyMatch(m -> m.contains("acme-gateway@2026-11-22"));
    }

    @Test
    void connectingToASimulatedDeviceResolvesTheImport() throws Exception {
        SshDeviceHost.Listener listener = host.listen(device, new InetSocketAddress("127.0.0.1", 0));
        Path cache = dir.resolve("cache");
        Path ws = Files.createDirectories(dir.resolve("ws"));
        try (LspConnection c = connect(cache)) {
            c.initialize(ws, null);
            String uri = openImporter(c, ws);

            JsonObject args = login();
            args.addProperty("host", "127.0.0.1");
            args.addProperty("port", listener.address().getPort());
            ExecuteCommandParams params = new ExecuteCommandParams("homeport.fetchDeviceModules", List.of(args));
            params.setWorkDoneToken(TOKEN);
            Object result = c.server().getWorkspaceService().executeCommand(params).get(3, TimeUnit.MINUTES);

            assertFetched(result, cache, c, uri);
            Map<?, ?> summary = (Map<?, ?>) result;
            // the device's own module plus the NETCONF server's modules it serves
            assertThat(((Number) summary.get("modules")).intValue()).isEqualTo(device.profile().modules().size());
            assertThat((String) summary.get("device")).isEqualTo("127.0.0.1:" + listener.address().getPort());
            assertProgress(c.client().progress, "fetched " + ((Number) summary.get("modules")).intValue() + " modules");
        }
    }

    @Test
    void aSimulatedDeviceCallingHomeIsFetched() throws Exception {
        Path cache = dir.resolve("cache");
        Path ws = Files.createDirectories(dir.resolve("ws"));
        try (LspConnection c = connect(cache)) {
            c.initialize(ws, null);
            String uri = openImporter(c, ws);

            JsonObject args = login();
            JsonObject callHome = new JsonObject();
            callHome.addProperty("address", "127.0.0.1");
            callHome.addProperty("port", 0); // the listener picks a free port and says which
            callHome.addProperty("timeoutSeconds", 120);
            args.add("callHome", callHome);
            ExecuteCommandParams params = new ExecuteCommandParams("homeport.fetchDeviceModules", List.of(args));
            params.setWorkDoneToken(TOKEN);
            CompletableFuture<Object> fetch = c.server().getWorkspaceService().executeCommand(params);

            Pattern waiting = Pattern.compile("call home on 127\\.0\\.0\\.1:(\\d+)");
            await().atMost(LspConnection.timeout()).until(() -> c.client().messages.stream()
                    .anyMatch(m -> waiting.matcher(m.getMessage()).find()));
            Matcher m = c.client().messages.stream().map(x -> waiting.matcher(x.getMessage()))
                    .filter(Matcher::find).findFirst().orElseThrow();
            int port = Integer.parseInt(m.group(1));
            assertThat(port).isPositive();

            // the simulator's call-home client dials the command's listener
            CallHome call = host.callHome(device, new InetSocketAddress("127.0.0.1", port),
                    InetAddress.getByName("127.0.0.1"), CallHomePolicy.persistent().withBackoff(
                            new CallHomePolicy.Backoff(Duration.ofMillis(200), Duration.ofMillis(500), 2, 0)));
            try {
                Object result = fetch.get(3, TimeUnit.MINUTES);
                assertFetched(result, cache, c, uri);
                Map<?, ?> summary = (Map<?, ?>) result;
                assertThat(((Number) summary.get("modules")).intValue()).isEqualTo(device.profile().modules().size());
                // the command names the device by the host key it presented: the simulated device's own
                assertThat((String) summary.get("device"))
                        .isEqualTo("device " + HostKeys.fingerprint(device.hostKey().getPublic()) + " at 127.0.0.1");
                assertThat(call.connections()).isGreaterThanOrEqualTo(1);
                assertProgress(c.client().progress, "fetched " + ((Number) summary.get("modules")).intValue() + " modules");
                assertThat(((WorkDoneProgressBegin) c.client().progress.get(0).getValue().getLeft()).getTitle())
                        .isEqualTo("Waiting for a device to call home on 127.0.0.1:" + port);
            } finally {
                host.remove(call);
            }
        }
    }
}
