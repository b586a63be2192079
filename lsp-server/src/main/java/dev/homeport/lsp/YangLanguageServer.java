package dev.homeport.lsp;

import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.yang.YangLanguageService;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.index.SearchPathProblem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.RelativePattern;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SetTraceParams;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LSP4J face of {@link YangLanguageService}: one instance per client connection. It translates messages into
 * service calls and back, and owns the threads:
 * <ul>
 *   <li>one service thread applies every change to the workspace (open, change, close, configuration, folders,
 *       watched files, downloaded modules) in arrival order, publishes the fast diagnostics and answers requests,
 *       so a request always sees every edit sent before it;</li>
 *   <li>one semantic thread runs yangtools after the user pauses ({@link DiagnosticsPublisher});</li>
 *   <li>commands that wait on the network (device modules) run on virtual threads of their own.</li>
 * </ul>
 * A failure while handling one message is logged and shown to the user; the server carries on.
 */
public final class YangLanguageServer implements LanguageServer, LanguageClientAware {
    private static final Logger LOG = LoggerFactory.getLogger(YangLanguageServer.class);
    public static final String NAME = "homeport-yang";
    public static final String VERSION = "0.1.0";

    /**
     * @param semanticDelay     the pause after the last edit before yangtools runs
     * @param moduleCache       the engine's module cache folder; empty: its default location
     *                          ({@link ModuleCache#defaultDirectory()}), unless the settings name one
     * @param requestTimeout    how long a client waits at most for the answer to a request (counted from its
     *                          arrival); after that it is cancelled and answered with {@code RequestCancelled}
     * @param maxMessageBytes   the largest message a transport accepts (Content-Length on byte streams, a text
     *                          message on WebSocket); a larger one closes the connection
     */
    public record Options(Duration semanticDelay, Optional<Path> moduleCache, Duration requestTimeout,
                          int maxMessageBytes) {
        public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
        /** Far above any real module (the largest published ones are a few MB), far below a hostile 2 GB. */
        public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

        public Options {
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("the request timeout must be positive, not " + requestTimeout);
            }
            if (maxMessageBytes <= 0) {
                throw new IllegalArgumentException("the message size limit must be positive, not " + maxMessageBytes);
            }
        }

        public Options(Duration semanticDelay, Optional<Path> moduleCache) {
            this(semanticDelay, moduleCache, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_MESSAGE_BYTES);
        }

        public static Options defaults() {
            return new Options(Duration.ofMillis(300), Optional.empty());
        }

        public Options withSemanticDelay(Duration d) {
            return new Options(d, moduleCache, requestTimeout, maxMessageBytes);
        }

        public Options withModuleCache(Path p) {
            return new Options(semanticDelay, Optional.of(p), requestTimeout, maxMessageBytes);
        }

        public Options withRequestTimeout(Duration d) {
            return new Options(semanticDelay, moduleCache, d, maxMessageBytes);
        }

