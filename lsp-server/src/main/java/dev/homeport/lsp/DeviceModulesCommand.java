package dev.homeport.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.homeport.netconf.callhome.CallHomeEvent;
import dev.homeport.netconf.callhome.CallHomeServer;
import dev.homeport.netconf.callhome.CallHomeSettings;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.callhome.CredentialsProvider;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.schema.Cancellation;
import dev.homeport.netconf.schema.DeviceModules;
import dev.homeport.netconf.schema.DownloadReport;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.schema.ModuleDiscovery;
import dev.homeport.netconf.schema.ModuleOutcome;
import dev.homeport.netconf.schema.SchemaDownloader;
import dev.homeport.netconf.schema.SchemaProgress;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.transport.tls.KnownCertificates;
import dev.homeport.yang.index.WorkspaceIndex;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code homeport.fetchDeviceModules}: downloads a device's YANG modules into the engine's shared module cache
 * (which is on the search path), so that imports of them resolve. The one argument is an object:
 * <pre>
 * { "host": "10.0.0.1", "port": 830, "user": "admin", "password": "...",
 *   "knownHosts": "~/.ssh/known_hosts", "acceptNewHostKey": false }
 * { "callHome": { "address": "0.0.0.0", "port": 4334, "timeoutSeconds": 120 }, "user": ..., "password": ...,
 *   "acceptNewHostKey": true }
 * </pre>
 * Host keys are checked as {@code homeport netconf connect} checks them: against {@code knownHosts} (default
 * {@code ~/.ssh/known_hosts}, never written), unknown keys refused unless {@code acceptNewHostKey}; a changed key
 * is always refused. Progress goes out as LSP work-done progress when the client gave a token; {@code
 * $/cancelRequest} stops the download (files already stored stay valid). The password is used for the login only:
 * it is never logged or returned.
 */
final class DeviceModulesCommand {
    static final String ID = "homeport.fetchDeviceModules";
    private static final Logger LOG = LoggerFactory.getLogger(DeviceModulesCommand.class);
    private static final int DEFAULT_PORT = 830;
    private static final Duration DEFAULT_CALL_HOME_WAIT = Duration.ofMinutes(2);

    private final YangLanguageServer server;

    DeviceModulesCommand(YangLanguageServer server) {
        this.server = server;
    }

    /** What the user asked for, checked before anything connects. */
    private record Request(String host, int port, String user, char[] password, Path knownHosts,
                           boolean acceptNewHostKey, InetSocketAddress callHome, Duration callHomeWait) {
        String device() {
            return callHome != null ? "the device calling home to " + callHome.getHostString() + ":"
                    + callHome.getPort() : host + ":" + port;
        }
    }

