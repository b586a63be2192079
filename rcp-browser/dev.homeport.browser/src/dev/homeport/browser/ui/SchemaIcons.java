package dev.homeport.browser.ui;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Small icons for schema node kinds, as in a MIB browser's tree: a coloured badge with the kind's letter. Drawn
 * here (16x16) so the panel needs neither the workbench's shared images nor image files; made once per kind and
 * disposed with the control that shows them.
 */
final class SchemaIcons {
    private record Badge(String letter, RGB colour) {
    }

    private static final Map<String, Badge> BADGES = Map.ofEntries(
            Map.entry("module", new Badge("M", new RGB(90, 90, 90))),
            Map.entry("container", new Badge("C", new RGB(200, 140, 20))),
            Map.entry("container (presence)", new Badge("P", new RGB(200, 110, 20))),
            Map.entry("list", new Badge("L", new RGB(40, 120, 200))),
            Map.entry("leaf", new Badge("l", new RGB(60, 150, 70))),
            Map.entry("leaf-list", new Badge("ll", new RGB(40, 130, 130))),
            Map.entry("choice", new Badge("?", new RGB(140, 90, 170))),
            Map.entry("case", new Badge("c", new RGB(160, 120, 190))),
            Map.entry("rpc", new Badge("R", new RGB(200, 60, 60))),
            Map.entry("action", new Badge("A", new RGB(220, 80, 120))),
            Map.entry("notification", new Badge("N", new RGB(230, 150, 40))));

    private final Display display;
    private final Map<String, Image> images = new HashMap<>();

    SchemaIcons(Control owner) {
        this.display = owner.getDisplay();
        owner.addDisposeListener(e -> images.values().forEach(Image::dispose));
    }

    /** The icon of a kind as {@link SchemaPanel#kind} names it; null for kinds without one. */
    Image of(String kind) {
        Badge b = BADGES.get(kind);
        return b == null ? null : images.computeIfAbsent(kind, k -> draw(b));
    }

    private Image draw(Badge b) {
        // a transparent 16x16 canvas (alpha channel), then a rounded badge with the letter in white
        ImageData blank = new ImageData(16, 16, 32, new org.eclipse.swt.graphics.PaletteData(0xFF0000, 0xFF00, 0xFF));
        blank.alphaData = new byte[16 * 16];
        Image image = new Image(display, blank);
        GC gc = new GC(image);
        Color fill = new Color(display, b.colour());
        try {
            gc.setAntialias(SWT.ON);
            gc.setBackground(fill);
            gc.fillRoundRectangle(1, 1, 14, 14, 5, 5);
            gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
            gc.setFont(display.getSystemFont());
            Point size = gc.textExtent(b.letter());
            gc.drawText(b.letter(), Math.max(0, (16 - size.x) / 2), Math.max(0, (16 - size.y) / 2), true);
        } finally {
            gc.dispose();
            fill.dispose();
        }
        return image;
    }
}
