package dev.homeport.lsp;

import dev.homeport.yang.index.IndexUpdate;
import dev.homeport.yang.index.WorkspaceIndex;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Settings, workspace folders, watched files and the {@code homeport.*} commands. */
public final class YangWorkspaceService implements WorkspaceService {
    private final YangLanguageServer server;

    YangWorkspaceService(YangLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        Object settings = params.getSettings();
        boolean empty = settings == null || settings instanceof com.google.gson.JsonNull
                || (settings instanceof com.google.gson.JsonObject o && o.size() == 0);
        LanguageClient client = server.client();
        if (empty && client != null) {
            // the pull model: the notification only says that something changed
            ConfigurationItem item = new ConfigurationItem();
            item.setSection("homeport.yang");
            client.configuration(new ConfigurationParams(List.of(item))).thenAccept(values -> {
                Object value = values == null || values.isEmpty() ? null : values.get(0);
                LspSettings next = LspSettings.from(value);
                server.mutate("applying settings", () -> server.applySettings(next));
            }).exceptionally(e -> {
                server.report("reading the settings", e);
                return null;
            });
            return;
        }
        LspSettings next = LspSettings.from(settings);
        server.mutate("applying settings", () -> server.applySettings(next));
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        List<Path> added = folders(params.getEvent().getAdded());
        List<Path> removed = folders(params.getEvent().getRemoved());
        server.mutate("changing workspace folders", () -> server.changeFolders(added, removed));
    }

    private static List<Path> folders(List<WorkspaceFolder> list) {
        List<Path> out = new ArrayList<>();
        if (list != null) {
            for (WorkspaceFolder f : list) {
                YangLanguageServer.folderPath(f.getUri()).ifPresent(out::add);
            }
        }
        return out;
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        List<FileEvent> events = List.copyOf(params.getChanges());
        server.mutate("reading changed files", () -> {
            Set<URI> affected = new LinkedHashSet<>();
            boolean archives = false;
            for (FileEvent e : events) {
                URI uri = WorkspaceIndex.normalize(YangTextDocumentService.parse(e.getUri()));
                String name = uri.getPath() == null ? "" : uri.getPath();
                if (name.endsWith(".zip") || name.endsWith(".jar")) {
                    archives = true; // an archive on the path is read as a whole
                    continue;
                }
                IndexUpdate update = e.getType() == FileChangeType.Deleted
                        ? server.service().index().fileDeleted(uri)
                        : server.service().index().fileChanged(uri);
                affected.addAll(update.affected());
            }
            if (archives) {
                affected.addAll(server.reconfigureNow());
            }
            server.service().diagnosticsFeature().retainCurrent();
            return affected;
        });
    }

    @Override
    public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends org.eclipse.lsp4j.WorkspaceSymbol>>>
            symbol(WorkspaceSymbolParams params) {
        String query = params.getQuery() == null ? "" : params.getQuery();
        return server.request("workspace symbols", cancel -> Either.forRight(server.service().workspaceSymbols(query)
                .stream().map(s -> NavigationConversions.toLsp(s, server.publisher()::spell)).toList()));
    }

    /** {@code homeport.showTree}: the RFC 8340 tree diagram of the module whose URI is the one argument. */
    static final String SHOW_TREE = "homeport.showTree";

    private CompletableFuture<Object> showTree(ExecuteCommandParams params) {
        List<Object> args = params.getArguments();
        Object first = args == null || args.isEmpty() ? null : args.get(0);
        String uri = first instanceof com.google.gson.JsonPrimitive p && p.isString() ? p.getAsString()
                : first instanceof String s ? s : null;
        if (uri == null) {
            return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                    ResponseErrorCode.InvalidParams, SHOW_TREE + " expects the module's URI as its argument", null)));
        }
        return server.request(SHOW_TREE, cancel -> server.service()
                .treeDiagram(WorkspaceIndex.normalize(YangTextDocumentService.parse(uri))).orElseThrow(() ->
                        new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed,
                                "no module at " + uri, null))));
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        if (DeviceModulesCommand.ID.equals(params.getCommand())) {
            return new DeviceModulesCommand(server).execute(params);
        }
        if (SHOW_TREE.equals(params.getCommand())) {
            return showTree(params);
        }
        return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                ResponseErrorCode.InvalidParams, "unknown command " + params.getCommand(), null)));
    }
}
