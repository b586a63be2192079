package dev.homeport.yang.model;

import dev.homeport.yang.syntax.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code type} statement followed through its typedefs down to the built-in type. {@code layers} go from the
 * statement as written (index 0) to the typedef whose type is built in (last); restrictions of a more derived
 * layer narrow those of the layers after it.
 *
 * @param builtin null when some typedef in the chain cannot be found (reported by the type check)
 */
public record ResolvedType(BuiltinType builtin, List<Layer> layers) {

    /**
     * One {@code type} statement of the chain; {@code typedef} is the typedef it belongs to (null for the statement
     * as written), {@code context} the source it is in (its prefixes apply to what it says).
     */
    public record Layer(Statement type, ModuleContext context, Statement typedef) {
    }

    public boolean resolved() {
        return builtin != null;
    }

    /** The children {@code keyword} of the most derived layer that has any; empty when none has. */
    public List<Statement> nearest(String keyword) {
        for (Layer l : layers) {
            List<Statement> found = l.type.children(keyword);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** The layer whose type statement declares {@code keyword}, nearest first; null when none. */
    public Layer nearestLayerWith(String keyword) {
        for (Layer l : layers) {
            if (l.type.firstChild(keyword).isPresent()) {
                return l;
            }
        }
        return null;
    }

    /** Every {@code pattern} of every layer: all of them restrict the value. */
    public List<Statement> patterns() {
        List<Statement> all = new ArrayList<>();
        for (Layer l : layers) {
            all.addAll(l.type.children("pattern"));
        }
        return all;
    }

    /** The nearest typedef default, if a typedef in the chain has one. */
    public Statement typedefDefault() {
        for (Layer l : layers) {
            if (l.typedef != null) {
                Statement d = l.typedef.firstChild("default").orElse(null);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /** The layers after {@code layer}: what {@code layer}'s restrictions must stay within. */
    public ResolvedType below(Layer layer) {
        int i = layers.indexOf(layer);
        return new ResolvedType(builtin, layers.subList(i + 1, layers.size()));
    }
}
