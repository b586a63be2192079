package dev.homeport.browser.ui;

import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.core.DeviceConnection;
import dev.homeport.browser.core.NotificationLog;
import dev.homeport.netconf.ops.EventStream;
import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.ops.Subscription;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * RFC 5277 notifications of the selected device: <i>Subscribe</i> (stream, optional subtree filter, optional start
 * time for replay), a live table (time, event, summary; replayed ones marked), a filter box over the rows, and the
 * selected notification as XML.
 */
public final class NotificationsPanel extends Composite {
    private final DeviceBrowser browser;
    private final Combo stream;
    private final Text subscriptionFilter;
    private final Text startTime;
    private final Button subscribe;
    private final Text rowFilter;
    private final Table table;
    private final Text detail;
    private final Label status;
    private final Consumer<Optional<DeviceConnection>> onSelection;
    private final Consumer<NotificationLog.Entry> onNotification = e -> Ui.onUi(this, this::refill);
    private DeviceConnection connection;

    public NotificationsPanel(Composite parent, DeviceBrowser browser) {
        super(parent, SWT.NONE);
        this.browser = browser;
        setLayout(new GridLayout(8, false));
        new Label(this, SWT.NONE).setText("Stream:");
        stream = new Combo(this, SWT.DROP_DOWN);
        stream.setText("NETCONF");
        stream.setLayoutData(new GridData(120, SWT.DEFAULT));
        new Label(this, SWT.NONE).setText("Filter (subtree XML):");
        subscriptionFilter = new Text(this, SWT.BORDER);
        subscriptionFilter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(this, SWT.NONE).setText("Replay from:");
        startTime = new Text(this, SWT.BORDER);
        startTime.setMessage("2026-11-22T18:00:00Z");
        startTime.setToolTipText("An RFC 3339 date and time: the device replays what it logged since then. "
                + "Empty: only new notifications.");
        startTime.setLayoutData(new GridData(170, SWT.DEFAULT));
        subscribe = new Button(this, SWT.PUSH);
        subscribe.setText("Subscribe");
        subscribe.addListener(SWT.Selection, e -> subscribe());
        new Label(this, SWT.NONE); // column filler

        Label show = new Label(this, SWT.NONE);
        show.setText("Show rows containing:");
        rowFilter = new Text(this, SWT.BORDER | SWT.SEARCH);
        rowFilter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 7, 1));
        rowFilter.addListener(SWT.Modify, e -> refill());

        SashForm split = new SashForm(this, SWT.VERTICAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 8, 1));
        table = new Table(split, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String[] c : new String[][] {{"Time", "240"}, {"Event", "270"}, {"Summary", "600"}}) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        table.addListener(SWT.Selection, e -> showDetail());
        detail = new Text(split, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.READ_ONLY);
        detail.setFont(JFaceResources.getTextFont());
        split.setWeights(60, 40);
        status = new Label(this, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 8, 1));

        onSelection = c -> Ui.onUi(this, () -> show(c.orElse(null)));
        browser.addSelectionListener(onSelection);
        addDisposeListener(e -> {
            browser.removeSelectionListener(onSelection);
            if (connection != null) {
                connection.notifications().removeListener(onNotification);
            }
        });
        show(browser.selected().orElse(null));
    }

    private void show(DeviceConnection c) {
        if (connection != null) {
            connection.notifications().removeListener(onNotification);
        }
        connection = c;
        refill();
        if (c == null) {
            subscribe.setEnabled(false);
            Ui.status(status, "Select a connected device to subscribe to its notifications.", false);
            return;
        }
        c.notifications().addListener(onNotification);
        boolean subscribed = c.notifications().subscription().isPresent();
        subscribe.setEnabled(!subscribed);
        Ui.status(status, subscribed ? "Subscribed" : "Not subscribed", false);
        if (!subscribed && c.client().capabilities().notifications()) {
            Ui.background(browser.io(), this, () -> c.client().streams(), streams -> {
                if (c == connection && !streams.isEmpty()) {
                    String current = stream.getText();
                    stream.setItems(streams.stream().map(EventStream::name).toArray(String[]::new));
                    stream.setText(current);
                }
            }, e -> { /* no RFC 5277 streams list: the default stream still works */ });
        }
    }

    /** Sends create-subscription with the stream, filter and start time as given; bad input is shown, not sent. */
    public void subscribe() {
        DeviceConnection c = connection;
        if (c == null) {
            return;
        }
        Subscription s;
        try {
            s = stream.getText().isBlank() ? Subscription.defaultStream() : Subscription.stream(stream.getText().strip());
            if (!subscriptionFilter.getText().isBlank()) {
                s = s.filter(Filter.subtree(subscriptionFilter.getText().strip()));
            }
            if (!startTime.getText().isBlank()) {
                s = s.replayFrom(OffsetDateTime.parse(startTime.getText().strip()));
            }
        } catch (DateTimeParseException e) {
            Ui.status(status, "Replay from: not an RFC 3339 date and time (e.g. 2026-11-22T18:00:00Z): "
                    + startTime.getText(), true);
            return;
        } catch (dev.homeport.netconf.xml.MalformedXmlException e) {
            Ui.status(status, "Filter: not well-formed XML: " + Ui.message(e), true);
            return;
        }
        Subscription request = s;
        subscribe.setEnabled(false);
        Ui.status(status, "Subscribing...", false);
        Ui.background(browser.io(), this, () -> {
            c.notifications().subscribe(request);
            return request;
        }, done -> {
            if (c == connection) {
                Ui.status(status, "Subscribed to " + done.stream().orElse("NETCONF")
                        + done.startTime().map(t -> ", replay from " + t).orElse("")
                        + (done.filter().isPresent() ? ", filtered" : ""), false);
                refill();
            }
        }, e -> {
            if (c == connection) {
                subscribe.setEnabled(c.notifications().subscription().isEmpty());
                Ui.status(status, "Subscribe failed: " + Ui.message(e), true);
            }
        });
    }

    private List<NotificationLog.Entry> shown = List.of();

    private void refill() {
        if (isDisposed()) {
            return;
        }
        DeviceConnection c = connection;
        String f = rowFilter.getText();
        List<NotificationLog.Entry> all = c == null ? List.of() : c.notifications().entries();
        List<NotificationLog.Entry> rows = all.stream().filter(e -> e.matches(f)).toList();
        int selected = table.getSelectionIndex();
        NotificationLog.Entry keep = selected >= 0 && selected < shown.size() ? shown.get(selected) : null;
        table.setRedraw(false);
        table.removeAll();
        for (NotificationLog.Entry e : rows) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {e.time(), e.event() + (e.replayed() ? " (replayed)" : ""), e.summary()});
        }
        table.setRedraw(true);
        shown = rows;
        if (keep != null && rows.contains(keep)) {
            table.setSelection(rows.indexOf(keep));
        }
        if (c != null && c.notifications().subscription().isPresent()) {
            Ui.status(status, all.size() + " notifications" + (rows.size() == all.size() ? ""
                    : ", " + rows.size() + " shown"), false);
        }
    }

    private void showDetail() {
        int i = table.getSelectionIndex();
        detail.setText(i >= 0 && i < shown.size() ? shown.get(i).xml() : "");
    }

    public Combo streamCombo() {
        return stream;
    }

    public Text subscriptionFilterField() {
        return subscriptionFilter;
    }

    public Text startTimeField() {
        return startTime;
    }

    public Button subscribeButton() {
        return subscribe;
    }

    public Text rowFilterField() {
        return rowFilter;
    }

    public Table table() {
        return table;
    }

    public Text detail() {
        return detail;
    }

    public Label statusLine() {
        return status;
    }
}
