package dev.homeport.yang.editor;

import dev.homeport.yang.ide.CodeAction;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Span;
import java.util.List;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.texteditor.MarkerAnnotation;

/**
 * Quick fixes (Ctrl+1): the core's code actions for the diagnostics on the cursor's line, computed on the current
 * text; applying one applies its workspace edit.
 */
public final class YangQuickAssistProcessor implements IQuickAssistProcessor {
    private final YangEditor editor;

    YangQuickAssistProcessor(YangEditor editor) {
        this.editor = editor;
    }

    /** The code actions for the diagnostics on the line of {@code offset}. */
    public List<CodeAction> codeActions(int offset) {
        YangDocumentSession session = editor.session();
        if (session == null) {
            return List.of();
        }
        Span line;
        try {
            IDocument doc = session.document();
            IRegion r = doc.getLineInformationOfOffset(offset);
            line = Span.of(r.getOffset(), r.getOffset() + r.getLength());
        } catch (BadLocationException e) {
            return List.of();
        }
        return session.host().call(() -> {
            List<Diagnostic> diagnostics = session.host().service().fastDiagnostics(session.uri());
            return session.host().service().codeActions(session.uri(), line, diagnostics);
        }, List.of(), 5_000);
    }

    @Override
    public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
        return codeActions(context.getOffset()).stream().map(FixProposal::new).toArray(ICompletionProposal[]::new);
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public boolean canFix(Annotation annotation) {
        return annotation instanceof MarkerAnnotation && !annotation.isMarkedDeleted();
    }

    @Override
    public boolean canAssist(IQuickAssistInvocationContext invocationContext) {
        return false;
    }

    /** A code action as a proposal: its title, and its edit when applied. */
    public static final class FixProposal implements ICompletionProposal {
        private final CodeAction action;

        FixProposal(CodeAction action) {
            this.action = action;
        }

        public CodeAction action() {
            return action;
        }

        @Override
        public void apply(IDocument document) {
            try {
                WorkspaceEdits.apply(action.edit());
            } catch (CoreException | RuntimeException e) {
                MessageDialog.openError(null, "Quick fix", action.title() + " failed: " + e.getMessage());
            }
        }

        @Override
        public Point getSelection(IDocument document) {
            return null;
        }

        @Override
        public String getAdditionalProposalInfo() {
            return action.diagnostic() == null ? null : action.diagnostic().message();
        }

        @Override
        public String getDisplayString() {
            return action.title();
        }

        @Override
        public Image getImage() {
            return null;
        }

        @Override
        public IContextInformation getContextInformation() {
            return null;
        }
    }
}
