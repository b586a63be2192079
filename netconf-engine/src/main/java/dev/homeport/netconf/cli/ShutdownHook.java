package dev.homeport.netconf.cli;

/**
 * Runs an action when the process is stopped (Ctrl-C, SIGTERM) while a command is running, so that sessions end
 * with close-session rather than a dropped connection. Only for the real process: in-process runs (tests) stop
 * their commands by interrupting them.
 */
final class ShutdownHook implements AutoCloseable {
    private final Thread hook;

    private ShutdownHook(Thread hook) {
        this.hook = hook;
    }

    static ShutdownHook install(CommandIo io, Runnable action) {
        if (!io.isProcess()) {
            return new ShutdownHook(null);
        }
        Thread t = new Thread(() -> {
            action.run();
            io.flush();
        }, "homeport-shutdown");
        Runtime.getRuntime().addShutdownHook(t);
        return new ShutdownHook(t);
    }

    @Override
    public void close() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing left to undo
            }
        }
    }
}
