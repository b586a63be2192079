package dev.homeport.yang.editor;

import dev.homeport.yang.ide.CompletionItem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension5;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;

/**
 * Content assist: the core's completion items at the cursor (keywords, snippets, names in scope, modules, schema
 * paths). A snippet's LSP placeholders ({@code ${1:name}}, {@code $0}) become plain text, its continuation lines
 * take the indentation of the line it goes into, and the first placeholder is selected after insertion.
 */
public final class YangCompletionProcessor implements IContentAssistProcessor {
    private final YangEditor editor;

    YangCompletionProcessor(YangEditor editor) {
        this.editor = editor;
    }

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        YangDocumentSession session = editor.session();
        if (session == null) {
            return new ICompletionProposal[0];
        }
        List<CompletionItem> items = session.host().call(() -> session.host().service().completion(session.uri(), offset),
                List.of(), 5_000);
        String indent = indentation(viewer.getDocument(), offset);
        return items.stream().map(i -> new Proposal(i, indent)).toArray(ICompletionProposal[]::new);
    }

    private static String indentation(IDocument doc, int offset) {
        try {
            int lineStart = doc.getLineOffset(doc.getLineOfOffset(offset));
            String line = doc.get(lineStart, offset - lineStart);
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            return line.substring(0, i);
        } catch (BadLocationException e) {
            return "";
        }
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return null;
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return new char[] {':', '/'};
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return null;
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }

    /** An LSP snippet as plain text with the span of its first placeholder (or of $0, or the end). */
    record Expanded(String text, int selectionStart, int selectionLength) {
        private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\d+)(?::([^}]*))?}|\\$(\\d+)");

        static Expanded of(String snippet, String indent) {
            StringBuilder out = new StringBuilder();
            Matcher m = PLACEHOLDER.matcher(snippet.replace("\n", "\n" + indent));
            int firstNumber = Integer.MAX_VALUE;
            int selStart = -1;
            int selLength = 0;
            int finalCursor = -1;
            while (m.find()) {
                StringBuilder tail = new StringBuilder();
                m.appendReplacement(tail, "");
                out.append(tail);
                int number = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
                String value = m.group(2) != null ? m.group(2) : "";
                if (number == 0) {
                    finalCursor = out.length();
                } else if (number < firstNumber) {
                    firstNumber = number;
                    selStart = out.length();
                    selLength = value.length();
                }
                out.append(value);
            }
            StringBuilder tail = new StringBuilder();
            m.appendTail(tail);
            out.append(tail);
            if (selStart < 0) {
                selStart = finalCursor >= 0 ? finalCursor : out.length();
            }
            return new Expanded(out.toString(), selStart, selLength);
        }
    }

    /** One completion item as an Eclipse proposal replacing the item's span (the word being typed). */
    static final class Proposal implements ICompletionProposal, ICompletionProposalExtension5 {
        private final CompletionItem item;
        private final Expanded expanded;
        private int appliedAt;

        Proposal(CompletionItem item, String indent) {
            this.item = item;
            this.expanded = item.snippet() ? Expanded.of(item.insertText(), indent)
                    : new Expanded(item.insertText(), item.insertText().length(), 0);
        }

        CompletionItem item() {
            return item;
        }

        @Override
        public void apply(IDocument document) {
            try {
                document.replace(item.span().start(), item.span().length(), expanded.text());
                appliedAt = item.span().start();
            } catch (BadLocationException e) {
                YangEditorPlugin.log("completion no longer fits the text", e);
            }
        }

        @Override
        public Point getSelection(IDocument document) {
            return new Point(appliedAt + expanded.selectionStart(), expanded.selectionLength());
        }

        @Override
        public String getAdditionalProposalInfo() {
            return item.detail();
        }

        @Override
        public Object getAdditionalProposalInfo(IProgressMonitor monitor) {
            return item.detail();
        }

        @Override
        public String getDisplayString() {
            String kind = item.kind().name().toLowerCase().replace('_', ' ');
            return item.label() + (item.detail() != null && !item.detail().isBlank() ? " : " + item.detail() : "") + " (" + kind + ")";
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
