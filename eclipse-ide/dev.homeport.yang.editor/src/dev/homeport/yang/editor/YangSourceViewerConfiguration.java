package dev.homeport.yang.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;

/** Wires the core's features into the platform text editor: colouring, content assist, hover, links, quick fixes. */
public final class YangSourceViewerConfiguration extends TextSourceViewerConfiguration {
    private final YangEditor editor;
    private final YangCompletionProcessor completion;
    private final YangQuickAssistProcessor quickAssist;

    YangSourceViewerConfiguration(YangEditor editor, IPreferenceStore store) {
        super(store);
        this.editor = editor;
        this.completion = new YangCompletionProcessor(editor);
        this.quickAssist = new YangQuickAssistProcessor(editor);
    }

    public YangCompletionProcessor completionProcessor() {
        return completion;
    }

    public YangQuickAssistProcessor quickAssistProcessor() {
        return quickAssist;
    }

    @Override
    public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
        PresentationReconciler reconciler = new PresentationReconciler();
        DefaultDamagerRepairer dr = new DefaultDamagerRepairer(editor.highlighting());
        reconciler.setDamager(dr, IDocument.DEFAULT_CONTENT_TYPE);
        reconciler.setRepairer(dr, IDocument.DEFAULT_CONTENT_TYPE);
        return reconciler;
    }

    @Override
    public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
        ContentAssistant assistant = new ContentAssistant();
        assistant.setContentAssistProcessor(completion, IDocument.DEFAULT_CONTENT_TYPE);
        assistant.enableAutoActivation(true);
        assistant.setAutoActivationDelay(300);
        assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
        return assistant;
    }

    @Override
    public IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer sourceViewer) {
        QuickAssistAssistant assistant = new QuickAssistAssistant();
        assistant.setQuickAssistProcessor(quickAssist);
        assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
        return assistant;
    }

    @Override
    public ITextHover getTextHover(ISourceViewer sourceViewer, String contentType) {
        return new YangTextHover(editor);
    }

    @Override
    public IHyperlinkDetector[] getHyperlinkDetectors(ISourceViewer sourceViewer) {
        List<IHyperlinkDetector> detectors = new ArrayList<>();
        detectors.add(new YangHyperlinkDetector(editor));
        IHyperlinkDetector[] platform = super.getHyperlinkDetectors(sourceViewer);
        if (platform != null) {
            detectors.addAll(Arrays.asList(platform));
        }
        return detectors.toArray(IHyperlinkDetector[]::new);
    }
}
