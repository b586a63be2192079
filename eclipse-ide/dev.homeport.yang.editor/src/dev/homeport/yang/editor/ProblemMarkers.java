package dev.homeport.yang.editor;

import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Document;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * The diagnostics of one workspace file as problem markers (type {@link #TYPE}, a problem and text marker), which
 * the editor's annotation model shows as annotations and the Problems view lists. Markers are written by a
 * workspace job; a newer set replaces one not yet written.
 */
public final class ProblemMarkers {
    public static final String TYPE = "dev.homeport.yang.editor.problem";
    /** The diagnostic's stable code (as {@code homeport check --list-codes} lists them). */
    public static final String CODE = "code";

    private final IFile file;
    private final AtomicReference<List<Map<String, Object>>> pending = new AtomicReference<>();
    private final WorkspaceJob job;

    ProblemMarkers(IFile file) {
        this.file = file;
        this.job = new WorkspaceJob("YANG problem markers of " + file.getName()) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                List<Map<String, Object>> next = pending.getAndSet(null);
                if (next != null && file.exists() && !sameAsNow(next)) {
                    file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
                    for (Map<String, Object> attributes : next) {
                        file.createMarker(TYPE, attributes);
                    }
                }
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
        job.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().markerRule(file));
    }

    /** Whether the file has exactly these markers already (yangtools' pass often confirms the fast one): no churn. */
    private boolean sameAsNow(List<Map<String, Object>> next) throws CoreException {
        IMarker[] now = file.findMarkers(TYPE, false, IResource.DEPTH_ZERO);
        if (now.length != next.size()) {
            return false;
        }
        Set<Map<String, Object>> have = new HashSet<>();
        for (IMarker m : now) {
            have.add(m.getAttributes());
        }
        return have.equals(new HashSet<>(next));
    }

    /** Replaces the file's markers with {@code diagnostics}, positioned in {@code document}'s text. */
    void update(Document document, List<Diagnostic> diagnostics) {
        int length = document.text().length();
        List<Map<String, Object>> markers = diagnostics.stream().map(d -> {
            Map<String, Object> a = new HashMap<>();
            int start = Math.min(d.span().start(), length);
            int end = Math.min(d.span().end(), length);
            if (end == start) { // an empty span (a missing ';') still needs a character to underline
                if (end < length) {
                    end++;
                } else if (start > 0) {
                    start--;
                }
            }
            a.put(IMarker.SEVERITY, switch (d.severity()) {
                case ERROR -> IMarker.SEVERITY_ERROR;
                case WARNING -> IMarker.SEVERITY_WARNING;
                case INFORMATION, HINT -> IMarker.SEVERITY_INFO;
            });
            a.put(IMarker.MESSAGE, d.message() + " [" + d.code() + "]");
            a.put(IMarker.LINE_NUMBER, document.position(d.span().start()).line() + 1);
            a.put(IMarker.CHAR_START, start);
            a.put(IMarker.CHAR_END, end);
            a.put(IMarker.TRANSIENT, true);
            a.put(CODE, d.code());
            return a;
        }).toList();
        pending.set(markers);
        job.schedule();
    }

    void clear() {
        pending.set(List.of());
        job.schedule();
    }
}
