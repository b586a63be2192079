package dev.homeport.yang.editor;

import dev.homeport.yang.YangLanguageService;
import dev.homeport.yang.feature.DiagnosticSettings;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.index.SearchPathProblem;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.util.IPropertyChangeListener;
import org.eclipse.jface.util.PropertyChangeEvent;

/**
 * The workbench's one {@link YangLanguageService}, used in process. Every call into the service runs on one
 * <em>core thread</em>, in the order the editors sent their changes, so a request (completion, hover...) always
 * sees the text the user sees. yangtools' pass runs on a thread of its own; a change bumps {@link #generation()},
 * and results computed before it are dropped.
 *
 * <p>The workspace folders are the open projects; the search path and severities come from the preference store
 * ({@link YangPreferences}). Files changed outside the editors (other tools, a checkout) update the index through a
 * resource change listener.
 */
public final class YangServiceHost {
    private final YangLanguageService service = new YangLanguageService();
    private final ExecutorService core = Executors.newSingleThreadExecutor(daemon("homeport-yang-core"));
    private final ExecutorService semantic = Executors.newSingleThreadExecutor(daemon("homeport-yang-semantic"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("homeport-yang-timer"));
    private final AtomicLong generation = new AtomicLong();
    private final Set<YangDocumentSession> sessions = new CopyOnWriteArraySet<>();
    private final IPreferenceStore preferences;
    private volatile List<String> configurationProblems = List.of();
    private final IPropertyChangeListener preferenceListener = this::preferenceChanged;
    private final IResourceChangeListener resourceListener = this::resourcesChanged;

    YangServiceHost(IPreferenceStore preferences) {
        this.preferences = preferences;
        preferences.addPropertyChangeListener(preferenceListener);
        ResourcesPlugin.getWorkspace().addResourceChangeListener(resourceListener, IResourceChangeEvent.POST_CHANGE);
        core.execute(this::configure);
    }

    /** The service; call it only on the core thread ({@link #call}, {@link #execute}). */
    public YangLanguageService service() {
        return service;
    }

    /** Bumped by every change to the workspace the service sees. */
    long generation() {
        return generation.get();
    }

    void bumpGeneration() {
        generation.incrementAndGet();
    }

    /** Problems of the last configuration: search path entries that cannot be used, a bad severity setting. */
    public List<String> configurationProblems() {
        return configurationProblems;
    }

    void execute(Runnable task) {
        core.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException | StackOverflowError e) {
                YangEditorPlugin.log("YANG language service task failed", e);
            }
        });
    }

    void executeSemantic(Runnable task) {
        semantic.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException | StackOverflowError e) {
                YangEditorPlugin.log("YANG semantic analysis failed", e);
            }
        });
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    /**
     * Runs {@code request} on the core thread after every change sent before it and waits for the answer (at most
     * {@code timeoutMillis}). A request that fails or takes too long answers {@code fallback}: an editor must never
     * hang on a language feature.
     */
    public <T> T call(Callable<T> request, T fallback, long timeoutMillis) {
        Future<T> f = core.submit(request);
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            YangEditorPlugin.log("YANG language service did not answer within " + timeoutMillis + " ms", e);
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        } catch (ExecutionException e) {
            YangEditorPlugin.log("YANG language service request failed", e.getCause());
            return fallback;
        }
    }

    /** Like {@link #call} but lets the request's RuntimeException through (rename's refusals carry the reason). */
    public <T> T callOrThrow(Callable<T> request, long timeoutMillis) {
        Future<T> f = core.submit(request);
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new IllegalStateException("the YANG language service did not answer within " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    void register(YangDocumentSession session) {
        sessions.add(session);
    }

    void unregister(YangDocumentSession session) {
        sessions.remove(session);
    }

    /** On the core thread: reads projects and preferences into the service, then re-analyses every open document. */
    private void configure() {
        List<Path> folders = new ArrayList<>();
        for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
            if (p.isOpen() && p.getLocation() != null) {
                folders.add(p.getLocation().toFile().toPath());
            }
        }
        Path base = folders.isEmpty() ? ResourcesPlugin.getWorkspace().getRoot().getLocation().toFile().toPath() : folders.get(0);
        List<String> problems = new ArrayList<>();
        bumpGeneration();
        for (SearchPathProblem p : service.configure(folders, YangPreferences.pathEntries(preferences.getString(YangPreferences.PATH)),
                PathExpander.ofSystem(base))) {
            problems.add(p.toString());
        }
        try {
            service.setDiagnosticSettings(YangPreferences.diagnosticSettings(preferences.getString(YangPreferences.DIAGNOSTICS)));
        } catch (IllegalArgumentException e) {
            service.setDiagnosticSettings(DiagnosticSettings.DEFAULTS);
            problems.add(YangPreferences.DIAGNOSTICS + ": " + e.getMessage());
        }
        configurationProblems = List.copyOf(problems);
        sessions.forEach(YangDocumentSession::analyseSoon);
    }

    private void preferenceChanged(PropertyChangeEvent event) {
        if (YangPreferences.PATH.equals(event.getProperty()) || YangPreferences.DIAGNOSTICS.equals(event.getProperty())) {
            execute(this::configure);
        }
    }

    /** .yang files changed outside the editors update the index; projects opened or closed change the folders. */
    private void resourcesChanged(IResourceChangeEvent event) {
        List<URI> changed = new ArrayList<>();
        List<URI> deleted = new ArrayList<>();
        boolean[] projectsChanged = {false};
        try {
            event.getDelta().accept(delta -> {
                IResource r = delta.getResource();
                if (r.getType() == IResource.PROJECT && (delta.getKind() != IResourceDelta.CHANGED
                        || (delta.getFlags() & IResourceDelta.OPEN) != 0)) {
                    projectsChanged[0] = true;
                    return false;
                }
                if (r.getType() == IResource.FILE && "yang".equals(r.getFileExtension()) && r.getLocationURI() != null) {
                    if (delta.getKind() == IResourceDelta.REMOVED) {
                        deleted.add(r.getLocationURI());
                    } else if (delta.getKind() == IResourceDelta.ADDED || (delta.getFlags() & IResourceDelta.CONTENT) != 0) {
                        changed.add(r.getLocationURI());
                    }
                }
                return true;
            });
        } catch (CoreException e) {
            YangEditorPlugin.log("reading a resource change failed", e);
        }
        if (projectsChanged[0]) {
            execute(this::configure);
        } else if (!changed.isEmpty() || !deleted.isEmpty()) {
            execute(() -> {
                bumpGeneration();
                for (URI u : changed) {
                    if (service.document(u).isEmpty()) { // an open document's editor is the truth
                        service.index().fileChanged(u);
                    }
                }
                for (URI u : deleted) {
                    if (service.document(u).isEmpty()) {
                        service.index().fileDeleted(u);
                    }
                }
                sessions.forEach(YangDocumentSession::analyseSoon);
            });
        }
    }

    void dispose() {
        preferences.removePropertyChangeListener(preferenceListener);
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(resourceListener);
        timers.shutdownNow();
        semantic.shutdownNow();
        core.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
