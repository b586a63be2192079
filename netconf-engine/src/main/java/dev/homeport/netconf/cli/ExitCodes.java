package dev.homeport.netconf.cli;

/** Exit codes of the NETCONF commands, as netconf-console users expect them. */
public final class ExitCodes {
    /** Data or ok. */
    public static final int OK = 0;
    /** The device answered with rpc-error. */
    public static final int RPC_ERROR = 1;
    /** Usage, connection or authentication failure. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
