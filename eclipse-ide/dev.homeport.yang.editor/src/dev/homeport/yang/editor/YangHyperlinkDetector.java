package dev.homeport.yang.editor;

import dev.homeport.yang.ide.Location;
import dev.homeport.yang.ide.SymbolAt;
import java.util.List;
import java.util.Optional;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;

/** Ctrl+click: a link on the name under the mouse to each of its definitions, in this file or another. */
public final class YangHyperlinkDetector implements IHyperlinkDetector {
    private final YangEditor editor;

    YangHyperlinkDetector(YangEditor editor) {
        this.editor = editor;
    }

    @Override
    public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
        YangDocumentSession session = editor.session();
        if (session == null) {
            return null;
        }
        int offset = region.getOffset();
        record Found(Optional<SymbolAt> symbol, List<Location> targets) {
        }
        Found found = session.host().call(() -> new Found(session.host().service().symbolAt(session.uri(), offset),
                session.host().service().definition(session.uri(), offset)), new Found(Optional.empty(), List.of()), 3_000);
        if (found.targets().isEmpty()) {
            return null;
        }
        IRegion linkRegion = found.symbol().map(s -> (IRegion) new Region(s.span().start(), s.span().length()))
                .orElse(new Region(offset, 0));
        IHyperlink[] links = found.targets().stream().map(t -> new DefinitionLink(linkRegion, t)).toArray(IHyperlink[]::new);
        return canShowMultipleHyperlinks ? links : new IHyperlink[] {links[0]};
    }

    /** A link to one definition: opens its file in an editor (workspace file or file on disk) and selects the name. */
    public static final class DefinitionLink implements IHyperlink {
        private final IRegion region;
        private final Location target;

        DefinitionLink(IRegion region, Location target) {
            this.region = region;
            this.target = target;
        }

        public Location target() {
            return target;
        }

        @Override
        public IRegion getHyperlinkRegion() {
            return region;
        }

        @Override
        public String getTypeLabel() {
            return "Definition";
        }

        @Override
        public String getHyperlinkText() {
            String path = target.uri().getPath();
            return "Open definition in " + (path == null ? target.uri() : path.substring(path.lastIndexOf('/') + 1));
        }

        @Override
        public void open() {
            YangEditor.openLocation(target);
        }
    }
}
