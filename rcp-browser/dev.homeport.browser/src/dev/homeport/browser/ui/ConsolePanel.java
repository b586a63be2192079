package dev.homeport.browser.ui;

import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.core.DeviceConnection;
import dev.homeport.browser.core.MessageLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * Every NETCONF message in and out of the selected device's session, pretty-printed, with the content of password
 * and key leaves masked ({@link MessageLog}); a search box (Enter or <i>Find next</i>) and <i>Save...</i>.
 */
public final class ConsolePanel extends Composite {
    private final DeviceBrowser browser;
    private final StyledText text;
    private final Text search;
    private final Button findNext;
    private final Button save;
    private final Label status;
    private final Consumer<Optional<DeviceConnection>> onSelection;
    private final Consumer<MessageLog.Entry> onMessage;
    private volatile String peer;
    private volatile long shownSeq;
    private final java.util.concurrent.atomic.AtomicBoolean refreshQueued =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.ExecutorService formatter =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "homeport-console-format");
                t.setDaemon(true);
                return t;
            });

    public ConsolePanel(Composite parent, DeviceBrowser browser) {
        super(parent, SWT.NONE);
        this.browser = browser;
        setLayout(new GridLayout(4, false));
        new Label(this, SWT.NONE).setText("Search:");
        search = new Text(this, SWT.BORDER | SWT.SEARCH);
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        search.addListener(SWT.DefaultSelection, e -> find());
        findNext = new Button(this, SWT.PUSH);
        findNext.setText("Find next");
        findNext.addListener(SWT.Selection, e -> find());
        save = new Button(this, SWT.PUSH);
        save.setText("Save...");
        save.addListener(SWT.Selection, e -> askAndSave());
        text = new StyledText(this, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.READ_ONLY);
        text.setFont(JFaceResources.getTextFont());
        text.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        status = new Label(this, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        Ui.status(status, "Select a connected device to see its NETCONF messages.", false);

        onSelection = c -> Ui.onUi(this, () -> show(c));
        onMessage = m -> {
            if (m.peer().equals(peer)) {
                refresh();
            }
        };
        browser.addSelectionListener(onSelection);
        browser.messages().addListener(onMessage);
        addDisposeListener(e -> {
            browser.removeSelectionListener(onSelection);
            browser.messages().removeListener(onMessage);
            formatter.shutdownNow();
        });
        show(browser.selected());
    }

    private void show(Optional<DeviceConnection> c) {
        peer = c.map(x -> x.client().session().peer()).orElse(null);
        text.setText("");
        shownSeq = 0;
        if (peer == null) {
            Ui.status(status, "Select a connected device to see its NETCONF messages.", false);
            return;
        }
        Ui.status(status, "Messages with " + peer + " (passwords and keys masked)", false);
        refresh();
    }

    /**
     * Appends the messages not shown yet. Formatting (parsing, indenting) runs on one background thread, so
     * refreshes stay in order and the UI thread only appends text.
     */
    private void refresh() {
        String p = peer;
        if (p == null || !refreshQueued.compareAndSet(false, true)) {
            return;
        }
        formatter.execute(() -> {
            refreshQueued.set(false);
            long after = shownSeq;
            var entries = browser.messages().entries(p, after);
            if (entries.isEmpty()) {
                return;
            }
            StringBuilder sb = new StringBuilder();
            entries.forEach(m -> sb.append(m.format()));
            long last = entries.get(entries.size() - 1).seq();
            Ui.onUi(this, () -> {
                if (p.equals(peer) && shownSeq == after) {
                    text.append(sb.toString());
                    shownSeq = last;
                }
                if (!isDisposed() && p.equals(peer) && !browser.messages().entries(p, shownSeq).isEmpty()) {
                    refresh();
                }
            });
        });
    }

    /** Selects the next occurrence of the search text after the current selection (case-insensitive, wraps). */
    public void find() {
        String needle = search.getText();
        if (needle.isEmpty()) {
            return;
        }
        String hay = text.getText().toLowerCase(Locale.ROOT);
        String n = needle.toLowerCase(Locale.ROOT);
        int count = 0;
        for (int i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + n.length())) {
            count++;
        }
        int from = text.getSelection().y;
        int at = hay.indexOf(n, from);
        if (at < 0) {
            at = hay.indexOf(n);
        }
        if (at < 0) {
            Ui.status(status, "'" + needle + "' not found", true);
            return;
        }
        text.setSelection(at, at + n.length());
        text.showSelection();
        Ui.status(status, "'" + needle + "': " + count + " matches; at line " + (text.getLineAtOffset(at) + 1),
                false);
    }

    private void askAndSave() {
        FileDialog d = new FileDialog(getShell(), SWT.SAVE);
        d.setFileName("netconf-console.txt");
        d.setOverwrite(true);
        String f = d.open();
        if (f != null) {
            save(Path.of(f));
        }
    }

    /** Writes what the console shows (masked as shown) to a file. */
    public void save(Path file) {
        try {
            Files.writeString(file, text.getText(), StandardCharsets.UTF_8);
            Ui.status(status, "Saved to " + file, false);
        } catch (IOException e) {
            Ui.status(status, "Cannot save to " + file + ": " + Ui.message(e), true);
        }
    }

    public StyledText text() {
        return text;
    }

    public Text searchField() {
        return search;
    }

    public Button findNextButton() {
        return findNext;
    }

    public Button saveButton() {
        return save;
    }

    public Label statusLine() {
        return status;
    }
}
