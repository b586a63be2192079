package dev.homeport.browser.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/** Runs blocking work off the UI thread and hands its result back to the UI thread, unless the widget is gone. */
final class Ui {
    private Ui() {
    }

    static <T> void background(Executor io, Control owner, Callable<T> work, Consumer<T> done,
                               Consumer<Exception> failed) {
        io.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onUi(owner, () -> failed.accept(e));
                return;
            } catch (LinkageError e) {
                onUi(owner, () -> failed.accept(new RuntimeException(e)));
                return;
            }
            onUi(owner, () -> done.accept(result));
        });
    }

    /**
     * Runs blocking work as a named background job (an Eclipse Job in the workbench: progress and cancel) and hands
     * its result back to the UI thread; a cancelled job reports nothing.
     */
    static <T> java.util.concurrent.CompletableFuture<T> job(dev.homeport.browser.core.BackgroundJobs jobs,
            String name, Control owner, dev.homeport.browser.core.BackgroundJobs.Work<T> work, Consumer<T> done,
            Consumer<Exception> failed) {
        java.util.concurrent.CompletableFuture<T> f = jobs.submit(name, work);
        f.whenComplete((result, e) -> {
            if (e == null) {
                onUi(owner, () -> done.accept(result));
            } else if (!(e instanceof java.util.concurrent.CancellationException)) {
                Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause() : e;
                Exception ex = cause instanceof Exception x ? x : new RuntimeException(cause);
                onUi(owner, () -> failed.accept(ex));
            }
        });
        return f;
    }

    static void onUi(Control owner, Runnable r) {
        if (owner.isDisposed()) {
            return;
        }
        owner.getDisplay().asyncExec(() -> {
            if (!owner.isDisposed()) {
                r.run();
            }
        });
    }

    /** A status line: black for information, red for errors (the whole message, never cut). */
    static void status(Label label, String text, boolean error) {
        label.setText(text);
        label.setToolTipText(text);
        label.setForeground(label.getDisplay().getSystemColor(error ? SWT.COLOR_RED : SWT.COLOR_WIDGET_FOREGROUND));
        label.getParent().layout(true);
    }

    /** The message of an exception and of its causes, for the user. */
    static String message(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && sb.indexOf(m) < 0) {
                if (!sb.isEmpty()) {
                    sb.append(": ");
                }
                sb.append(m);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.isEmpty() ? e.getClass().getSimpleName() : sb.toString();
    }
}
