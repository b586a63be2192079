package dev.homeport.yang.editor;

import dev.homeport.yang.ide.TextEdit;
import dev.homeport.yang.ide.WorkspaceEdit;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;

/**
 * Applies the core's {@link WorkspaceEdit} (rename, quick fixes) through the file buffers: a file open in an
 * editor changes in that editor (undoable, saved by the user), any other workspace file is changed and saved.
 * Call on the UI thread.
 */
public final class WorkspaceEdits {
    private WorkspaceEdits() {
    }

    /**
     * @throws IllegalArgumentException when an edit is for a file outside the workspace (nothing is changed then)
     */
    public static void apply(WorkspaceEdit edit) throws CoreException {
        List<IFile> files = new ArrayList<>();
        for (URI uri : edit.changes().keySet()) {
            IFile file = fileOf(uri);
            if (file == null) {
                throw new IllegalArgumentException(uri + " is not a file of the workspace; nothing was changed");
            }
            files.add(file);
        }
        ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
        int i = 0;
        for (Map.Entry<URI, List<TextEdit>> change : edit.changes().entrySet()) {
            IPath path = files.get(i++).getFullPath();
            boolean open = manager.getTextFileBuffer(path, LocationKind.IFILE) != null;
            manager.connect(path, LocationKind.IFILE, null);
            try {
                ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
                apply(buffer.getDocument(), change.getValue());
                if (!open) {
                    buffer.commit(null, true);
                }
            } finally {
                manager.disconnect(path, LocationKind.IFILE, null);
            }
        }
    }

    /** Edits of one document, last first, so each span still means the text the core saw. */
    static void apply(IDocument document, List<TextEdit> edits) {
        List<TextEdit> ordered = new ArrayList<>(edits);
        ordered.sort(Comparator.comparingInt((TextEdit e) -> e.span().start()).reversed());
        try {
            for (TextEdit e : ordered) {
                document.replace(e.span().start(), e.span().length(), e.newText());
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException("an edit no longer fits the text", e);
        }
    }

    /** The workspace file at {@code uri}, or null. */
    public static IFile fileOf(URI uri) {
        if (!"file".equals(uri.getScheme())) {
            return null;
        }
        IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(uri);
        return files.length == 0 ? null : files[0];
    }
}
