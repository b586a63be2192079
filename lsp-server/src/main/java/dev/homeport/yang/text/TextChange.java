package dev.homeport.yang.text;

/**
 * One edit an editor reports: replace {@code range} with {@code text}, or the whole document when
 * {@code range} is null (LSP's full-sync change event).
 */
public record TextChange(Range range, String text) {
    public TextChange {
        if (text == null) {
            throw new IllegalArgumentException("change text is null");
        }
    }

    public static TextChange full(String text) {
        return new TextChange(null, text);
    }
}
