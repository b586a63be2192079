package dev.homeport.yang.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.AbstractDecoratedTextEditorPreferenceConstants;

/** Format (Ctrl+Shift+F in the YANG editor): the core's formatter, the editor's tab width as the indent. */
public final class FormatHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getActiveEditor(event) instanceof YangEditor editor) {
            int indent = EditorsUI.getPreferenceStore().getInt(AbstractDecoratedTextEditorPreferenceConstants.EDITOR_TAB_WIDTH);
            if (!editor.format(indent > 0 ? indent : 2)) {
                editor.getEditorSite().getActionBars().getStatusLineManager()
                        .setErrorMessage("Nothing to format (the formatter leaves text with syntax errors alone)");
            }
        }
        return null;
    }
}
