package dev.homeport.yang.check;

/**
 * One check of a module (with its submodules) on the syntax trees and the workspace index. Each reports its own
 * stable codes through {@link CheckContext#report}; a check that finds what would also stop yangtools marks the
 * statement so that yangtools runs without it ({@link CheckContext#patch}) and reports what else is wrong.
 */
public interface Check {
    void run(CheckContext context);
}
