package dev.homeport.yang.editor;

import dev.homeport.yang.ide.HoverInfo;
import java.util.Optional;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;

/** Hover: the core's description of the name or keyword under the mouse, as plain text. */
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
        return info.map(i -> Markdown.toPlainText(i.markdown())).orElse(null);
    }

    @Override
    public IRegion getHoverRegion(ITextViewer viewer, int offset) {
        return new Region(offset, 0);
    }
}