        public Options withMaxMessageBytes(int bytes) {
            return new Options(semanticDelay, moduleCache, requestTimeout, bytes);
        }
    }

    private final Options options;
    private final YangLanguageService service = new YangLanguageService();
    private final ExecutorService serviceThread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("homeport-lsp-service").factory());
    private final ScheduledExecutorService semanticThread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("homeport-lsp-semantic").factory());
    private final ExecutorService commandThreads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("homeport-lsp-command-", 0).factory());
    // requests run here while the service thread waits for them, so one that overruns its bound can be left behind;
    // large stacks, since some features walk the statement tree recursively (10,000 nested blocks)
    private final ExecutorService requestThreads = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().stackSize(64L << 20).name("homeport-lsp-request-", 0).factory());
    private final ScheduledExecutorService requestTimer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("homeport-lsp-request-timer").factory());
    private final DiagnosticsPublisher publisher;
    private final YangTextDocumentService textDocuments;
    private final YangWorkspaceService workspace;
    private final IntConsumer onExit;
    private volatile LanguageClient client;
    private volatile InitializeParams initializeParams;
    private volatile boolean shutdownRequested;
    // touched only on the service thread
    private final List<Path> workspaceFolders = new ArrayList<>();
    private volatile LspSettings settings = LspSettings.DEFAULTS;
    private final AtomicInteger queuedMutations = new AtomicInteger();
    private final Set<URI> deferredFast = new LinkedHashSet<>();

    /**
     * @param onExit called with the exit code when the client sends {@code exit} (0 after {@code shutdown}, else 1):
     *               the stdio transport ends the process, the WebSocket transport closes the connection
     */
    public YangLanguageServer(Options options, IntConsumer onExit) {
        this.options = options;
        this.onExit = onExit;
        this.publisher = new DiagnosticsPublisher(service, this::publishDiagnostics, semanticThread,
                options.semanticDelay().toMillis());
        this.textDocuments = new YangTextDocumentService(this);
        this.workspace = new YangWorkspaceService(this);
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    public YangLanguageService service() {
        return service;
    }

    DiagnosticsPublisher publisher() {
        return publisher;
    }

    LanguageClient client() {
        return client;
    }

    /** The options this server was made with (the transports read their message size limit here). */
    public Options options() {
        return options;
    }

    /** The settings in force (read on the request thread; replaced on the service thread). */
    LspSettings settings() {
        return settings;
    }

    ExecutorService commandThreads() {
        return commandThreads;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        this.initializeParams = params;
        List<Path> folders = new ArrayList<>();
        if (params.getWorkspaceFolders() != null) {
            for (WorkspaceFolder f : params.getWorkspaceFolders()) {
                folderPath(f.getUri()).ifPresent(folders::add);
            }
        } else if (params.getRootUri() != null) {
            folderPath(params.getRootUri()).ifPresent(folders::add);
        } else if (params.getRootPath() != null) {
            folders.add(Path.of(params.getRootPath()));
        }
        LspSettings initial = LspSettings.from(params.getInitializationOptions());
        // the scan runs on the service thread; didOpen and every later message queue behind it
        mutate("reading the workspace", () -> {
            workspaceFolders.clear();
            workspaceFolders.addAll(folders);
            settings = initial;
            return reconfigure();
        });

        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        WorkspaceFoldersOptions wf = new WorkspaceFoldersOptions();
        wf.setSupported(true);
        wf.setChangeNotifications(true);
        caps.setWorkspace(new WorkspaceServerCapabilities(wf));
        caps.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(DeviceModulesCommand.ID,
                YangWorkspaceService.SHOW_TREE)));
        // the editing features of dev.homeport.yang.ide, each a thin mapping in the two services
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setDocumentHighlightProvider(true);
        caps.setHoverProvider(true);
        caps.setDocumentSymbolProvider(true);
        caps.setWorkspaceSymbolProvider(true);
        caps.setCompletionProvider(new CompletionOptions(false, List.of(":", "/")));
        caps.setRenameProvider(new RenameOptions(true));
        caps.setFoldingRangeProvider(true);
        caps.setDocumentFormattingProvider(true);
        caps.setCodeActionProvider(new org.eclipse.lsp4j.CodeActionOptions(List.of(org.eclipse.lsp4j.CodeActionKind.QuickFix)));
        org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions tokens = new org.eclipse.lsp4j
                .SemanticTokensWithRegistrationOptions(new org.eclipse.lsp4j.SemanticTokensLegend(
                dev.homeport.yang.ide.SemanticToken.legend(), List.of()), true, true);
        caps.setSemanticTokensProvider(tokens);
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo(NAME, VERSION)));
    }

    @Override
    public void initialized(InitializedParams params) {
        InitializeParams init = initializeParams;
        boolean dynamicWatch = init != null && init.getCapabilities() != null
                && init.getCapabilities().getWorkspace() != null
                && init.getCapabilities().getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(init.getCapabilities().getWorkspace().getDidChangeWatchedFiles()
                .getDynamicRegistration());
        LanguageClient c = client;
        if (dynamicWatch && c != null) {
            List<FileSystemWatcher> watchers = new ArrayList<>();
            watchers.add(new FileSystemWatcher(Either.forLeft("**/*.{yang,zip,jar}")));
            Path cache = moduleCacheDirectory();
            watchers.add(new FileSystemWatcher(Either.forRight(
                    new RelativePattern(Either.forRight(cache.toUri().toString()), "*.yang"))));
            c.registerCapability(new RegistrationParams(List.of(new Registration("homeport-yang-files",
                    "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions(watchers)))))
                    .exceptionally(e -> {
                        LOG.warn("the client refused file watching: {}", e.toString());
                        return null;
                    });
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        // answer after the queued work, so nothing half-done is left behind
        return CompletableFuture.supplyAsync(() -> null, serviceThread);
    }

    @Override
    public void exit() {
        close();
        onExit.accept(shutdownRequested ? 0 : 1);
    }

    /** Stops the threads (the WebSocket transport calls this when a connection ends without exit). */
    public void close() {
        serviceThread.shutdownNow();
        semanticThread.shutdownNow();
        commandThreads.shutdownNow();
        requestThreads.shutdownNow();
        requestTimer.shutdownNow();
    }

    @Override
    public void setTrace(SetTraceParams params) {
        // the server's own logs go to stderr; nothing to change per trace level
    }

    @Override
    public YangTextDocumentService getTextDocumentService() {
        return textDocuments;
    }

    @Override
    public YangWorkspaceService getWorkspaceService() {
        return workspace;
    }

    // ---------------------------------------------------------------- the service thread

    /**
     * Applies a change to the workspace on the service thread; {@code change} returns the sources it affects,
     * whose diagnostics are published again. When more changes are queued behind this one (fast typing), their
     * fast diagnostics are published once, after the last of them.
     */
    void mutate(String what, Supplier<Collection<URI>> change) {
        queuedMutations.incrementAndGet();
        try {
            serviceThread.execute(() -> {
                Collection<URI> affected = List.of();
                try {
                    synchronized (publisher.lock()) {
                        publisher.mutating();
                        affected = change.get();
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    report(what, e);
                } finally {
                    queuedMutations.decrementAndGet();
                }
                deferredFast.addAll(affected);
                if (queuedMutations.get() == 0 && !deferredFast.isEmpty()) {
                    List<URI> uris = List.copyOf(deferredFast);
                    deferredFast.clear();
                    try {
                        publisher.changed(uris);
                    } catch (RuntimeException e) {
                        report("publishing diagnostics", e);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queuedMutations.decrementAndGet(); // shut down: nothing more to do
        }
    }

    /**
     * Answers a request after every change sent before it: the service thread takes it in order and runs it on a
     * request thread, waiting until it is answered. Every request has a bound ({@link Options#requestTimeout()},
     * counted from its arrival): when it passes, the answer is a {@code RequestCancelled} error saying so, the work is
     * interrupted and the service thread goes on with the next message. A request cancelled by the client
     * ({@code $/cancelRequest}, which cancels the returned future) does not start, or is interrupted and left
     * behind. Long work can poll the CancelChecker, which throws once the answer is settled.
     */
    <T> CompletableFuture<T> request(String what, Function<CancelChecker, T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CancelChecker checker = () -> {
            if (result.isDone()) {
                throw new java.util.concurrent.CancellationException(what + " cancelled");
            }
        };
        Duration bound = options.requestTimeout();
        try {
            java.util.concurrent.ScheduledFuture<?> timer = requestTimer.schedule(() -> result.completeExceptionally(
                    new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestCancelled,
                            what + " took too long (over " + describe(bound) + ") and was cancelled", null))),
                    bound.toMillis(), TimeUnit.MILLISECONDS);
            result.whenComplete((v, e) -> timer.cancel(false));
            serviceThread.execute(() -> {
                if (result.isDone()) {
                    return;
                }
                // RUNNING until one side wins: the work, which then answers (LSP4J writes the answer on this thread,
                // so it must not be interrupted), or the service thread, which interrupts work that is left behind
                java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger(RUNNING);
                java.util.concurrent.Future<?> running = requestThreads.submit(() -> {
                    try {
                        T value = work.apply(checker);
                        if (state.compareAndSet(RUNNING, ANSWERING)) {
                            result.complete(value);
                        }
                    } catch (java.util.concurrent.CancellationException e) {
                        result.cancel(false);
                    } catch (ResponseErrorException e) {
                        if (state.compareAndSet(RUNNING, ANSWERING)) {
                            result.completeExceptionally(e);
                        }
                    } catch (RuntimeException | StackOverflowError e) {
                        if (state.compareAndSet(RUNNING, ANSWERING)) {
                            LOG.error("{} failed", what, e);
                            result.completeExceptionally(new ResponseErrorException(new ResponseError(
                                    ResponseErrorCode.InternalError, what + " failed: " + e, null)));
                        }
                    }
                });
                // the answer is settled by the work, the bound or the client's cancel, whichever comes first
                try {
                    result.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // closing
                    result.cancel(false);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                    // answered with an error, or cancelled: either way settled
                }
                if (state.compareAndSet(RUNNING, LEFT_BEHIND)) {
                    LOG.warn("{} overran its bound or was cancelled; interrupting it", what);
                    running.cancel(true);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new ResponseErrorException(new ResponseError(
                    ResponseErrorCode.InvalidRequest, "the server is shutting down", null)));
        }
        return result;
    }

    private static final int RUNNING = 0;
    private static final int ANSWERING = 1;
    private static final int LEFT_BEHIND = 2;

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** On the service thread: settings changed. */
    Collection<URI> applySettings(LspSettings next) {
        settings = next;
        return reconfigure();
    }

    /** On the service thread: workspace folders added and removed. */
    Collection<URI> changeFolders(List<Path> added, List<Path> removed) {
        workspaceFolders.removeAll(removed);
        for (Path p : added) {
            if (!workspaceFolders.contains(p)) {
                workspaceFolders.add(p);
            }
        }
        return reconfigure();
    }

    /** On the service thread: reads the whole search path again (an archive on it changed). */
    Collection<URI> reconfigureNow() {
        return reconfigure();
    }

    /**
     * Sets the search path from the folders and settings and reads it again; every open document is affected (an
     * import may now mean another file). Problems with the settings or path entries are shown to the user.
     */
    private Collection<URI> reconfigure() {
        List<String> entries = new ArrayList<>(settings.path());
        if (settings.useModuleCache()) {
            Path cache = moduleCacheDirectory();
            try {
                new ModuleCache(cache); // creates the folder, so it is a root even before the first download
                entries.add(cache.toString());
            } catch (IOException e) {
                warn("the module cache " + cache + " cannot be used: " + e.getMessage());
            }
        }
        Path base = workspaceFolders.isEmpty() ? Path.of("").toAbsolutePath() : workspaceFolders.get(0);
        service.setDiagnosticSettings(settings.diagnostics());
        List<SearchPathProblem> problems = service.configure(List.copyOf(workspaceFolders), entries,
                PathExpander.ofSystem(base));
        List<String> messages = new ArrayList<>(settings.problems());
        problems.forEach(p -> messages.add(p.toString()));
        if (!messages.isEmpty()) {
            warn("Homeport YANG settings: " + String.join("; ", messages));
        }
        return openDocuments();
    }

    /** The module cache in use: the settings' folder, else the server option, else the engine's default. */
    Path moduleCacheDirectory() {
        LspSettings s = settings;
        if (s.moduleCache().isPresent()) {
            Path base = workspaceFolders.isEmpty() ? Path.of("").toAbsolutePath() : workspaceFolders.get(0);
            return PathExpander.ofSystem(base).expand(s.moduleCache().get());
        }
        return options.moduleCache().orElseGet(ModuleCache::defaultDirectory);
    }

    List<URI> openDocuments() {
        return service.index().sources().stream().map(s -> s.uri()).filter(u -> service.document(u).isPresent())
                .toList();
    }

    // ---------------------------------------------------------------- talking to the client

    private void publishDiagnostics(PublishDiagnosticsParams params) {
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(params);
        }
    }

    /** A failure handling one message: logged with its stack, shown to the user in one line. */
    void report(String what, Throwable e) {
        LOG.error("{} failed", what, e);
        message(MessageType.Error, "Homeport YANG: " + what + " failed: " + e.getMessage());
    }

    void warn(String text) {
        LOG.warn(text);
        message(MessageType.Warning, text);
    }

    void message(MessageType type, String text) {
        LanguageClient c = client;
        if (c != null) {
            c.showMessage(new MessageParams(type, text));
        }
    }

    static Optional<Path> folderPath(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Optional.of(Path.of(u)) : Optional.empty();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            LOG.warn("ignoring workspace folder {}: {}", uri, e.getMessage());
            return Optional.empty();
        }
    }

    /** Waits until the work queued so far is done (for tests and an orderly exit). */
    public void awaitIdle(Duration timeout) throws InterruptedException {
        CompletableFuture<Void> marker = CompletableFuture.runAsync(() -> { }, serviceThread);
        try {
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the service thread did not become idle", e);
        }
    }
}
