package dev.homeport.yang.index;

import dev.homeport.yang.text.Diagnostic;
import java.util.List;

/**
 * What a reference resolves to. {@code target} is the chosen source, null when none fits; {@code ties} holds
 * every source that fitted equally well (more than one means the choice was ambiguous); {@code problem} is the
 * diagnostic to show on the reference, or null.
 */
public record Resolution(ModuleReference reference, IndexedSource target, List<IndexedSource> ties, Diagnostic problem) {
    public Resolution {
        ties = List.copyOf(ties);
    }

    public boolean isResolved() {
        return target != null;
    }
}
