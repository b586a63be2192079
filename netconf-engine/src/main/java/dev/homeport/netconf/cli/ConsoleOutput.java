package dev.homeport.netconf.cli;

import java.io.PrintWriter;

/** Results straight to stdout, notes to stderr with the program's name: connect and {@code listen --once}. */
final class ConsoleOutput implements Operation.Output {
    private final CommandIo io;

    ConsoleOutput(CommandIo io) {
        this.io = io;
    }

    @Override
    public void result(String text) {
        PrintWriter out = io.out();
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    @Override
    public void note(String line) {
        io.err().println("homeport: " + line);
    }
}
