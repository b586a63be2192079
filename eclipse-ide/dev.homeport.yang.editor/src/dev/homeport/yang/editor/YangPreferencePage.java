package dev.homeport.yang.editor;

import dev.homeport.yang.feature.DiagnosticCodes;
import java.util.stream.Collectors;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/**
 * Preferences > YANG: the module search path and the severity per diagnostic code, the settings VS Code has under
 * the same keys ({@link YangPreferences}). A bad severity line is refused with the core's message.
 */
public final class YangPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {
    private Text path;
    private Text diagnostics;

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(YangEditorPlugin.plugin().getPreferenceStore());
        setDescription("Settings of the Homeport YANG editor (the same as VS Code's homeport.yang.*).");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        new Label(c, SWT.NONE).setText("Module search path (" + YangPreferences.PATH
                + "): folders, .zip, .jar, one per line; ~ and ${env:NAME} are expanded");
        path = new Text(c, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL);
        path.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(c, SWT.NONE).setText("Severity per diagnostic code (" + YangPreferences.DIAGNOSTICS
                + "): code=error|warning|info|off, one per line");
        diagnostics = new Text(c, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL);
        diagnostics.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        diagnostics.setToolTipText(DiagnosticCodes.all().stream().map(d -> d.code() + " (" + d.defaultLevel().label() + "): " + d.summary()).collect(Collectors.joining("\n")));
        diagnostics.addModifyListener(e -> validate());
        IPreferenceStore store = getPreferenceStore();
        path.setText(store.getString(YangPreferences.PATH));
        diagnostics.setText(store.getString(YangPreferences.DIAGNOSTICS));
        return c;
    }

    private boolean validate() {
        try {
            YangPreferences.diagnosticSettings(diagnostics.getText());
            setErrorMessage(null);
            setValid(true);
            return true;
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            setValid(false);
            return false;
        }
    }

    @Override
    protected void performDefaults() {
        path.setText(getPreferenceStore().getDefaultString(YangPreferences.PATH));
        diagnostics.setText(getPreferenceStore().getDefaultString(YangPreferences.DIAGNOSTICS));
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        if (!validate()) {
            return false;
        }
        getPreferenceStore().setValue(YangPreferences.PATH, path.getText());
        getPreferenceStore().setValue(YangPreferences.DIAGNOSTICS, diagnostics.getText());
        return true;
    }
}
