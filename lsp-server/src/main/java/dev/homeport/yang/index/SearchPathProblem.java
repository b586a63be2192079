package dev.homeport.yang.index;

/** A search-path entry or file the index could not use, and why. */
public record SearchPathProblem(String entry, String message) {
    @Override
    public String toString() {
        return entry + ": " + message;
    }
}
