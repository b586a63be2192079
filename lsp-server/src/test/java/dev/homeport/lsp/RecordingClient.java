package dev.homeport.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** A language client for tests: records what the server sends, as an editor would receive it. */
public final class RecordingClient implements LanguageClient {
    /** Every publishDiagnostics per URI, in arrival order. */
    public final Map<String, List<PublishDiagnosticsParams>> diagnostics = new ConcurrentHashMap<>();
    public final List<MessageParams> messages = new CopyOnWriteArrayList<>();
    public final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
    public final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
        diagnostics.computeIfAbsent(params.getUri(), k -> new CopyOnWriteArrayList<>()).add(params);
    }

    /** The latest diagnostics published for a URI, or null before the first. */
    public PublishDiagnosticsParams latest(String uri) {
        List<PublishDiagnosticsParams> l = diagnostics.get(uri);
        return l == null || l.isEmpty() ? null : l.get(l.size() - 1);
    }

    public List<PublishDiagnosticsParams> all(String uri) {
        return new ArrayList<>(diagnostics.getOrDefault(uri, List.of()));
    }

    @Override
    public void showMessage(MessageParams messageParams) {
        messages.add(messageParams);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
        messages.add(message);
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        registrations.add(params);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(ProgressParams params) {
        progress.add(params);
    }

    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams configurationParams) {
        return CompletableFuture.completedFuture(List.of());
    }
}
