package dev.homeport.browser.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/**
 * Drives real SWT widgets as a user would (click, select, type, expand) and waits for what they show, running the
 * UI loop meanwhile; saves screenshots of a shell. For the browser's UI tests.
 */
final class SwtDriver {
    private final Display display;
    private final Duration wait;
    private final Path output;
    private final Supplier<String> diagnostics;

    SwtDriver(Display display, Duration wait, Path output, Supplier<String> diagnostics) {
        this.display = display;
        this.wait = wait;
        this.output = output;
        this.diagnostics = diagnostics;
    }

    void click(Button b) {
        assertThat(b.isEnabled()).as("button " + b.getText() + " enabled").isTrue();
        b.notifyListeners(SWT.Selection, new Event());
        pump();
    }

    void type(Text t, String text) {
        t.setText(text); // fires SWT.Modify as typing does
        pump();
    }

    /** Presses Enter in a text field. */
    void enter(Text t) {
        t.notifyListeners(SWT.DefaultSelection, new Event());
        pump();
    }

    void choose(Combo c, String item) {
        int i = Arrays.asList(c.getItems()).indexOf(item);
        assertThat(i).as(item + " in " + Arrays.toString(c.getItems())).isNotNegative();
        c.select(i);
        c.notifyListeners(SWT.Selection, new Event());
        pump();
    }

    void select(Table table, TableItem row) {
        table.setSelection(row);
        Event e = new Event();
        e.item = row;
        table.notifyListeners(SWT.Selection, e);
        pump();
    }

    void expand(Tree tree, TreeItem item) {
        Event e = new Event();
        e.item = item;
        tree.notifyListeners(SWT.Expand, e);
        item.setExpanded(true);
        pump();
        assertThat(item.getItemCount()).as("children of " + item.getText()).isPositive();
    }

    static Optional<TreeItem> item(TreeItem[] items, String name) {
        return Arrays.stream(items).filter(i -> name.equals(i.getText(0))).findFirst();
    }

    static List<String> names(TreeItem[] items) {
        return Arrays.stream(items).map(i -> i.getText(0)).toList();
    }

    static List<String> column(Table table, int column) {
        return Arrays.stream(table.getItems()).map(i -> i.getText(column)).toList();
    }

    void pump() {
        while (display.readAndDispatch()) {
            // run what is queued
        }
    }

    void await(String what, BooleanSupplier condition) {
        awaitValue(what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    <T> T awaitValue(String what, Supplier<Optional<T>> value) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            pump();
            Optional<T> v = value.get();
            if (v.isPresent()) {
                return v.get();
            }
            display.timerExec(50, () -> { });
            display.sleep();
        }
        for (Shell s : display.getShells()) {
            if (!s.isDisposed() && s.isVisible()) {
                screenshot(s, "failed-" + what.replaceAll("\\W+", "-"));
                break;
            }
        }
        throw new AssertionError("timed out waiting for " + what + "; " + diagnostics.get());
    }

    /** The shell as it is on screen, saved as {@code <output>/<name>.png}. */
    void screenshot(Shell shell, String name) {
        // let the X server paint what the widgets hold before the screen is copied
        shell.redraw(0, 0, shell.getSize().x, shell.getSize().y, true);
        shell.update();
        long until = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < until) {
            pump();
            display.timerExec(20, () -> { });
            display.sleep();
        }
        Rectangle r = shell.getBounds();
        Image image = new Image(display, r.width, r.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, r.x, r.y);
            ImageLoader png = new ImageLoader();
            png.data = new ImageData[] {image.getImageData()};
            png.save(output.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
