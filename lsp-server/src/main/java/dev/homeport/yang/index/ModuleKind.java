package dev.homeport.yang.index;

/** Whether a source defines a module or a submodule. */
public enum ModuleKind {
    MODULE("module"), SUBMODULE("submodule");

    private final String keyword;

    ModuleKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
