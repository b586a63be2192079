package dev.homeport.yang.editor;

import dev.homeport.yang.ide.CodeAction;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.text.Span;
import java.net.URI;
import java.util.List;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;

/** Quick fixes from the Problems view: the core's code actions for the diagnostic a YANG problem marker stands for. */
public final class YangMarkerResolutions implements IMarkerResolutionGenerator2 {
    @Override
    public boolean hasResolutions(IMarker marker) {
        return !actions(marker).isEmpty();
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        return actions(marker).stream().map(Fix::new).toArray(IMarkerResolution[]::new);
    }

    private static List<CodeAction> actions(IMarker marker) {
        URI location = marker.getResource().getLocationURI();
        int start = marker.getAttribute(IMarker.CHAR_START, -1);
        int end = marker.getAttribute(IMarker.CHAR_END, -1);
        if (location == null || start < 0 || end < start) {
            return List.of();
        }
        URI uri = WorkspaceIndex.normalize(location);
        YangServiceHost host = YangEditorPlugin.plugin().host();
        return host.call(() -> host.service().codeActions(uri, Span.of(start, end), host.service().fastDiagnostics(uri)),
                List.of(), 5_000);
    }

    private record Fix(CodeAction action) implements IMarkerResolution2 {
        @Override
        public String getLabel() {
            return action.title();
        }

        @Override
        public void run(IMarker marker) {
            try {
                WorkspaceEdits.apply(action.edit());
            } catch (CoreException | RuntimeException e) {
                MessageDialog.openError(null, "Quick fix", action.title() + " failed: " + e.getMessage());
            }
        }

        @Override
        public String getDescription() {
            return action.diagnostic() == null ? action.title() : action.diagnostic().message();
        }

        @Override
        public Image getImage() {
            return null;
        }
    }
}
