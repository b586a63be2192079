package dev.homeport.yang.editor;

import dev.homeport.yang.ide.HoverInfo;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;

/** Hover: the problems at the mouse, then the core's description of the name or keyword there, as plain text. */
public final class YangTextHover implements ITextHover {
    private final YangEditor editor;

    YangTextHover(YangEditor editor) {
        this.editor = editor;
    }

    @Override
    public String getHoverInfo(ITextViewer viewer, IRegion region) {
        YangDocumentSession session = editor.session();
        if (session == null) {
            return null;
        }
        Optional<HoverInfo> info = session.host().call(() -> session.host().service().hover(session.uri(), region.getOffset()),
                Optional.empty(), 5_000);
        List<String> parts = new ArrayList<>(problemsAt(viewer, region.getOffset()));
        info.map(i -> Markdown.toPlainText(i.markdown())).ifPresent(parts::add);
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    /** The messages of the problem annotations (markers) at {@code offset}: hovering an error shows it first. */
    private static List<String> problemsAt(ITextViewer viewer, int offset) {
        List<String> out = new ArrayList<>();
        if (viewer instanceof ISourceViewer sv && sv.getAnnotationModel() != null) {
            IAnnotationModel model = sv.getAnnotationModel();
            for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
                Annotation a = it.next();
                Position p = model.getPosition(a);
                if (a instanceof MarkerAnnotation && !a.isMarkedDeleted() && p != null && p.includes(offset)) {
                    out.add(a.getText());
                }
            }
        }
        return out;
    }

    @Override
    public IRegion getHoverRegion(ITextViewer viewer, int offset) {
        return new Region(offset, 0);
    }
}
