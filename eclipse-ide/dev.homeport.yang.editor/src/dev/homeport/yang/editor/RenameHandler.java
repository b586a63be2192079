package dev.homeport.yang.editor;

import dev.homeport.yang.text.Span;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

/** Rename (Alt+Shift+R in the YANG editor): asks for the new name and applies the core's workspace edit. */
public final class RenameHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        if (!(HandlerUtil.getActiveEditor(event) instanceof YangEditor editor)
                || !(editor.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
            return null;
        }
        Shell shell = HandlerUtil.getActiveShell(event);
        int offset = selection.getOffset();
        try {
            Span span = editor.prepareRename(offset);
            String old = span.textIn(editor.session().document().get());
            InputDialog dialog = new InputDialog(shell, "Rename", "New name for '" + old + "':", old,
                    text -> text.isBlank() ? "Enter a name" : null);
            if (dialog.open() == Window.OK && !dialog.getValue().equals(old)) {
                editor.rename(offset, dialog.getValue().strip());
            }
        } catch (CoreException | RuntimeException e) {
            MessageDialog.openInformation(shell, "Rename", e.getMessage());
        }
        return null;
    }
}
