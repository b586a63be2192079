package dev.homeport.yang.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Show Schema Tree: opens the view, which follows the active YANG editor. */
public final class ShowSchemaTreeHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage().showView(SchemaTreeView.ID);
        } catch (PartInitException e) {
            throw new ExecutionException("cannot open the schema tree view", e);
        }
        return null;
    }
}
