package dev.homeport.yang.editor;

import org.eclipse.ui.plugin.AbstractUIPlugin;

/** The plug-in's activator: owns the one language service of the workbench. */
public final class YangEditorPlugin extends AbstractUIPlugin {
    public static final String ID = "dev.homeport.yang.editor";
}