    CompletableFuture<Object> execute(ExecuteCommandParams params) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Request request;
        try {
            request = parse(params.getArguments());
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(new ResponseErrorException(new ResponseError(
                    ResponseErrorCode.InvalidParams, ID + ": " + e.getMessage(), null)));
            return result;
        }
        Cancellation cancel = new Cancellation();
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                cancel.cancel();
            }
        });
        Progress progress = new Progress(server.client(), params.getWorkDoneToken());
        server.commandThreads().execute(() -> {
            try {
                Map<String, Object> summary = fetch(request, progress, cancel);
                progress.end("fetched " + summary.get("modules") + " modules");
                result.complete(summary);
            } catch (CancellationException e) {
                progress.end("cancelled");
                result.cancel(false);
            } catch (Exception e) {
                String message = ID + " from " + request.device() + " failed: " + describe(e);
                LOG.warn(message);
                progress.end("failed");
                result.completeExceptionally(new ResponseErrorException(new ResponseError(
                        ResponseErrorCode.RequestFailed, message, null)));
            } finally {
                java.util.Arrays.fill(request.password(), '\0');
            }
        });
        return result;
    }

    private Map<String, Object> fetch(Request request, Progress progress, Cancellation cancel) throws Exception {
        ModuleCache cache = new ModuleCache(server.moduleCacheDirectory());
        KnownHosts hostKeys = request.knownHosts() != null
                ? KnownHosts.readOnly(request.knownHosts(), policy(request))
                : KnownHosts.readOnly(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"), policy(request));
        SshAuth auth = SshAuth.password(request.user(), request.password());
        try {
            if (request.callHome() != null) {
                return viaCallHome(request, hostKeys, auth, cache, progress, cancel);
            }
            progress.begin("Fetching YANG modules from " + request.device());
            try (SshConnector ssh = new SshConnector();
                 NetconfClient client = new NetconfClient(NetconfSession.open(
                         ssh.connect(request.host(), request.port(), auth, hostKeys), SessionOptions.defaults()))) {
                return download(client, request.device(), cache, progress, cancel);
            }
        } finally {
            auth.destroy();
        }
    }

    private Map<String, Object> viaCallHome(Request request, KnownHosts hostKeys, SshAuth auth, ModuleCache cache,
                                            Progress progress, Cancellation cancel) throws Exception {
        CallHomeSettings settings = CallHomeSettings.defaults().withSsh(request.callHome()).withMaxSessions(1);
        BlockingQueue<CallHomeEvent> events = new LinkedBlockingQueue<>();
        try (CallHomeServer listener = new CallHomeServer(settings, new CallHomeTrust(hostKeys,
                KnownCertificates.inMemory(KnownCertificates.Policy.STRICT)), CredentialsProvider.same(auth))) {
            listener.addListener(events::add);
            listener.start();
            InetSocketAddress bound = listener.sshAddress();
            progress.begin("Waiting for a device to call home on " + bound.getHostString() + ":" + bound.getPort());
            server.message(MessageType.Info, "Homeport: waiting for a NETCONF device to call home on "
                    + bound.getHostString() + ":" + bound.getPort());
            long deadline = System.nanoTime() + request.callHomeWait().toNanos();
            while (true) {
                cancel.check("waiting for call home");
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no device called home within " + request.callHomeWait().toSeconds()
                            + " s");
                }
                CallHomeEvent e = events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                if (e instanceof CallHomeEvent.Connected c) {
                    String device = "device " + c.device().fingerprint() + " at " + c.source().getHostString();
                    progress.report("Fetching YANG modules from " + device, null);
                    try (NetconfClient client = new NetconfClient(c.session())) {
                        return download(client, device, cache, progress, cancel);
                    }
                } else if (e instanceof CallHomeEvent.Pending p) {
                    server.message(MessageType.Warning, "Homeport: refused a call home from "
                            + p.source().getHostString() + ": its host key " + p.device().fingerprint()
                            + " is not known (set acceptNewHostKey to trust it)");
                } else if (e instanceof CallHomeEvent.Refused r) {
                    LOG.info("call home from {} refused: {}", r.source(), r.reason());
                }
            }
        }
    }

    private Map<String, Object> download(NetconfClient client, String device, ModuleCache cache, Progress progress,
                                         Cancellation cancel) throws InterruptedException {
        DeviceModules modules = ModuleDiscovery.discover(client);
        cancel.check("module discovery");
        SchemaDownloader.SchemaFetcher fetcher = ModuleDiscovery.offersGetSchema(client.capabilities(), modules)
                ? SchemaDownloader.getSchema(client) : null;
        DownloadReport report = new SchemaDownloader(cache).download(modules, fetcher, device,
                p -> progress.report(message(p), p.total() == 0 ? null : 100 * p.done() / p.total()), cancel);
        List<URI> files = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (ModuleOutcome o : report.outcomes()) {
            if (o.source().isPresent()) {
                files.add(cache.fileFor(o.source().get().ref()).toUri());
            } else {
                failed.add(o.requested().id() + o.problem().map(p -> ": " + p).orElse(""));
            }
        }
        // the new files join the index on the service thread; the command answers once they are in it
        CompletableFuture<Void> indexed = new CompletableFuture<>();
        server.mutate("indexing downloaded modules", () -> {
            Set<URI> affected = new LinkedHashSet<>();
            try {
                for (URI f : files) {
                    affected.addAll(server.service().index().fileChanged(WorkspaceIndex.normalize(f)).affected());
                }
                // an import that resolved to nothing before affects no dependents: re-check every open document
                affected.addAll(server.openDocuments());
            } finally {
                indexed.complete(null);
            }
            return affected;
        });
        try {
            indexed.get(5, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("indexing the downloaded modules did not finish: {}", e.toString());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("device", device);
        out.put("cacheDirectory", cache.directory().toString());
        out.put("modules", report.outcomes().size() - failed.size());
        out.put("downloaded", report.count(ModuleOutcome.Status.DOWNLOADED));
        out.put("cached", report.count(ModuleOutcome.Status.CACHED));
        out.put("failed", failed);
        return out;
    }

    private static String message(SchemaProgress p) {
        return p.module().map(m -> p.stage().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
                + m.id()).orElse(p.message());
    }

    private static KnownHosts.Policy policy(Request r) {
        return r.acceptNewHostKey() ? KnownHosts.Policy.ACCEPT_NEW : KnownHosts.Policy.STRICT;
    }

    // ---------------------------------------------------------------- arguments

    private static Request parse(List<Object> arguments) {
        if (arguments == null || arguments.size() != 1 || !(arguments.get(0) instanceof JsonObject a)) {
            throw new IllegalArgumentException("expects one object argument: {host, port, user, password} or "
                    + "{callHome: {address, port}, user, password}");
        }
        String user = string(a, "user", null);
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("'user' is required");
        }
        String password = string(a, "password", "");
        String knownHosts = string(a, "knownHosts", null);
        boolean acceptNew = a.has("acceptNewHostKey") && bool(a, "acceptNewHostKey");
        Path known = knownHosts == null ? null
                : dev.homeport.yang.index.PathExpander.ofSystem(Path.of("").toAbsolutePath()).expand(knownHosts);
        if (a.has("callHome") && a.get("callHome").isJsonObject()) {
            JsonObject ch = a.getAsJsonObject("callHome");
            String address = string(ch, "address", "0.0.0.0");
            int port = integer(ch, "port", CallHomeSettings.SSH_PORT);
            int wait = integer(ch, "timeoutSeconds", (int) DEFAULT_CALL_HOME_WAIT.toSeconds());
            InetSocketAddress bind = new InetSocketAddress(address, port);
            if (bind.isUnresolved()) {
                throw new IllegalArgumentException("callHome.address " + address + " is not a known host or address");
            }
            return new Request(null, 0, user, password.toCharArray(), known, acceptNew, bind,
                    Duration.ofSeconds(Math.max(1, wait)));
        }
        String host = string(a, "host", null);
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("'host' is required (or 'callHome' to wait for the device to call)");
        }
        int port = integer(a, "port", DEFAULT_PORT);
        return new Request(host, port, user, password.toCharArray(), known, acceptNew, null, null);
    }

    private static String string(JsonObject o, String key, String fallback) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!e.isJsonPrimitive()) {
            throw new IllegalArgumentException("'" + key + "' must be a string");
        }
        return e.getAsString();
    }

    private static int integer(JsonObject o, String key, int fallback) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        try {
            int v = e.getAsInt();
            if (v < 0 || v > 65535 && !key.equals("timeoutSeconds")) {
                throw new IllegalArgumentException("'" + key + "' is out of range: " + v);
            }
            return v;
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException ex) {
            throw new IllegalArgumentException("'" + key + "' must be a number");
        }
    }

    private static boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException("'" + key + "' must be true or false");
        }
        return e.getAsBoolean();
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** LSP work-done progress for one token; silent without a token or client. */
    private static final class Progress {
        private final LanguageClient client;
        private final Either<String, Integer> token;
        private boolean begun;

        Progress(LanguageClient client, Either<String, Integer> token) {
            this.client = client;
            this.token = token;
        }

        synchronized void begin(String title) {
            if (client == null || token == null) {
                return;
            }
            WorkDoneProgressBegin b = new WorkDoneProgressBegin();
            b.setTitle(title);
            b.setCancellable(true);
            b.setPercentage(0);
            send(b);
            begun = true;
        }

        synchronized void report(String message, Integer percent) {
            if (!begun) {
                return;
            }
            WorkDoneProgressReport r = new WorkDoneProgressReport();
            r.setMessage(message);
            if (percent != null) {
                r.setPercentage(Math.max(0, Math.min(100, percent)));
            }
            send(r);
        }

        synchronized void end(String message) {
            if (!begun) {
                return;
            }
            WorkDoneProgressEnd e = new WorkDoneProgressEnd();
            e.setMessage(message);
            send(e);
            begun = false;
        }

        private void send(WorkDoneProgressNotification n) {
            client.notifyProgress(new ProgressParams(token, Either.forLeft(n)));
        }
    }
}
